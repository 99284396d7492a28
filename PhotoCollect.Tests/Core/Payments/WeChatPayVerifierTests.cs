using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Payments.WeChatPay;

namespace PhotoCollect.Tests.Core.Payments;

public sealed class WeChatPayVerifierTests
{
    private const string Body = """{"code_url":"weixin://wxpay/bizpayurl?pr=p4lpSuKzz"}""";

    [Fact]
    public async Task Verify_PublicKeySignature_Valid()
    {
        using var rig = new WeChatPayRig(certificates: false);

        Assert.Equal(WeChatPayVerification.Valid, await rig.Verifier.VerifyAsync(Signed(rig, Body), CancellationToken.None));
    }

    [Fact]
    public async Task Verify_NoContentAnswer_VerifiesEmptyBodyLine()
    {
        using var rig = new WeChatPayRig(certificates: false);

        var message = Signed(rig, "");

        Assert.Equal(WeChatPayVerification.Valid, await rig.Verifier.VerifyAsync(message, CancellationToken.None));
        Assert.Equal($"{message.Timestamp}\n{message.Nonce}\n\n", Encoding.UTF8.GetString(message.SigningBytes()));
    }

    [Fact]
    public async Task Verify_TamperedBody_BadSignature()
    {
        using var rig = new WeChatPayRig(certificates: false);

        var message = Signed(rig, Body) with { Body = Encoding.UTF8.GetBytes(Body.Replace("p4lp", "p4lq", StringComparison.Ordinal)) };

        Assert.Equal(WeChatPayVerification.BadSignature, await rig.Verifier.VerifyAsync(message, CancellationToken.None));
    }

    [Fact]
    public async Task Verify_TamperedSignature_BadSignature()
    {
        using var rig = new WeChatPayRig(certificates: false);
        var message = Signed(rig, Body);
        var signature = Convert.FromBase64String(message.Signature!);
        signature[10] ^= 0x40;

        Assert.Equal(WeChatPayVerification.BadSignature, await rig.Verifier.VerifyAsync(message with { Signature = Convert.ToBase64String(signature) }, CancellationToken.None));
        Assert.Equal(WeChatPayVerification.BadSignature, await rig.Verifier.VerifyAsync(message with { Signature = "not base64 at all" }, CancellationToken.None));
    }

    [Fact]
    public async Task Verify_UnknownPublicKeyId_UnknownSerial()
    {
        using var rig = new WeChatPayRig(certificates: false);

        var message = Signed(rig, Body, serial: WeChatPayOptions.PublicKeyIdPrefix + "0199999999999999999999999999999999");

        Assert.Equal(WeChatPayVerification.UnknownSerial, await rig.Verifier.VerifyAsync(message, CancellationToken.None));
    }

    [Fact]
    public async Task Verify_CertificateSerialWithoutCertificateMode_UnknownSerial()
    {
        using var rig = new WeChatPayRig(certificates: false);

        var message = Signed(rig, Body, serial: "5157F09EFDC096DE15EBE81A47057A7232F1B8E1");

        Assert.Equal(WeChatPayVerification.UnknownSerial, await rig.Verifier.VerifyAsync(message, CancellationToken.None));
    }

    [Theory]
    [InlineData(-301, WeChatPayVerification.TimestampOutOfRange)]
    [InlineData(-300, WeChatPayVerification.Valid)]
    [InlineData(300, WeChatPayVerification.Valid)]
    [InlineData(301, WeChatPayVerification.TimestampOutOfRange)]
    public async Task Verify_TimestampAgainstOurClock_RefusedBeyondFiveMinutesEitherWay(int offsetSeconds, WeChatPayVerification expected)
    {
        using var rig = new WeChatPayRig(certificates: false);

        var message = Signed(rig, Body, at: rig.Time.GetUtcNow().AddSeconds(offsetSeconds));

        Assert.Equal(expected, await rig.Verifier.VerifyAsync(message, CancellationToken.None));
    }

    [Fact]
    public async Task Verify_SignatureProbe_Refused()
    {
        using var rig = new WeChatPayRig(certificates: false);

        var message = Signed(rig, Body) with { Signature = "WECHATPAY/SIGNTEST/" + Signed(rig, Body).Signature };

        Assert.Equal(WeChatPayVerification.SignatureProbe, await rig.Verifier.VerifyAsync(message, CancellationToken.None));
    }

