using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;

namespace PhotoCollect.Core.Payments.WeChatPay;

// Prepays, payments, closes and refunds as WeChat Pay keeps them, and the notifies they produce.
public sealed partial class SimulatedWeChatPay
{
    private readonly Dictionary<string, Trade> _trades = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefundRecord> _refunds = new(StringComparer.Ordinal);

    /// <summary>
    /// The student pays <paramref name="outTradeNo"/>: the trade becomes SUCCESS and the signed, encrypted
    /// <c>TRANSACTION.SUCCESS</c> notify for our notify URL is returned, for the caller to post.
    /// </summary>
    public SimulatedWeChatPayNotify Pay(string outTradeNo)
    {
        lock (_gate)
        {
            var trade = _trades.GetValueOrDefault(outTradeNo) ?? throw new InvalidOperationException($"No prepay for {outTradeNo}.");
            if (trade.State is not ("NOTPAY" or "SUCCESS"))
            {
                throw new InvalidOperationException($"{outTradeNo} is {trade.State} and cannot be paid.");
            }

            if (trade.State == "NOTPAY" && _time.GetUtcNow() > trade.ExpiresAt)
            {
                throw new InvalidOperationException($"The prepay of {outTradeNo} expired at {trade.ExpiresAt:O}.");
            }

            if (trade.State == "NOTPAY")
            {
                trade.State = "SUCCESS";
                trade.TransactionId = "4200" + RandomNumberGenerator.GetString("0123456789", 24);
                trade.SuccessTime = _time.GetUtcNow();
            }

            return Notify(trade.NotifyUrl, "TRANSACTION.SUCCESS", "支付成功", "transaction", TransactionJson(trade));
        }
    }

    /// <summary>WeChat finishes a refund with <paramref name="status"/> (SUCCESS, CLOSED or ABNORMAL) and notifies us.</summary>
    public SimulatedWeChatPayNotify CompleteRefund(string outRefundNo, string status = "SUCCESS")
    {
        lock (_gate)
        {
            var refund = _refunds.GetValueOrDefault(outRefundNo) ?? throw new InvalidOperationException($"No refund {outRefundNo}.");
            refund.Status = status;
            refund.SuccessTime = status == "SUCCESS" ? _time.GetUtcNow() : null;
            var trade = _trades[refund.OutTradeNo];
            var resource = new Dictionary<string, object?>
            {
                ["mchid"] = _setup.MchId,
                ["out_trade_no"] = trade.OutTradeNo,
                ["transaction_id"] = trade.TransactionId,
                ["out_refund_no"] = refund.OutRefundNo,
                ["refund_id"] = refund.RefundId,
                ["refund_status"] = status,
                ["success_time"] = refund.SuccessTime is { } at ? WeChatPayJson.Rfc3339(at) : null,
                ["user_received_account"] = "支付用户零钱",
                ["amount"] = new { total = trade.Total, refund = refund.Amount, payer_total = trade.Total, payer_refund = refund.Amount },
            };
            var summary = status switch { "SUCCESS" => "退款成功", "CLOSED" => "退款关闭", _ => "退款异常" };
            return Notify(refund.NotifyUrl, "REFUND." + status, summary, "refund", resource);
        }
    }

