using System.Text.Json;
using System.Text.Json.Serialization;

namespace PhotoCollect.Core.Payments.WeChatPay;

/// <summary>A JSAPI payment to create: amount in fen, the payer's openid under our mini program.</summary>
public sealed record WeChatPayJsapiOrder(string OutTradeNo, string Description, int AmountFen, string PayerOpenId, DateTimeOffset ExpiresAt);

/// <summary>A refund to request; <see cref="TotalFen"/> is the original payment's amount.</summary>
public sealed record WeChatPayRefundRequest(string OutTradeNo, string OutRefundNo, int RefundFen, int TotalFen, string? Reason);

public sealed record WeChatPayAmount(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("currency")] string Currency = WeChatPayJson.Currency,
    [property: JsonPropertyName("payer_total")] int? PayerTotal = null,
    [property: JsonPropertyName("payer_currency")] string? PayerCurrency = null);

public sealed record WeChatPayPayer([property: JsonPropertyName("openid")] string OpenId);

/// <summary>A payment as WeChat Pay reports it (query answer and <c>TRANSACTION.SUCCESS</c> notify resource).</summary>
public sealed record WeChatPayTransaction(
    [property: JsonPropertyName("appid")] string AppId,
    [property: JsonPropertyName("mchid")] string MchId,
    [property: JsonPropertyName("out_trade_no")] string OutTradeNo,
    [property: JsonPropertyName("transaction_id")] string? TransactionId,
    [property: JsonPropertyName("trade_type")] string? TradeType,
    [property: JsonPropertyName("trade_state")] string TradeState,
    [property: JsonPropertyName("trade_state_desc")] string? TradeStateDesc,
    [property: JsonPropertyName("success_time")] DateTimeOffset? SuccessTime,
    [property: JsonPropertyName("payer")] WeChatPayPayer? Payer,
    [property: JsonPropertyName("amount")] WeChatPayAmount? Amount)
{
    public bool IsPaid => TradeState == "SUCCESS";
}

public sealed record WeChatPayRefundAmount(
    [property: JsonPropertyName("refund")] int Refund,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("currency")] string Currency = WeChatPayJson.Currency);

/// <summary>A refund as WeChat Pay reports it: <c>PROCESSING</c>, <c>SUCCESS</c>, <c>CLOSED</c> or <c>ABNORMAL</c>.</summary>
public sealed record WeChatPayRefund(
    [property: JsonPropertyName("refund_id")] string RefundId,
    [property: JsonPropertyName("out_refund_no")] string OutRefundNo,
    [property: JsonPropertyName("transaction_id")] string? TransactionId,
    [property: JsonPropertyName("out_trade_no")] string OutTradeNo,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("create_time")] DateTimeOffset? CreateTime,
    [property: JsonPropertyName("success_time")] DateTimeOffset? SuccessTime,
    [property: JsonPropertyName("amount")] WeChatPayRefundAmount Amount);

/// <summary>The resource of a <c>REFUND.*</c> notify (it names the state <c>refund_status</c>, unlike the query).</summary>
public sealed record WeChatPayRefundNotice(
    [property: JsonPropertyName("mchid")] string MchId,
    [property: JsonPropertyName("out_trade_no")] string OutTradeNo,
    [property: JsonPropertyName("transaction_id")] string? TransactionId,
    [property: JsonPropertyName("out_refund_no")] string OutRefundNo,
    [property: JsonPropertyName("refund_id")] string RefundId,
    [property: JsonPropertyName("refund_status")] string RefundStatus,
    [property: JsonPropertyName("success_time")] DateTimeOffset? SuccessTime,
    [property: JsonPropertyName("amount")] WeChatPayRefundAmount Amount);

/// <summary>The envelope of a notify: id (unique per notification), event type and the encrypted resource.</summary>
public sealed record WeChatPayNotifyEnvelope(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("create_time")] DateTimeOffset? CreateTime,
    [property: JsonPropertyName("event_type")] string EventType,
    [property: JsonPropertyName("resource_type")] string? ResourceType,
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("resource")] WeChatPayEncryptedResource Resource);

/// <summary>A verified, decrypted notify: <see cref="ResourceJson"/> is the plaintext to keep for reconciliation.</summary>
public sealed record WeChatPayNotification(string Id, string EventType, DateTimeOffset? CreateTime, string ResourceJson)
{
    public bool IsTransaction => EventType.StartsWith("TRANSACTION.", StringComparison.Ordinal);

    public bool IsRefund => EventType.StartsWith("REFUND.", StringComparison.Ordinal);

    public WeChatPayTransaction Transaction() => WeChatPayJson.Read<WeChatPayTransaction>(System.Text.Encoding.UTF8.GetBytes(ResourceJson));

    public WeChatPayRefundNotice Refund() => WeChatPayJson.Read<WeChatPayRefundNotice>(System.Text.Encoding.UTF8.GetBytes(ResourceJson));
}

/// <summary>The JSON conventions of API v3 (explicit snake_case names on every model; nulls left out).</summary>
public static class WeChatPayJson
{
    public const string Currency = "CNY";

    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,

        // Chinese text as UTF-8, as WeChat Pay writes it, rather than \uXXXX escapes.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>RFC 3339 in China time, as <c>time_expire</c> wants it: 2026-06-01T12:30:00+08:00.</summary>
    public static string Rfc3339(DateTimeOffset value) =>
        Common.ChinaTime.ToChina(value).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Throws <see cref="PaymentErrors.Unverified"/> for an answer that is not the JSON expected.</summary>
    public static T Read<T>(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Options) ?? throw new JsonException("null");
        }
        catch (JsonException)
        {
            throw new Common.DomainException(PaymentErrors.Unverified);
        }
    }
}
