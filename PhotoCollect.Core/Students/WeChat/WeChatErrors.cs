using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Students.WeChat;

/// <summary>Stable error codes for WeChat calls; clients switch on these. WeChat's own errcode goes to the log only.</summary>
public static class WeChatErrors
{
    /// <summary>40029 or 40163: the <c>wx.login</c> code is invalid, expired or already used; the mini program calls <c>wx.login</c> again.</summary>
    public static readonly DomainError InvalidLoginCode = new("wechat.invalid_code", "登录凭证无效或已过期，请重新登录");

    // Same code as a bad login code (the client reacts the same way: ask WeChat for a new code), but the student re-authorises the phone number.
    public static readonly DomainError InvalidPhoneCode = new("wechat.invalid_code", "手机号授权已失效，请重新授权手机号");

    /// <summary>45011: WeChat's per-minute quota for this mini program is used up; answered with <c>Retry-After</c>.</summary>
    public static readonly DomainError RateLimited = new("wechat.rate_limited", "操作太频繁，请稍后再试");

    public static readonly DomainError RiskyUser = new("wechat.risky_user", "微信判定该账号存在风险，暂时无法登录");

    /// <summary>WeChat refused the call for a reason only the branch can fix (credentials, IP allow-list, …).</summary>
    public static readonly DomainError Failed = new("wechat.error", "微信服务处理失败，请稍后再试；如多次出现，请联系分社");

    public static readonly DomainError Unavailable = new("wechat.unavailable", "暂时无法连接微信服务，请稍后再试");

    // Same code as an unreachable WeChat (the client waits and retries), but the limit is our own cap on concurrent calls.
    public static readonly DomainError Busy = new("wechat.unavailable", "同时使用的人较多，请稍等几秒再试");
}