    private SimulatedWeChatPayNotify Notify(string url, string eventType, string summary, string originalType, object resource)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            id = "EV-" + RandomNumberGenerator.GetHexString(24),
            create_time = WeChatPayJson.Rfc3339(_time.GetUtcNow()),
            resource_type = "encrypt-resource",
            event_type = eventType,
            summary,
            resource = Encrypted(JsonSerializer.Serialize(resource, WireJson), originalType, originalType),
        }, WireJson);
        return new SimulatedWeChatPayNotify(url, SignatureHeaders(body), body);
    }

    private (HttpStatusCode, object?) Prepay(JsonElement body)
    {
        var appId = Text(body, "appid");
        var outTradeNo = Text(body, "out_trade_no");
        var openId = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("payer", out var payer) ? Text(payer, "openid") : null;
        var (total, currency) = Amount(body, "total");
        if (appId != _setup.AppId || Text(body, "mchid") != _setup.MchId)
        {
            return Failure(HttpStatusCode.BadRequest, "APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配");
        }

        if (string.IsNullOrEmpty(outTradeNo) || string.IsNullOrEmpty(openId) || string.IsNullOrEmpty(Text(body, "description"))
            || string.IsNullOrEmpty(Text(body, "notify_url")) || total is not > 0 || currency != "CNY"
            || !DateTimeOffset.TryParseExact(Text(body, "time_expire"), "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
        {
            return Failure(HttpStatusCode.BadRequest, "PARAM_ERROR", "参数错误");
        }

        lock (_gate)
        {
            if (_trades.TryGetValue(outTradeNo, out var existing))
            {
                return existing.State switch
                {
                    "SUCCESS" => Failure(HttpStatusCode.BadRequest, "ORDERPAID", "该订单已支付"),
                    "CLOSED" => Failure(HttpStatusCode.BadRequest, "ORDER_CLOSED", "订单已关闭"),
                    _ when existing.Total != total || existing.OpenId != openId => Failure(HttpStatusCode.BadRequest, "OUT_TRADE_NO_USED", "商户订单号重复"),
                    _ => (HttpStatusCode.OK, new { prepay_id = existing.PrepayId }),
                };
            }

            var trade = new Trade(outTradeNo, "wx" + RandomNumberGenerator.GetHexString(32, lowercase: true), total.Value, openId, Text(body, "notify_url")!, expires);
            _trades[outTradeNo] = trade;
            return (HttpStatusCode.OK, new { prepay_id = trade.PrepayId });
        }
    }

    private (HttpStatusCode, object?) Query(string outTradeNo)
    {
        lock (_gate)
        {
            return _trades.TryGetValue(outTradeNo, out var trade)
                ? (HttpStatusCode.OK, TransactionJson(trade))
                : Failure(HttpStatusCode.NotFound, "ORDER_NOT_EXIST", "订单不存在");
        }
    }

    private (HttpStatusCode, object?) Close(string outTradeNo, JsonElement body)
    {
        if (Text(body, "mchid") != _setup.MchId)
        {
            return Failure(HttpStatusCode.BadRequest, "PARAM_ERROR", "mchid 与商户号不符");
        }

        lock (_gate)
        {
            if (!_trades.TryGetValue(outTradeNo, out var trade))
            {
                return Failure(HttpStatusCode.NotFound, "ORDER_NOT_EXIST", "订单不存在");
            }

            if (trade.State == "SUCCESS")
            {
                return Failure(HttpStatusCode.BadRequest, "ORDERPAID", "该订单已支付");
            }

            trade.State = "CLOSED";
            return (HttpStatusCode.NoContent, null);
        }
    }

    private (HttpStatusCode, object?) Refund(JsonElement body)
    {
        var outTradeNo = Text(body, "out_trade_no");
        var outRefundNo = Text(body, "out_refund_no");
        var (refund, currency) = Amount(body, "refund");
        var (total, _) = Amount(body, "total");
        lock (_gate)
        {
            if (string.IsNullOrEmpty(outRefundNo) || refund is not > 0 || currency != "CNY")
            {
                return Failure(HttpStatusCode.BadRequest, "PARAM_ERROR", "参数错误");
            }

            if (_refunds.TryGetValue(outRefundNo, out var existing))
            {
                return (HttpStatusCode.OK, RefundJson(existing));
            }

            if (outTradeNo is null || !_trades.TryGetValue(outTradeNo, out var trade) || trade.State != "SUCCESS")
            {
                return Failure(HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS", "订单不存在或未支付");
            }

            var refunded = _refunds.Values.Where(r => r.OutTradeNo == outTradeNo && r.Status != "CLOSED").Sum(r => r.Amount);
            if (total != trade.Total || refunded + refund > trade.Total)
            {
                return Failure(HttpStatusCode.BadRequest, "INVALID_REQUEST", "退款金额或订单金额不符");
            }

            var record = new RefundRecord(outRefundNo, "50" + RandomNumberGenerator.GetString("0123456789", 27), outTradeNo, refund.Value,
                Text(body, "notify_url") ?? trade.NotifyUrl, _time.GetUtcNow());
            _refunds[outRefundNo] = record;
            return (HttpStatusCode.OK, RefundJson(record));
        }
    }

    private (HttpStatusCode, object?) QueryRefund(string outRefundNo)
    {
        lock (_gate)
        {
            return _refunds.TryGetValue(outRefundNo, out var refund)
                ? (HttpStatusCode.OK, RefundJson(refund))
                : Failure(HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS", "退款单不存在");
        }
    }

    private Dictionary<string, object?> TransactionJson(Trade trade) => new()
    {
        ["appid"] = _setup.AppId,
        ["mchid"] = _setup.MchId,
        ["out_trade_no"] = trade.OutTradeNo,
        ["transaction_id"] = trade.TransactionId,
        ["trade_type"] = trade.State == "NOTPAY" ? null : "JSAPI",
        ["trade_state"] = trade.State,
        ["trade_state_desc"] = trade.State switch { "SUCCESS" => "支付成功", "CLOSED" => "已关闭", _ => "未支付" },
        ["bank_type"] = trade.State == "SUCCESS" ? "OTHERS" : null,
        ["success_time"] = trade.SuccessTime is { } at ? WeChatPayJson.Rfc3339(at) : null,
        ["payer"] = new { openid = trade.OpenId },
        ["amount"] = trade.State == "SUCCESS"
            ? new { total = trade.Total, payer_total = (int?)trade.Total, currency = "CNY", payer_currency = "CNY" }
            : new { total = trade.Total, payer_total = (int?)null, currency = "CNY", payer_currency = "CNY" },
    };

    private Dictionary<string, object?> RefundJson(RefundRecord refund)
    {
        var trade = _trades[refund.OutTradeNo];
        return new()
        {
            ["refund_id"] = refund.RefundId,
            ["out_refund_no"] = refund.OutRefundNo,
            ["transaction_id"] = trade.TransactionId,
            ["out_trade_no"] = trade.OutTradeNo,
            ["channel"] = "ORIGINAL",
            ["user_received_account"] = "支付用户零钱",
            ["success_time"] = refund.SuccessTime is { } at ? WeChatPayJson.Rfc3339(at) : null,
            ["create_time"] = WeChatPayJson.Rfc3339(refund.CreatedAt),
            ["status"] = refund.Status,
            ["funds_account"] = "AVAILABLE",
            ["amount"] = new { total = trade.Total, refund = refund.Amount, payer_total = trade.Total, payer_refund = refund.Amount, currency = "CNY" },
        };
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static (int? Value, string? Currency) Amount(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("amount", out var amount) && amount.ValueKind == JsonValueKind.Object
            ? (amount.TryGetProperty(name, out var value) && value.TryGetInt32(out var fen) ? fen : null, Text(amount, "currency"))
            : (null, null);

    private sealed class Trade(string outTradeNo, string prepayId, int total, string openId, string notifyUrl, DateTimeOffset expiresAt)
    {
        public string OutTradeNo { get; } = outTradeNo;
        public string PrepayId { get; } = prepayId;
        public int Total { get; } = total;
        public string OpenId { get; } = openId;
        public string NotifyUrl { get; } = notifyUrl;
        public DateTimeOffset ExpiresAt { get; } = expiresAt;
        public string State { get; set; } = "NOTPAY";
        public string? TransactionId { get; set; }
        public DateTimeOffset? SuccessTime { get; set; }
    }

    private sealed class RefundRecord(string outRefundNo, string refundId, string outTradeNo, int amount, string notifyUrl, DateTimeOffset createdAt)
    {
        public string OutRefundNo { get; } = outRefundNo;
        public string RefundId { get; } = refundId;
        public string OutTradeNo { get; } = outTradeNo;
        public int Amount { get; } = amount;
        public string NotifyUrl { get; } = notifyUrl;
        public DateTimeOffset CreatedAt { get; } = createdAt;
        public string Status { get; set; } = "PROCESSING";
        public DateTimeOffset? SuccessTime { get; set; }
    }
}
