using PhotoCollect.Core.Common;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Students;

namespace PhotoCollect.Portal.Api;

/// <summary>The student API (<c>/api/v1</c>) that the WeChat mini program calls (DESIGN.md §6).</summary>
public static class StudentApi
{
    public const string Prefix = "/api/v1";

    public static IEndpointRouteBuilder MapStudentApi(this IEndpointRouteBuilder app)
    {
        // Bearer tokens, not cookies, authenticate this API, so there is no cross-site request to forge.
        var api = app.MapGroup(Prefix).DisableAntiforgery();
        AuthApi.Map(api);
        ProfileApi.Map(api);

        // Collecting personal data needs the student's consent to the current notice first.
        var collection = api.MapGroup("")
            .RequireAuthorization(Policies.Student)
            .AddEndpointFilter(async (context, next) =>
            {
                var accounts = context.HttpContext.RequestServices.GetRequiredService<StudentAccountService>();
                await accounts.EnsureConsentedAsync(StudentTokenService.AccountId(context.HttpContext.User), context.HttpContext.RequestAborted);
                return await next(context);
            })
            .WithMetadata(new ApiErrorCodes([StudentErrors.ConsentRequired.Code]));
        CollectionApi.Map(collection);
        PhotoApi.Map(collection, app.ServiceProvider);
        OrderApi.Map(collection);
        PaymentApi.Map(api, collection);

        // An unknown API path answers in JSON, not with the portal's login redirect or HTML 404 page.
        app.MapFallback(Prefix + "/{**path}", (HttpContext context) => ApiErrors.Problem(new DomainException(ApiErrors.NotFound, context.Request.Method, context.Request.Path)))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    internal static long AccountId(this HttpContext context) => StudentTokenService.AccountId(context.User);

    internal static string? ClientAddress(this HttpContext context) => context.Connection.RemoteIpAddress?.ToString();
}
