using System.Security.Claims;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Storage;
using PhotoCollect.Portal.Hosting;

namespace PhotoCollect.Portal.Components.Orders;

/// <summary>Order photos for staff: scoped like the order, never cached (DESIGN.md §9).</summary>
public static class OrderPhotoEndpoints
{
    public static IEndpointRouteBuilder MapOrderPhotos(this IEndpointRouteBuilder app)
    {
        app.MapGet("/orders/{orderId:long}/photos/{versionNo:int}", GetPhotoAsync)
            .RequireAuthorization(Policies.Staff);
        return app;
    }

    private static async Task<IResult> GetPhotoAsync(
        long orderId, int versionNo, ClaimsPrincipal user, OrderDetailsService orders, IFileStore files, HttpContext context, CancellationToken cancellationToken)
    {
        var key = await orders.PhotoKeyAsync(StaffScope.FromPrincipal(user), orderId, versionNo, cancellationToken);
        if (key is null || !files.Exists(key))
        {
            return TypedResults.NotFound();
        }

        return PrivateImage.Jpeg(context, files.OpenRead(key));
    }
}
