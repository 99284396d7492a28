using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PhotoCollect.Core.Identity;

namespace PhotoCollect.Portal.Components.Account;

internal static class IdentityEndpoints
{
    /// <summary>Endpoints the account pages post to (sign-out needs a real POST with antiforgery).</summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            [FromServices] SignInManager<AppUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(string.IsNullOrEmpty(returnUrl) ? "~/Account/Login" : $"~/{returnUrl.TrimStart('/')}");
        }).RequireAuthorization();

        return accountGroup;
    }
}
