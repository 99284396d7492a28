using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Students.WeChat;

/// <summary>Errors of WeChat calls; clients switch on the codes. WeChat's own errcode goes to the log only.</summary>
public static class WeChatErrors
{
    public static readonly DomainError InvalidCode = new("wechat.invalid_code", "登录凭证无效或已过期，请重新登录");

    // Same code as a bad login code (the client reacts the same way: ask WeChat for a new code), but the student re-authorises the phone number.
    public static readonly DomainError InvalidPhoneCode = new("wechat.invalid_code", "手机号授权已失效，请重新授权手机号");

    public static readonly DomainError RateLimited = new("wechat.rate_limited", "操作太频繁，请稍后再试");
    public static readonly DomainError RiskyUser = new("wechat.risky_user", "微信判定该账号存在风险，暂时无法登录");
    public static readonly DomainError Error = new("wechat.error", "微信服务处理失败，请稍后再试；如多次出现，请联系分社");
    public static readonly DomainError Unavailable = new("wechat.unavailable", "暂时无法连接微信服务，请稍后再试");
}
