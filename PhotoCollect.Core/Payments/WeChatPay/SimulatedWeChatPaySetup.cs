using System.Security.Cryptography;

namespace PhotoCollect.Core.Payments.WeChatPay;

/// <summary>
/// Everything a merchant and the simulated WeChat Pay share, generated fresh: the merchant API key and serial,
/// the APIv3 key and the WeChat Pay public key (id and key pair). Nothing here is a real credential.
/// </summary>
public sealed record SimulatedWeChatPaySetup(
    string AppId,
    string MchId,
    string MerchantSerialNo,
    string MerchantPrivateKeyPem,
    string ApiV3Key,
    string PublicKeyId,
    string WeChatPublicKeyPrivatePem)
{
    public const string DefaultMchId = "1900000109";
    private const string Alphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Hex = "0123456789ABCDEF";

    public static SimulatedWeChatPaySetup Generate(string appId, string mchId = DefaultMchId)
    {
        using var merchant = RSA.Create(2048);
        using var weChat = RSA.Create(2048);
        return new SimulatedWeChatPaySetup(
            appId,
            mchId,
            RandomNumberGenerator.GetString(Hex, 40),
            merchant.ExportPkcs8PrivateKeyPem(),
            RandomNumberGenerator.GetString(Alphanumeric, WeChatPayAead.KeySize),
            WeChatPayOptions.PublicKeyIdPrefix + "01" + RandomNumberGenerator.GetString("0123456789", 30),
            weChat.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>The WeChat Pay public key (SPKI PEM) a merchant configures in public-key mode.</summary>
    public string PublicKeyPem
    {
        get
        {
            using var key = RSA.Create();
            key.ImportFromPem(WeChatPublicKeyPrivatePem);
            return key.ExportSubjectPublicKeyInfoPem();
        }
    }

    /// <summary>The merchant's options for talking to the simulator: certificate mode, public-key mode, or both.</summary>
    public WeChatPayOptions ClientOptions(string notifyUrl, bool certificates = true, bool publicKey = true) => new()
    {
        Mode = WeChatPayMode.Simulated,
        AppId = AppId,
        MchId = MchId,
        MerchantSerialNo = MerchantSerialNo,
        MerchantPrivateKeyPem = MerchantPrivateKeyPem,
        ApiV3Key = ApiV3Key,
        UsePlatformCertificates = certificates,
        PublicKeyId = publicKey ? PublicKeyId : "",
        PublicKeyPem = publicKey ? PublicKeyPem : "",
        NotifyUrl = notifyUrl,
    };
}
