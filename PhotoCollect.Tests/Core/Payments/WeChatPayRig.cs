using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Payments.WeChatPay;

namespace PhotoCollect.Tests.Core.Payments;

/// <summary>
/// Our WeChat Pay client, verifier and notify reader wired to a <see cref="SimulatedWeChatPay"/> exactly as
/// <c>AddWeChatPay</c> wires them, on a fake clock. The merchant/WeChat keys are generated once per test run.
/// </summary>
internal sealed class WeChatPayRig : IDisposable
{
    public const string NotifyUrl = "https://photocollect.test/api/v1/payments/wechat/notify";

    private static readonly Lazy<SimulatedWeChatPaySetup> SharedSetup = new(() => SimulatedWeChatPaySetup.Generate("wx0000000000rigapp"));

    public WeChatPayRig(bool certificates = true, bool publicKey = true, HttpMessageHandler? handler = null, ISecureRandom? random = null)
    {
        Options = Setup.ClientOptions(NotifyUrl, certificates, publicKey);
        Simulator = new SimulatedWeChatPay(Setup, Time, NullLogger<SimulatedWeChatPay>.Instance)
        {
            SigningKey = publicKey ? SimulatedSigningKey.PublicKey : SimulatedSigningKey.PlatformCertificate,
        };
        var httpClients = new FixedHttpClientFactory(handler ?? Simulator, Options);
        Signer = new WeChatPaySigner(Options, random ?? new CryptoRandom(), Time);
        Certificates = certificates
            ? new WeChatPayPlatformCertificates(httpClients, Signer, Options, Time, NullLogger<WeChatPayPlatformCertificates>.Instance)
            : null;
        Verifier = new WeChatPayVerifier(Options, Certificates, Time);
        Client = new WeChatPayClient(httpClients.CreateClient(WeChatPayClient.HttpClientName), Signer, Verifier, Options, NullLogger<WeChatPayClient>.Instance);
        Notifications = new WeChatPayNotifications(Verifier, Options, NullLogger<WeChatPayNotifications>.Instance);
    }

    public static SimulatedWeChatPaySetup Setup => SharedSetup.Value;

    /// <summary>2026-06-01 10:00 in China.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    public WeChatPayOptions Options { get; }
    public SimulatedWeChatPay Simulator { get; }
    public WeChatPaySigner Signer { get; }
    public WeChatPayPlatformCertificates? Certificates { get; }
    public WeChatPayVerifier Verifier { get; }
    public WeChatPayClient Client { get; }
    public WeChatPayNotifications Notifications { get; }

    public WeChatPayJsapiOrder Order(string outTradeNo, int fen = 3050) =>
        new(outTradeNo, "毕业照片采集", fen, "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", Time.GetUtcNow().AddMinutes(30));

    public void Dispose()
    {
        Verifier.Dispose();
        Signer.Dispose();
        Simulator.Dispose();
    }

    private sealed class FixedHttpClientFactory(HttpMessageHandler handler, WeChatPayOptions options) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) =>
            new(handler, disposeHandler: false) { BaseAddress = new Uri(options.BaseAddress), Timeout = options.Timeout };
    }
}
