namespace PhotoCollect.Core.Payments.WeChatPay;

/// <summary>Which WeChat Pay the client talks to.</summary>
public enum WeChatPayMode
{
    /// <summary>The in-process <see cref="SimulatedWeChatPay"/>: local runs and tests; refused in Production and Staging.</summary>
    Simulated,

    /// <summary>The real WeChat Pay API v3 at <see cref="WeChatPayOptions.BaseAddress"/>.</summary>
    Real,
}

/// <summary>
/// The <c>WeChatPay</c> configuration section. Responses and callbacks are verified with platform
/// certificates (downloaded from <c>/v3/certificates</c>), with the WeChat Pay public key, or with either
/// when both are configured (during WeChat's migration a callback may carry either serial).
/// </summary>
public sealed class WeChatPayOptions
{
    public const string SectionName = "WeChatPay";
    public const string DefaultBaseAddress = "https://api.mch.weixin.qq.com";
    public const string PublicKeyIdPrefix = "PUB_KEY_ID_";

    public WeChatPayMode? Mode { get; set; }
    public string BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>The mini program's appid that the merchant is bound to.</summary>
    public string AppId { get; set; } = "";

    public string MchId { get; set; } = "";

    /// <summary>Serial number of the merchant API certificate (sent in every Authorization header).</summary>
    public string MerchantSerialNo { get; set; } = "";

    /// <summary>The merchant API private key as PEM (<c>BEGIN PRIVATE KEY</c> or <c>BEGIN RSA PRIVATE KEY</c>).</summary>
    public string MerchantPrivateKeyPem { get; set; } = "";

    /// <summary>Alternatively a path to <c>apiclient_key.pem</c>; used when <see cref="MerchantPrivateKeyPem"/> is empty.</summary>
    public string MerchantPrivateKeyPath { get; set; } = "";

    /// <summary>The APIv3 key: exactly 32 ASCII bytes; decrypts callbacks and platform certificates.</summary>
    public string ApiV3Key { get; set; } = "";

    /// <summary>Verify with platform certificates downloaded from <c>/v3/certificates</c>.</summary>
    public bool UsePlatformCertificates { get; set; }

    /// <summary>The WeChat Pay public key's id (<c>PUB_KEY_ID_…</c>); public-key mode is on when set.</summary>
    public string PublicKeyId { get; set; } = "";

    /// <summary>The WeChat Pay public key as PEM (<c>BEGIN PUBLIC KEY</c>).</summary>
    public string PublicKeyPem { get; set; } = "";

    /// <summary>Alternatively a path to <c>pub_key.pem</c>; used when <see cref="PublicKeyPem"/> is empty.</summary>
    public string PublicKeyPath { get; set; } = "";

    /// <summary>The public https address WeChat posts payment notifications to.</summary>
    public string NotifyUrl { get; set; } = "";

    /// <summary>Where refund notifications go; the payment <see cref="NotifyUrl"/> when empty.</summary>
    public string RefundNotifyUrl { get; set; } = "";

    /// <summary>Upper bound for one call to WeChat Pay, connection included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long downloaded platform certificates are trusted before they are fetched again.</summary>
    public TimeSpan CertificateRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    public bool UsesPublicKey => !string.IsNullOrWhiteSpace(PublicKeyId);

    /// <summary>
    /// What is missing or malformed for Real mode, one line each (empty when the settings are complete).
    /// Only checks the settings themselves: loading the keys is left to <see cref="WeChatPayKeys"/>.
    /// </summary>
    public IReadOnlyList<string> ProblemsForRealMode()
    {
        var problems = new List<string>();
        void Require(string value, string name)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{SectionName}:{name} is required.");
            }
        }

        Require(AppId, nameof(AppId));
        Require(MchId, nameof(MchId));
        Require(MerchantSerialNo, nameof(MerchantSerialNo));
        if (string.IsNullOrWhiteSpace(MerchantPrivateKeyPem) && string.IsNullOrWhiteSpace(MerchantPrivateKeyPath))
        {
            problems.Add($"{SectionName}:MerchantPrivateKeyPem or MerchantPrivateKeyPath is required.");
        }

        if (System.Text.Encoding.UTF8.GetByteCount(ApiV3Key) != WeChatPayAead.KeySize)
        {
            problems.Add($"{SectionName}:ApiV3Key must be exactly {WeChatPayAead.KeySize} bytes.");
        }

        if (!UsePlatformCertificates && !UsesPublicKey)
        {
            problems.Add($"{SectionName}: set UsePlatformCertificates, or PublicKeyId with PublicKeyPem/PublicKeyPath (or both).");
        }

        if (UsesPublicKey)
        {
            if (!PublicKeyId.StartsWith(PublicKeyIdPrefix, StringComparison.Ordinal))
            {
                problems.Add($"{SectionName}:PublicKeyId must start with {PublicKeyIdPrefix}.");
            }

            if (string.IsNullOrWhiteSpace(PublicKeyPem) && string.IsNullOrWhiteSpace(PublicKeyPath))
            {
                problems.Add($"{SectionName}:PublicKeyPem or PublicKeyPath is required with PublicKeyId.");
            }
        }

        if (!Uri.TryCreate(NotifyUrl, UriKind.Absolute, out var notify) || notify.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"{SectionName}:NotifyUrl must be an absolute https address.");
        }

        if (!Uri.TryCreate(BaseAddress, UriKind.Absolute, out var address) || address.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"{SectionName}:BaseAddress must be an absolute https address.");
        }

        if (Timeout <= TimeSpan.Zero || CertificateRefreshInterval <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:Timeout and CertificateRefreshInterval must be positive.");
        }

        return problems;
    }
}
