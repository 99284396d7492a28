namespace PhotoCollect.Portal.Hosting;

/// <summary>
/// Personal images (student photos, avatars) as HTTP responses: only from authorised endpoints and
/// never kept in a browser or shared cache (DESIGN.md §9). The one place that sets those headers.
/// </summary>
public static class PrivateImage
{
    public static IResult Jpeg(HttpContext context, Stream content)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(content, "image/jpeg");
    }
}
