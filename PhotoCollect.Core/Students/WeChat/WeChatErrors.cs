using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Students.WeChat;

/// <summary>Stable error codes for WeChat calls; clients switch on these. WeChat's own errcode goes to the log only.</summary>
public static class WeChatErrors
{
    public const string InvalidCode = "wechat.invalid_code";
    public const string RateLimited = "wechat.rate_limited";
    public const string RiskyUser = "wechat.risky_user";
    public const string Error = "wechat.error";
    public const string Unavailable = "wechat.unavailable";

    internal static DomainException InvalidLoginCode() => new(InvalidCode, "登录凭证无效或已过期，请重新登录");

    // Same code as a bad login code (the client reacts the same way: ask WeChat for a new code), but the student re-authorises the phone number.
    internal static DomainException InvalidPhoneCode() => new(InvalidCode, "手机号授权已失效，请重新授权手机号");

    internal static DomainException TooManyRequests() => new(RateLimited, "操作太频繁，请稍后再试");

    internal static DomainException Risky() => new(RiskyUser, "微信判定该账号存在风险，暂时无法登录");

    internal static DomainException Failed() => new(Error, "微信服务处理失败，请稍后再试；如多次出现，请联系分社");

    internal static DomainException NotReachable() => new(Unavailable, "暂时无法连接微信服务，请稍后再试");
}
