using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Payments.WeChatPay;

/// <summary>
/// WeChat Pay API v3 for a direct merchant with JSAPI payments: prepay, query, close, refund, refund query and the
/// trade bill. Every request is signed (<see cref="WeChatPaySigner"/>) and every 2xx answer verified before it is
/// read (<see cref="WeChatPayVerifier"/>); failures surface as <see cref="PaymentErrors"/>.
/// </summary>
public sealed class WeChatPayClient
{
    /// <summary>The name of the configured HttpClient (base address, timeout, and the simulator as handler in Simulated mode).</summary>
    public const string HttpClientName = "WeChatPay";

    // A day's trade bill of a branch is a few thousand lines; anything near this is not a bill.
    private const int MaxBillBytes = 64 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly WeChatPaySigner _signer;
    private readonly WeChatPayVerifier _verifier;
    private readonly WeChatPayOptions _options;
    private readonly ILogger<WeChatPayClient> _logger;
    private readonly Uri _baseAddress;

    public WeChatPayClient(HttpClient http, WeChatPaySigner signer, WeChatPayVerifier verifier, WeChatPayOptions options, ILogger<WeChatPayClient> logger)
    {
        _http = http;
        _signer = signer;
        _verifier = verifier;
        _options = options;
        _logger = logger;
        _baseAddress = new Uri(options.BaseAddress);
    }

    /// <summary>Creates a JSAPI prepay and returns its <c>prepay_id</c> (valid two hours at WeChat).</summary>
    public async Task<string> CreateJsapiPrepayAsync(WeChatPayJsapiOrder order, CancellationToken cancellationToken)
    {
        var body = new JsapiPrepayBody(_options.AppId, _options.MchId, order.Description, order.OutTradeNo,
            WeChatPayJson.Rfc3339(order.ExpiresAt), _options.NotifyUrl, new WeChatPayAmount(order.AmountFen), new WeChatPayPayer(order.PayerOpenId));
        var answer = await SendAsync<PrepayAnswer>(HttpMethod.Post, "/v3/pay/transactions/jsapi", body, cancellationToken);
        return string.IsNullOrEmpty(answer!.PrepayId) ? throw new DomainException(PaymentErrors.Unverified) : answer.PrepayId;
    }

    /// <summary>The <c>wx.requestPayment</c> parameters for a prepay.</summary>
    public WeChatPayJsapiParameters PaymentParameters(string prepayId) => _signer.PaymentParameters(prepayId);

    /// <summary>The payment's state at WeChat; <see cref="PaymentErrors.NotFound"/> when WeChat has no such order.</summary>
    public async Task<WeChatPayTransaction> QueryByOutTradeNoAsync(string outTradeNo, CancellationToken cancellationToken) =>
        (await SendAsync<WeChatPayTransaction>(HttpMethod.Get,
            $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}?mchid={Uri.EscapeDataString(_options.MchId)}", null, cancellationToken))!;

    /// <summary>Closes an unpaid order so it can no longer be paid (WeChat answers 204).</summary>
    public Task CloseAsync(string outTradeNo, CancellationToken cancellationToken) =>
        SendAsync<JsonElement?>(HttpMethod.Post, $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}/close",
            new CloseBody(_options.MchId), cancellationToken);

    /// <summary>Requests a refund; repeating it with the same <c>out_refund_no</c> is safe (WeChat treats it as the same refund).</summary>
    public async Task<WeChatPayRefund> RefundAsync(WeChatPayRefundRequest refund, CancellationToken cancellationToken)
    {
        var notifyUrl = string.IsNullOrWhiteSpace(_options.RefundNotifyUrl) ? _options.NotifyUrl : _options.RefundNotifyUrl;
        var body = new RefundBody(refund.OutTradeNo, refund.OutRefundNo, refund.Reason, notifyUrl,
            new WeChatPayRefundAmount(refund.RefundFen, refund.TotalFen));
        return (await SendAsync<WeChatPayRefund>(HttpMethod.Post, "/v3/refund/domestic/refunds", body, cancellationToken))!;
    }

    public async Task<WeChatPayRefund> QueryRefundAsync(string outRefundNo, CancellationToken cancellationToken) =>
        (await SendAsync<WeChatPayRefund>(HttpMethod.Get, $"/v3/refund/domestic/refunds/{Uri.EscapeDataString(outRefundNo)}", null, cancellationToken))!;

