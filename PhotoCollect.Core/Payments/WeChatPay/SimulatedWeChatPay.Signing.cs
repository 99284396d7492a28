using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace PhotoCollect.Core.Payments.WeChatPay;

// WeChat Pay's keys: checking the merchant's Authorization, signing answers and notifies, the platform certificates.
public sealed partial class SimulatedWeChatPay
{
    /// <summary>Issues a new platform certificate and signs with it from now on; the old one stays listed, as in WeChat's rotation.</summary>
    public void RotateCertificate()
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Tenpay.com Root CA simulated, O=Tenpay.com, OU=Tenpay.com CA Center, C=CN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = _time.GetUtcNow();
        var serial = RandomNumberGenerator.GetBytes(20);
        serial[0] &= 0x7F; // positive, so the printed serial is the bytes themselves
        serial[0] |= 0x10;
        var certificate = request.Create(request.SubjectName, X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1),
            now.AddDays(-1), now.AddYears(5), serial);
        lock (_gate)
        {
            _certificates.Add((certificate, key));
        }
    }

    private string? CheckAuthorization(HttpRequestMessage request, Uri uri, byte[] body)
    {
        var header = request.Headers.TryGetValues("Authorization", out var values) ? values.FirstOrDefault() : null;
        if (header is null || !header.StartsWith(WeChatPaySigner.Scheme + " ", StringComparison.Ordinal))
        {
            return "缺少或无法识别 Authorization";
        }

        var fields = AuthorizationField().Matches(header[(WeChatPaySigner.Scheme.Length + 1)..])
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
        if (fields.GetValueOrDefault("mchid") != _setup.MchId || fields.GetValueOrDefault("serial_no") != _setup.MerchantSerialNo)
        {
            return "商户号或证书序列号不符";
        }

        if (!long.TryParse(fields.GetValueOrDefault("timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(_time.GetUtcNow().ToUnixTimeSeconds() - seconds) > 300)
        {
            return "timestamp 超出有效期";
        }

        var message = Encoding.UTF8.GetBytes($"{request.Method.Method}\n{uri.PathAndQuery}\n{fields["timestamp"]}\n{fields.GetValueOrDefault("nonce_str")}\n")
            .Concat(body).Append((byte)'\n').ToArray();
        return WeChatPayKeys.Verify(_merchantPublicKey, message, fields.GetValueOrDefault("signature") ?? "") ? null : "签名错误";
    }

    private object Certificates()
    {
        lock (_gate)
        {
            CertificateDownloads++;
            return new
            {
                data = _certificates.Select(c => new
                {
                    serial_no = c.Certificate.SerialNumber,
                    effective_time = WeChatPayJson.Rfc3339(c.Certificate.NotBefore),
                    expire_time = WeChatPayJson.Rfc3339(c.Certificate.NotAfter),
                    encrypt_certificate = Encrypted(c.Certificate.ExportCertificatePem(), "certificate", null),
                }).ToList(),
            };
        }
    }

    private object Encrypted(string plaintext, string associatedData, string? originalType)
    {
        var resource = WeChatPayAead.Encrypt(plaintext, _setup.ApiV3Key, RandomNumberGenerator.GetString("0123456789abcdefghijklmnopqrstuvwxyz", 12), associatedData);
        return originalType is null
            ? new { algorithm = resource.Algorithm, nonce = resource.Nonce, associated_data = resource.AssociatedData, ciphertext = resource.Ciphertext }
            : new { original_type = originalType, algorithm = resource.Algorithm, ciphertext = resource.Ciphertext, associated_data = resource.AssociatedData, nonce = resource.Nonce };
    }

    /// <summary>The four signature headers over <paramref name="body"/>, with the current signing key.</summary>
    private Dictionary<string, string> SignatureHeaders(byte[] body)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetString("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 32);
        RSA key;
        string serial;
        lock (_gate)
        {
            (key, serial) = SigningKey == SimulatedSigningKey.PublicKey
                ? (_publicKeyModeKey, _setup.PublicKeyId)
                : (_certificates[^1].Key, LowerCaseSerial ? _certificates[^1].Certificate.SerialNumber.ToLowerInvariant() : _certificates[^1].Certificate.SerialNumber);
        }

        var message = Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n").Concat(body).Append((byte)'\n').ToArray();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [WeChatPayHeaders.Timestamp] = timestamp,
            [WeChatPayHeaders.Nonce] = nonce,
            [WeChatPayHeaders.Signature] = WeChatPayKeys.Sign(key, message),
            [WeChatPayHeaders.Serial] = serial,
            [WeChatPayHeaders.SignatureType] = WeChatPaySigner.Scheme,
        };
    }
}
