using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace PhotoCollect.Core.Payments.WeChatPay;

/// <summary>Which key the simulator signs its answers and notifies with.</summary>
public enum SimulatedSigningKey
{
    PublicKey,
    PlatformCertificate,
}

/// <summary>A notify exactly as WeChat Pay would post it: the signature headers and the raw body.</summary>
public sealed record SimulatedWeChatPayNotify(string Url, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public WeChatPaySignedMessage AsSignedMessage() => WeChatPaySignedMessage.FromHeaders(name => Headers.GetValueOrDefault(name), Body);
}

/// <summary>
/// An in-process stand-in for WeChat Pay API v3, plugged into the WeChat Pay HttpClient as its handler so the real
/// client runs unchanged: it checks our <c>WECHATPAY2-SHA256-RSA2048</c> signatures with the merchant public key,
/// answers with signed JSON (with its own platform certificate or its public key), keeps prepays, payments and
/// refunds in memory, serves the encrypted certificates and the trade bill, and builds signed, encrypted notifies
/// (<see cref="Pay"/>, <see cref="CompleteRefund"/>). Never used in Production or Staging.
/// </summary>
public sealed partial class SimulatedWeChatPay : HttpMessageHandler
{
    // Its own JSON settings, not the client's: literal snake_case names, Chinese as UTF-8, as WeChat Pay writes them.
    private static readonly JsonSerializerOptions WireJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private readonly SimulatedWeChatPaySetup _setup;
    private readonly TimeProvider _time;
    private readonly RSA _merchantPublicKey;
    private readonly RSA _publicKeyModeKey;
    private readonly Lock _gate = new();
    private readonly List<(X509Certificate2 Certificate, RSA Key)> _certificates = [];
    private Func<byte[], byte[]>? _tamperNextAnswer;
    private Func<byte[], byte[]>? _tamperNextBill;

    public SimulatedWeChatPay(SimulatedWeChatPaySetup setup, TimeProvider time, ILogger<SimulatedWeChatPay> logger)
    {
        _setup = setup;
        _time = time;
        using (var merchant = RSA.Create())
        {
            merchant.ImportFromPem(setup.MerchantPrivateKeyPem);
            _merchantPublicKey = RSA.Create();
            _merchantPublicKey.ImportSubjectPublicKeyInfo(merchant.ExportSubjectPublicKeyInfo(), out _);
        }

        _publicKeyModeKey = RSA.Create();
        _publicKeyModeKey.ImportFromPem(setup.WeChatPublicKeyPrivatePem);
        RotateCertificate();
        logger.LogWarning("WeChat Pay calls are answered by the in-process simulator (WeChatPay:Mode = Simulated): no money moves.");
    }

    /// <summary>The key answers and notifies are signed with.</summary>
    public SimulatedSigningKey SigningKey { get; set; } = SimulatedSigningKey.PublicKey;

    /// <summary>Send certificate serials in lower case (WeChat's serials appear in both cases).</summary>
    public bool LowerCaseSerial { get; set; }

    /// <summary>Applied to the next answer's body after it is signed: a man in the middle, for tests.</summary>
    public Func<byte[], byte[]>? TamperNextAnswer
    {
        get => _tamperNextAnswer;
        set => _tamperNextAnswer = value;
    }

    /// <summary>Applied to the next bill download after its hash was announced, for tests.</summary>
    public Func<byte[], byte[]>? TamperNextBill
    {
        get => _tamperNextBill;
        set => _tamperNextBill = value;
    }

    public int CertificateDownloads { get; private set; }

