namespace PhotoCollect.Portal.Api;

/// <summary>The error codes an endpoint can answer with besides the ones every endpoint can (documented in OpenAPI).</summary>
public sealed record ApiErrorCodes(IReadOnlyList<string> Codes);

/// <summary>
/// The most an endpoint reads from the request body. The API middleware refuses a larger
/// declared length before reading anything and caps the body stream for the rest.
/// </summary>
public sealed record RequestBodyLimit(long MaxBytes);

/// <summary>
/// A <c>multipart/form-data</c> body with a <c>file</c> part and these text fields, read by
/// <see cref="MultipartUpload"/>. Documentation only: unlike <c>Accepts</c>, it does not take part
/// in routing, so a wrong content type reaches the handler and gets <c>upload.multipart_required</c>.
/// </summary>
public sealed record MultipartBodyMetadata(IReadOnlyList<string> Fields);

public static class ApiEndpointMetadataExtensions
{
    /// <summary>Bodies of endpoints without <see cref="RequestBodyLimit"/>: small JSON.</summary>
    public const long DefaultBodyLimit = 64 * 1024;

    public static TBuilder Errors<TBuilder>(this TBuilder builder, params string[] codes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiErrorCodes(codes));

    public static TBuilder MultipartBody<TBuilder>(this TBuilder builder, params string[] fields)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new MultipartBodyMetadata(fields));

    public static TBuilder BodyLimit<TBuilder>(this TBuilder builder, long maxBytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestBodyLimit(maxBytes));
}
