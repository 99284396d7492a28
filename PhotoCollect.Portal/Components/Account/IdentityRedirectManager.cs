using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using PhotoCollect.Core.Identity;

namespace PhotoCollect.Portal.Components.Account;

/// <summary>Redirects from static SSR account pages, with an optional one-shot status message.</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri) => navigationManager.NavigateTo(LocalPathOrHome(uri));

    /// <summary>
    /// Only targets on this site: a crafted returnUrl (<c>//evil</c>, <c>/\evil</c>, another
    /// host) lands on the home page instead of another site or an error.
    /// </summary>
    private string LocalPathOrHome(string? uri)
    {
        if (string.IsNullOrEmpty(uri) || uri.Contains('\\', StringComparison.Ordinal))
        {
            return "";
        }

        if (Uri.IsWellFormedUriString(uri, UriKind.Relative))
        {
            return uri.StartsWith("//", StringComparison.Ordinal) ? "" : uri;
        }

        // RedirectToLogin passes the absolute address of the page the user wanted.
        return uri.StartsWith(navigationManager.BaseUri, StringComparison.OrdinalIgnoreCase)
            ? navigationManager.ToBaseRelativePath(uri)
            : "";
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        RedirectTo(navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters));
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, Uri.EscapeDataString(message), StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context) =>
        RedirectToWithStatus(CurrentPath, message, context);

    public void RedirectToInvalidUser(UserManager<AppUser> userManager, HttpContext context) =>
        RedirectToWithStatus("Account/Login", "错误：无法加载当前用户，请重新登录。", context);
}
