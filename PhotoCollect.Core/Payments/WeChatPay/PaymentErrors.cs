using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Payments.WeChatPay;

/// <summary>Stable error codes for WeChat Pay calls and callbacks; WeChat's own code and message go to the log.</summary>
public static class PaymentErrors
{
    /// <summary>Payments are not enabled on this host (Production/Staging without <c>WeChatPay:Enabled</c>).</summary>
    public static readonly DomainError Disabled = new("payment.disabled", "在线支付暂未开通，请稍后再试或联系分社。");

    /// <summary>A notify that kept colliding with concurrent changes: answered FAIL so WeChat sends it again.</summary>
    public static readonly DomainError NotifyRetry = new("payment.notify_retry", "支付通知暂时无法处理，请稍后重试。");

    /// <summary>WeChat Pay could not be reached, timed out or answered 5xx: safe to retry later.</summary>
    public static readonly DomainError Unavailable = new("payment.unavailable", "暂时无法连接微信支付，请稍后再试。");

    /// <summary>WeChat Pay refused the request (4xx); {0}: WeChat's error code.</summary>
    public static readonly DomainError Rejected = new("payment.rejected", "微信支付拒绝了该请求（{0}），请稍后再试；如多次出现，请联系分社。");

    /// <summary>A response or callback whose signature, serial or timestamp does not check out.</summary>
    public static readonly DomainError Unverified = new("payment.unverified", "微信支付的应答未通过签名验证，已拒绝。");

    /// <summary>An encrypted resource that the APIv3 key cannot open (wrong key, tampered tag or nonce).</summary>
    public static readonly DomainError Undecryptable = new("payment.undecryptable", "微信支付的加密数据无法解密，已拒绝。");

    /// <summary>WeChat Pay knows no such order or refund.</summary>
    public static readonly DomainError NotFound = new("payment.not_found", "微信支付中没有该订单或退款。");

    /// <summary>The trade bill for that day does not exist yet (ready from about 10:00 the next day).</summary>
    public static readonly DomainError BillNotReady = new("payment.bill_not_ready", "微信支付的交易账单尚未生成，请稍后再试。");

    /// <summary>The downloaded bill does not match its SHA1, or cannot be read.</summary>
    public static readonly DomainError BillInvalid = new("payment.bill_invalid", "微信支付的交易账单校验失败，已丢弃。");
}
