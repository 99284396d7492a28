using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using PhotoCollect.Core.Payments.WeChatPay;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Core.Payments;

public sealed partial class WeChatPaySignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> KeyFormats() => ["pkcs1", "pkcs8"];

    [Theory]
    [MemberData(nameof(KeyFormats))]
    public void Authorization_EitherPemFormat_SignsTheDocumentedMessage(string format)
    {
        using var key = RSA.Create(2048);
        var pem = format == "pkcs1" ? key.ExportRSAPrivateKeyPem() : key.ExportPkcs8PrivateKeyPem();
        using var signer = Signer(pem, "NONCE0123456789ABCDEFGHIJKLMNOPQ");

        var header = signer.Authorization("POST", "/v3/pay/transactions/jsapi", """{"a":1}""");

        var fields = Fields(header);
        Assert.StartsWith("WECHATPAY2-SHA256-RSA2048 mchid=\"1900000109\",nonce_str=\"NONCE0123456789ABCDEFGHIJKLMNOPQ\",signature=\"", header);
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), fields["timestamp"]);
        Assert.Equal("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", fields["serial_no"]);
        var message = $"POST\n/v3/pay/transactions/jsapi\n{fields["timestamp"]}\nNONCE0123456789ABCDEFGHIJKLMNOPQ\n{{\"a\":1}}\n";
        Assert.True(key.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(fields["signature"]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void CreateRequest_GetWithQuery_SignsPathAndQueryAndEmptyBody_WithRequiredHeaders()
    {
        using var key = RSA.Create(2048);
        using var signer = Signer(key.ExportPkcs8PrivateKeyPem(), "N1", publicKeyId: "PUB_KEY_ID_0114232134912410000000000000000000");

        using var request = signer.CreateRequest(HttpMethod.Get, new Uri("https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/PC1?mchid=1900000109"));

        var fields = Fields(request.Headers.GetValues("Authorization").Single());
        var message = $"GET\n/v3/pay/transactions/out-trade-no/PC1?mchid=1900000109\n{fields["timestamp"]}\nN1\n\n";
        Assert.True(WeChatPayKeys.Verify(key, Encoding.UTF8.GetBytes(message), fields["signature"]));
        Assert.Equal("application/json", request.Headers.Accept.Single().MediaType);
        Assert.Equal(WeChatPaySigner.UserAgent, string.Join(" ", request.Headers.GetValues("User-Agent")));
        Assert.Equal("PUB_KEY_ID_0114232134912410000000000000000000", request.Headers.GetValues(WeChatPayHeaders.Serial).Single());
        Assert.Null(request.Content);
    }

    [Fact]
    public void CreateRequest_CertificateModeOnly_SendsNoWechatpaySerial()
    {
        using var key = RSA.Create(2048);
        using var signer = Signer(key.ExportPkcs8PrivateKeyPem(), "N1");

        using var request = signer.CreateRequest(HttpMethod.Post, new Uri("https://api.mch.weixin.qq.com/v3/refund/domestic/refunds"), "{}");

        Assert.False(request.Headers.Contains(WeChatPayHeaders.Serial));
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
    }

    [Fact]
    public void PaymentParameters_Prepay_PaySignVerifiesWithMerchantPublicKey()
    {
        using var key = RSA.Create(2048);
        using var signer = Signer(key.ExportRSAPrivateKeyPem(), "5K8264ILTKCH16CQ2502SI8ZNMTM67VS");

        var parameters = signer.PaymentParameters("wx201410272009395522657a690389285100");

        Assert.Equal("prepay_id=wx201410272009395522657a690389285100", parameters.Package);
        Assert.Equal("RSA", parameters.SignType);
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), parameters.TimeStamp);
        Assert.Equal("5K8264ILTKCH16CQ2502SI8ZNMTM67VS", parameters.NonceStr);
        var message = $"wxd678efh567hg6787\n{parameters.TimeStamp}\n{parameters.NonceStr}\n{parameters.Package}\n";
        Assert.True(WeChatPayKeys.Verify(key, Encoding.UTF8.GetBytes(message), parameters.PaySign));
    }

    [Fact]
    public void PrivateKeyFromPem_PublicKeyGiven_Refused()
    {
        using var key = RSA.Create(2048);

        Assert.Throws<InvalidOperationException>(() => WeChatPayKeys.PrivateKeyFromPem(key.ExportSubjectPublicKeyInfoPem()));
    }

    private static WeChatPaySigner Signer(string pem, string nonce, string publicKeyId = "") => new(
        new WeChatPayOptions
        {
            AppId = "wxd678efh567hg6787",
            MchId = "1900000109",
            MerchantSerialNo = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
            MerchantPrivateKeyPem = pem,
            PublicKeyId = publicKeyId,
        },
        new SequenceRandom(nonce),
        new FakeTimeProvider(Now));

    private static Dictionary<string, string> Fields(string header) =>
        AuthorizationField().Matches(header).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [GeneratedRegex("([a-z_]+)=\"([^\"]*)\"")]
    private static partial Regex AuthorizationField();
}