    /// <summary>
    /// The trade bill (bill_type ALL) of a China day: asks for its download address (valid about 30 s), downloads it,
    /// checks its SHA1 (the download is not signed), unpacks gzip when asked for, and parses it.
    /// <see cref="PaymentErrors.BillNotReady"/> before WeChat has made it (about 10:00 the next day).
    /// </summary>
    public async Task<WeChatPayTradeBill> DownloadTradeBillAsync(DateOnly day, bool gzip, CancellationToken cancellationToken)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var bill = (await SendAsync<BillAnswer>(HttpMethod.Get,
            $"/v3/bill/tradebill?bill_date={date}&bill_type=ALL" + (gzip ? "&tar_type=GZIP" : ""), null, cancellationToken))!;

        // The download is signed like any request, so it must never leave WeChat Pay's own host.
        if (!Uri.TryCreate(bill.DownloadUrl, UriKind.Absolute, out var download)
            || Uri.Compare(download, _baseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            _logger.LogWarning("WeChat Pay bill download address {Address} is not on {Base}: refused", bill.DownloadUrl, _baseAddress);
            throw new DomainException(PaymentErrors.BillInvalid);
        }

        byte[] bytes;
        using (var request = _signer.CreateRequest(HttpMethod.Get, download))
        {
            bytes = await DownloadAsync(request, cancellationToken);
        }

        var actual = Convert.ToHexString(SHA1.HashData(bytes));
        if (!string.Equals(bill.HashType, "SHA1", StringComparison.OrdinalIgnoreCase) || !string.Equals(actual, bill.HashValue, StringComparison.OrdinalIgnoreCase))
        {
            _logger.LogWarning("WeChat Pay bill of {Day}: hash {Type} {Expected} expected, SHA1 {Actual} downloaded", date, bill.HashType, bill.HashValue, actual);
            throw new DomainException(PaymentErrors.BillInvalid);
        }

        return WeChatPayTradeBill.Parse(gzip ? Gunzip(bytes) : bytes);
    }

    private async Task<byte[]> DownloadAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                _logger.LogWarning("WeChat Pay bill download answered {Status}", (int)response.StatusCode);
                throw new DomainException(PaymentErrors.Unavailable);
            }

            return await WeChatPayTransport.ReadCappedAsync(response, MaxBillBytes, _logger, cancellationToken);
        }
        catch (Exception error) when (error is HttpRequestException || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _logger.LogWarning(error, "WeChat Pay bill download failed");
            throw new DomainException(PaymentErrors.Unavailable);
        }
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        try
        {
            using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            throw new DomainException(PaymentErrors.BillInvalid);
        }
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, string pathAndQuery, object? body, CancellationToken cancellationToken)
    {
        var json = body is null ? null : JsonSerializer.Serialize(body, body.GetType(), WeChatPayJson.Options);
        var request = _signer.CreateRequest(method, new Uri(_baseAddress, pathAndQuery), json);
        var raw = await WeChatPayTransport.SendAsync(_http, request, _logger, cancellationToken);
        var verdict = await _verifier.VerifyAsync(raw.Message, cancellationToken);
        if (verdict != WeChatPayVerification.Valid)
        {
            _logger.LogWarning("WeChat Pay {Method} {Path} answer refused: {Verdict} (serial {Serial})", method, pathAndQuery.Split('?')[0], verdict, raw.Message.Serial);
            throw new DomainException(PaymentErrors.Unverified);
        }

        return raw.Message.Body.Length == 0 ? default : WeChatPayJson.Read<T>(raw.Message.Body);
    }

    private sealed record JsapiPrepayBody(
        [property: JsonPropertyName("appid")] string AppId,
        [property: JsonPropertyName("mchid")] string MchId,
        string Description,
        string OutTradeNo,
        string TimeExpire,
        string NotifyUrl,
        WeChatPayAmount Amount,
        WeChatPayPayer Payer);

    private sealed record CloseBody([property: JsonPropertyName("mchid")] string MchId);

    private sealed record RefundBody(string OutTradeNo, string OutRefundNo, string? Reason, string NotifyUrl, WeChatPayRefundAmount Amount);

    private sealed record PrepayAnswer([property: JsonPropertyName("prepay_id")] string PrepayId);

    private sealed record BillAnswer(
        [property: JsonPropertyName("download_url")] string DownloadUrl,
        [property: JsonPropertyName("hash_type")] string HashType,
        [property: JsonPropertyName("hash_value")] string HashValue);
}