    /// <summary>The serial of the newest platform certificate (upper-case hex).</summary>
    public string PlatformSerial
    {
        get
        {
            lock (_gate)
            {
                return _certificates[^1].Certificate.SerialNumber;
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        if (request.Headers.Accept.Count == 0 || !request.Headers.Contains("User-Agent"))
        {
            return Error(request, HttpStatusCode.BadRequest, "INVALID_REQUEST", "Http头缺少Accept或User-Agent");
        }

        if (CheckAuthorization(request, uri, body) is { } refusal)
        {
            return Error(request, HttpStatusCode.Unauthorized, "SIGN_ERROR", refusal);
        }

        var path = uri.AbsolutePath;
        var query = ParseQuery(uri.Query);
        if (request.Method == HttpMethod.Get && path == "/v3/billdownload/file")
        {
            return Download(request, query.GetValueOrDefault("token"));
        }

        var (status, reply) = Route(request.Method, path, query, body);
        return Answer(request, status, reply);
    }

    private (HttpStatusCode Status, object? Reply) Route(HttpMethod method, string path, Dictionary<string, string> query, byte[] body)
    {
        if (method == HttpMethod.Get && path == "/v3/certificates")
        {
            return (HttpStatusCode.OK, Certificates());
        }

        if (method == HttpMethod.Post && path == "/v3/pay/transactions/jsapi")
        {
            return Prepay(Json(body));
        }

        if (TradePath().Match(path) is { Success: true } trade)
        {
            var outTradeNo = Uri.UnescapeDataString(trade.Groups["no"].Value);
            if (method == HttpMethod.Get && !trade.Groups["close"].Success)
            {
                return query.GetValueOrDefault("mchid") == _setup.MchId ? Query(outTradeNo) : Failure(HttpStatusCode.BadRequest, "PARAM_ERROR", "mchid 与商户号不符");
            }

            if (method == HttpMethod.Post && trade.Groups["close"].Success)
            {
                return Close(outTradeNo, Json(body));
            }
        }

        if (method == HttpMethod.Post && path == "/v3/refund/domestic/refunds")
        {
            return Refund(Json(body));
        }

        if (method == HttpMethod.Get && path.StartsWith("/v3/refund/domestic/refunds/", StringComparison.Ordinal))
        {
            return QueryRefund(Uri.UnescapeDataString(path["/v3/refund/domestic/refunds/".Length..]));
        }

        if (method == HttpMethod.Get && path == "/v3/bill/tradebill")
        {
            return TradeBill(query);
        }

        return Failure(HttpStatusCode.NotFound, "NOT_FOUND", "接口不存在");
    }

    private HttpResponseMessage Answer(HttpRequestMessage request, HttpStatusCode status, object? reply)
    {
        if ((int)status >= 400)
        {
            return new HttpResponseMessage(status) { RequestMessage = request, Content = JsonContent(JsonSerializer.SerializeToUtf8Bytes(reply, WireJson)) };
        }

        var body = reply is null ? [] : JsonSerializer.SerializeToUtf8Bytes(reply, WireJson);
        var response = new HttpResponseMessage(status) { RequestMessage = request };
        foreach (var (name, value) in SignatureHeaders(body))
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        response.Headers.TryAddWithoutValidation("Request-ID", Guid.NewGuid().ToString("N"));
        if (Interlocked.Exchange(ref _tamperNextAnswer, null) is { } tamper)
        {
            body = tamper(body);
        }

        response.Content = status == HttpStatusCode.NoContent ? new ByteArrayContent([]) : JsonContent(body);
        return response;
    }

    private static ByteArrayContent JsonContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private static HttpResponseMessage Error(HttpRequestMessage request, HttpStatusCode status, string code, string message) =>
        new(status) { RequestMessage = request, Content = JsonContent(JsonSerializer.SerializeToUtf8Bytes(new { code, message }, WireJson)) };

    private static (HttpStatusCode, object?) Failure(HttpStatusCode status, string code, string message) => (status, new { code, message });

    private static JsonElement Json(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static Dictionary<string, string> ParseQuery(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "", StringComparer.Ordinal);

    [GeneratedRegex("^/v3/pay/transactions/out-trade-no/(?<no>[^/]+)(?<close>/close)?$")]
    private static partial Regex TradePath();

    [GeneratedRegex("(?<name>[a-z_]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex AuthorizationField();
}
