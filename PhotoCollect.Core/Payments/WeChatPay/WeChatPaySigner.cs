using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Payments.WeChatPay;

/// <summary>The <c>wx.requestPayment</c> parameters for a prepay; signType is always <c>RSA</c>.</summary>
public sealed record WeChatPayJsapiParameters(string AppId, string TimeStamp, string NonceStr, string Package, string SignType, string PaySign);

/// <summary>
/// Signs with the merchant API key: the <c>WECHATPAY2-SHA256-RSA2048</c> Authorization header over
/// <c>METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n</c> (URL = path and query as sent) and the mini program's
/// <c>paySign</c> over <c>appId\ntimeStamp\nnonceStr\npackage\n</c>. Nonces come from <see cref="ISecureRandom"/>
/// and timestamps from <see cref="TimeProvider"/>, so tests can fix both.
/// </summary>
public sealed class WeChatPaySigner : IDisposable
{
    public const string Scheme = "WECHATPAY2-SHA256-RSA2048";
    public const string UserAgent = "PhotoCollect/1.0 (WeChatPay-APIv3; .NET)";
    private const string NonceAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const int NonceLength = 32;

    private readonly RSA _merchantKey;
    private readonly WeChatPayOptions _options;
    private readonly ISecureRandom _random;
    private readonly TimeProvider _time;

    public WeChatPaySigner(WeChatPayOptions options, ISecureRandom random, TimeProvider time)
    {
        _options = options;
        _random = random;
        _time = time;
        _merchantKey = WeChatPayKeys.PrivateKeyFromPem(WeChatPayKeys.PemFrom(options.MerchantPrivateKeyPem, options.MerchantPrivateKeyPath));
    }

    /// <summary>The signing string WeChat Pay expects for a request.</summary>
    public static string RequestMessage(string method, string pathAndQuery, string timestamp, string nonce, string body) =>
        $"{method}\n{pathAndQuery}\n{timestamp}\n{nonce}\n{body}\n";

    /// <summary>The Authorization header value for one request, with a fresh nonce and the current time.</summary>
    public string Authorization(string method, string pathAndQuery, string body)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = _random.NextString(NonceAlphabet, NonceLength);
        var signature = WeChatPayKeys.Sign(_merchantKey, RequestMessage(method, pathAndQuery, timestamp, nonce, body));
        return $"{Scheme} mchid=\"{_options.MchId}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{timestamp}\",serial_no=\"{_options.MerchantSerialNo}\"";
    }

    /// <summary>
    /// A request to <paramref name="address"/> carrying everything WeChat Pay requires: the signature over the
    /// exact path, query and JSON body sent, <c>Accept: application/json</c> and a <c>User-Agent</c> (WeChat answers
    /// 400 without them), and in public-key mode <c>Wechatpay-Serial</c> naming the public key.
    /// </summary>
    public HttpRequestMessage CreateRequest(HttpMethod method, Uri address, string? jsonBody = null)
    {
        var request = new HttpRequestMessage(method, address);
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(method.Method, address.PathAndQuery, jsonBody ?? ""));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (_options.UsesPublicKey)
        {
            request.Headers.TryAddWithoutValidation(WeChatPayHeaders.Serial, _options.PublicKeyId);
        }

        if (jsonBody is not null)
        {
            // Exactly the signed bytes: no charset rewriting, no re-serialisation on the way out.
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(jsonBody));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    /// <summary>The <c>wx.requestPayment</c> parameters that let the student pay <paramref name="prepayId"/>.</summary>
    public WeChatPayJsapiParameters PaymentParameters(string prepayId)
    {
        var timeStamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = _random.NextString(NonceAlphabet, NonceLength);
        var package = "prepay_id=" + prepayId;
        var paySign = WeChatPayKeys.Sign(_merchantKey, $"{_options.AppId}\n{timeStamp}\n{nonce}\n{package}\n");
        return new WeChatPayJsapiParameters(_options.AppId, timeStamp, nonce, package, "RSA", paySign);
    }

    public void Dispose() => _merchantKey.Dispose();
}

/// <summary>Header names of WeChat Pay's signed responses and callbacks.</summary>
public static class WeChatPayHeaders
{
    public const string Signature = "Wechatpay-Signature";
    public const string Timestamp = "Wechatpay-Timestamp";
    public const string Nonce = "Wechatpay-Nonce";
    public const string Serial = "Wechatpay-Serial";
    public const string SignatureType = "Wechatpay-Signature-Type";
}
