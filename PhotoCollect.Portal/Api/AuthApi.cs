using Microsoft.AspNetCore.Http.HttpResults;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Students;
using PhotoCollect.Core.Students.WeChat;

namespace PhotoCollect.Portal.Api;

public sealed record WeChatLoginRequest(string? Code);

public sealed record PhoneBindRequest(string? Code);

/// <summary>The token and the profile, so the mini program knows at once whether consent or profile completion is due.</summary>
public sealed record LoginResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, int ExpiresIn, StudentProfile Profile);

/// <summary>WeChat sign-in and phone binding.</summary>
public static class AuthApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("登录");
        auth.MapPost("/wechat", SignIn)
            .AllowAnonymous()
            .RequireRateLimiting(StudentRateLimits.Login)
            .WithSummary("微信登录：用 wx.login 的 code 换取访问令牌")
            .WithDescription("服务器用 code 调用微信 jscode2session（只调用一次，从不重发），session_key 只留在服务器。首次登录自动创建学生账号。"
                + "同一地址、同一账号的登录次数有限（StudentApi:RateLimits:Login / LoginPerAccount），超出时返回 429 并带 Retry-After。")
            .Errors(StudentErrors.LoginCodeRequired.Code, WeChatErrors.InvalidLoginCode.Code, WeChatErrors.RateLimited.Code, WeChatErrors.RiskyUser.Code, WeChatErrors.Failed.Code, WeChatErrors.Unavailable.Code);

        auth.MapPost("/phone", BindPhone)
            .RequireAuthorization(Policies.Student)
            .RequireRateLimiting(StudentRateLimits.LoginPerAccount)
            .WithSummary("绑定手机号：用手机号快速验证组件的 code 换取手机号")
            .WithDescription("服务器用共享缓存的 access_token（stable_token）调用 getuserphonenumber。返回的手机号已打码。")
            .Errors(StudentErrors.PhoneCodeRequired.Code, WeChatErrors.InvalidPhoneCode.Code, WeChatErrors.RateLimited.Code, WeChatErrors.Failed.Code, WeChatErrors.Unavailable.Code);
    }

    private static async Task<Ok<LoginResponse>> SignIn(WeChatLoginRequest request, StudentAccountService accounts, StudentTokenService tokens, StudentLoginLimiter limiter, CancellationToken cancellationToken)
    {
        var profile = await accounts.SignInAsync(request.Code, cancellationToken);
        limiter.EnsureAllowed(profile.AccountId);
        var token = tokens.Issue(profile.AccountId);
        return TypedResults.Ok(new LoginResponse(token.AccessToken, token.TokenType, token.ExpiresAt, token.ExpiresIn, profile));
    }

    private static async Task<Ok<StudentProfile>> BindPhone(PhoneBindRequest request, HttpContext context, StudentAccountService accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await accounts.BindPhoneAsync(context.AccountId(), request.Code, cancellationToken));
}
