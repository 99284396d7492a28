using PhotoCollect.Core.Common;
using PhotoCollect.Core.Payments.WeChatPay;

namespace PhotoCollect.Tests.Core.Payments;

public sealed class WeChatPayCertificateTests
{
    [Fact]
    public async Task FirstCertificateAnswer_DownloadsDecryptsAndCachesCertificates()
    {
        using var rig = new WeChatPayRig(publicKey: false);

        await rig.Client.CreateJsapiPrepayAsync(rig.Order("PC-CERT-1"), CancellationToken.None);
        await rig.Client.QueryByOutTradeNoAsync("PC-CERT-1", CancellationToken.None);

        Assert.Equal(1, rig.Simulator.CertificateDownloads);
        Assert.Equal([rig.Simulator.PlatformSerial], rig.Certificates!.KnownSerials);
    }

    [Fact]
    public async Task UnknownSerial_AfterRotation_RefreshesOnceAndVerifies()
    {
        using var rig = new WeChatPayRig(publicKey: false);
        await rig.Client.CreateJsapiPrepayAsync(rig.Order("PC-CERT-2"), CancellationToken.None);
        var oldSerial = rig.Simulator.PlatformSerial;

        rig.Simulator.RotateCertificate();
        var transaction = await rig.Client.QueryByOutTradeNoAsync("PC-CERT-2", CancellationToken.None);

        Assert.Equal("NOTPAY", transaction.TradeState);
        Assert.Equal(2, rig.Simulator.CertificateDownloads);
        Assert.Equal(new[] { oldSerial, rig.Simulator.PlatformSerial }.Order(), rig.Certificates!.KnownSerials.Order());
    }

    [Fact]
    public async Task ForgedSerial_RefreshesAtMostOncePerMinute()
    {
        using var rig = new WeChatPayRig(publicKey: false);
        await rig.Client.CreateJsapiPrepayAsync(rig.Order("PC-CERT-3"), CancellationToken.None);
        var forged = WeChatPayVerifierTests.Signed(rig, "{}", serial: "7E9F8B3A44C11D0B5B2E9D0A1F00000000000001");

        Assert.Equal(WeChatPayVerification.UnknownSerial, await rig.Verifier.VerifyAsync(forged, CancellationToken.None));
        Assert.Equal(WeChatPayVerification.UnknownSerial, await rig.Verifier.VerifyAsync(forged, CancellationToken.None));
        Assert.Equal(2, rig.Simulator.CertificateDownloads);

        rig.Time.Advance(WeChatPayPlatformCertificates.UnknownSerialRefreshGap);
        await rig.Verifier.VerifyAsync(forged, CancellationToken.None);
        Assert.Equal(3, rig.Simulator.CertificateDownloads);
    }

    [Fact]
    public async Task CachedCertificates_RefreshedAfterInterval()
    {
        using var rig = new WeChatPayRig(publicKey: false);
        await rig.Client.CreateJsapiPrepayAsync(rig.Order("PC-CERT-4"), CancellationToken.None);

        rig.Time.Advance(rig.Options.CertificateRefreshInterval - TimeSpan.FromSeconds(1));
        await rig.Client.QueryByOutTradeNoAsync("PC-CERT-4", CancellationToken.None);
        Assert.Equal(1, rig.Simulator.CertificateDownloads);

        rig.Time.Advance(TimeSpan.FromSeconds(1));
        await rig.Client.QueryByOutTradeNoAsync("PC-CERT-4", CancellationToken.None);
        Assert.Equal(2, rig.Simulator.CertificateDownloads);
    }

    [Fact]
    public async Task TamperedCertificateDownload_Refused()
    {
        using var rig = new WeChatPayRig(publicKey: false);
        rig.Simulator.TamperNextAnswer = body => [.. body, (byte)' '];

        var error = await Assert.ThrowsAsync<DomainException>(() => rig.Verifier.VerifyAsync(
            WeChatPayVerifierTests.Signed(rig, "{}", serial: rig.Simulator.PlatformSerial), CancellationToken.None));

        Assert.Equal(PaymentErrors.Unverified.Code, error.Code);
        Assert.Empty(rig.Certificates!.KnownSerials);
    }

    [Fact]
    public async Task CertificateEncryptedWithAnotherKey_Refused()
    {
        using var rig = new WeChatPayRig(publicKey: false);
        rig.Options.ApiV3Key = "Z" + rig.Options.ApiV3Key[1..];

        var error = await Assert.ThrowsAsync<DomainException>(() => rig.Client.CreateJsapiPrepayAsync(rig.Order("PC-CERT-5"), CancellationToken.None));

        Assert.Equal(PaymentErrors.Unverified.Code, error.Code);
    }
}