    [Theory]
    [InlineData("WECHATPAY2-SM2-WITH-SM3", WeChatPayVerification.UnsupportedSignatureType)]
    [InlineData("WECHATPAY2-SHA256-RSA2048", WeChatPayVerification.Valid)]
    [InlineData(null, WeChatPayVerification.Valid)]
    public async Task Verify_SignatureType_OnlyRsaAccepted(string? type, WeChatPayVerification expected)
    {
        using var rig = new WeChatPayRig(certificates: false);

        Assert.Equal(expected, await rig.Verifier.VerifyAsync(Signed(rig, Body) with { SignatureType = type }, CancellationToken.None));
    }

    [Fact]
    public async Task Verify_MissingHeader_Refused()
    {
        using var rig = new WeChatPayRig(certificates: false);

        Assert.Equal(WeChatPayVerification.MissingHeaders, await rig.Verifier.VerifyAsync(Signed(rig, Body) with { Nonce = null }, CancellationToken.None));
    }

    [Fact]
    public async Task EnsureValid_Tampered_ThrowsUnverified()
    {
        using var rig = new WeChatPayRig(certificates: false);

        var error = await Assert.ThrowsAsync<DomainException>(() => rig.Verifier.EnsureValidAsync(Signed(rig, Body) with { Body = [] }, CancellationToken.None));
        Assert.Equal(PaymentErrors.Unverified.Code, error.Code);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Verify_CertificateMode_SerialInEitherCase_Valid(bool lowerCase)
    {
        using var rig = new WeChatPayRig(publicKey: false);
        await rig.Client.CreateJsapiPrepayAsync(rig.Order("PC-CASE-1"), CancellationToken.None);
        rig.Simulator.LowerCaseSerial = lowerCase;

        var notify = rig.Simulator.Pay("PC-CASE-1").AsSignedMessage();

        Assert.Equal(lowerCase ? rig.Simulator.PlatformSerial.ToLowerInvariant() : rig.Simulator.PlatformSerial, notify.Serial);
        Assert.Equal(WeChatPayVerification.Valid, await rig.Verifier.VerifyAsync(notify, CancellationToken.None));
    }

    [Fact]
    public async Task Verify_BothModesConfigured_AcceptsEitherSerial()
    {
        using var rig = new WeChatPayRig(certificates: true, publicKey: true);
        await rig.Client.CreateJsapiPrepayAsync(rig.Order("PC-BOTH-1"), CancellationToken.None);
        await rig.Client.CreateJsapiPrepayAsync(rig.Order("PC-BOTH-2"), CancellationToken.None);

        rig.Simulator.SigningKey = SimulatedSigningKey.PublicKey;
        var byPublicKey = rig.Simulator.Pay("PC-BOTH-1").AsSignedMessage();
        rig.Simulator.SigningKey = SimulatedSigningKey.PlatformCertificate;
        var byCertificate = rig.Simulator.Pay("PC-BOTH-2").AsSignedMessage();

        Assert.StartsWith(WeChatPayOptions.PublicKeyIdPrefix, byPublicKey.Serial);
        Assert.Equal(WeChatPayVerification.Valid, await rig.Verifier.VerifyAsync(byPublicKey, CancellationToken.None));
        Assert.Equal(WeChatPayVerification.Valid, await rig.Verifier.VerifyAsync(byCertificate, CancellationToken.None));
    }

    /// <summary>A message signed like WeChat Pay does, with the public-key-mode key of the shared setup.</summary>
    internal static WeChatPaySignedMessage Signed(WeChatPayRig rig, string body, DateTimeOffset? at = null, string? serial = null)
    {
        var timestamp = (at ?? rig.Time.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = "593BEC0C930BF1AFEB40B4A08C8FB242";
        using var key = RSA.Create();
        key.ImportFromPem(WeChatPayRig.Setup.WeChatPublicKeyPrivatePem);
        var signature = WeChatPayKeys.Sign(key, $"{timestamp}\n{nonce}\n{body}\n");
        return new WeChatPaySignedMessage(timestamp, nonce, signature, serial ?? WeChatPayRig.Setup.PublicKeyId, null, Encoding.UTF8.GetBytes(body));
    }
}
