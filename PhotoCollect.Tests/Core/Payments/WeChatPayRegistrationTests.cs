using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using PhotoCollect.Core.Payments.WeChatPay;

namespace PhotoCollect.Tests.Core.Payments;

public sealed class WeChatPayRegistrationTests
{
    [Fact]
    public async Task AddWeChatPay_Development_SimulatedByDefault_ClientRunsAgainstSimulator()
    {
        await using var provider = Services("Development", new()).BuildServiceProvider();

        var client = provider.GetRequiredService<WeChatPayClient>();
        var simulator = provider.GetRequiredService<SimulatedWeChatPay>();
        await client.CreateJsapiPrepayAsync(new WeChatPayJsapiOrder("PC-DI-1", "毕业照片采集", 3050, "oOpenId", DateTimeOffset.UtcNow.AddMinutes(30)), CancellationToken.None);
        var notification = await provider.GetRequiredService<WeChatPayNotifications>().ReadAsync(simulator.Pay("PC-DI-1").AsSignedMessage(), CancellationToken.None);

        Assert.Equal(WeChatPayMode.Simulated, provider.GetRequiredService<WeChatPayOptions>().Mode);
        Assert.Equal("PC-DI-1", notification.Transaction().OutTradeNo);
        Assert.True((await client.QueryByOutTradeNoAsync("PC-DI-1", CancellationToken.None)).IsPaid);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void AddWeChatPay_SimulatedInGuardedEnvironment_Refused(string environment)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Services(environment, new() { ["WeChatPay:Mode"] = "Simulated" }));

        Assert.Contains("Simulated", error.Message);
    }

    [Fact]
    public void AddWeChatPay_ProductionWithoutSettings_RefusedListingWhatIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Services("Production", new()));

        Assert.Contains("WeChatPay:MchId", error.Message);
        Assert.Contains("MerchantPrivateKeyPem", error.Message);
        Assert.Contains("ApiV3Key", error.Message);
        Assert.Contains("UsePlatformCertificates", error.Message);
        Assert.Contains("NotifyUrl", error.Message);
    }

    [Fact]
    public async Task AddWeChatPay_ProductionWithCompleteSettings_RegistersRealClient()
    {
        using var key = RSA.Create(2048);
        using var weChat = RSA.Create(2048);
        var settings = new Dictionary<string, string?>
        {
            ["WeChatPay:AppId"] = "wxd678efh567hg6787",
            ["WeChatPay:MchId"] = "1900000109",
            ["WeChatPay:MerchantSerialNo"] = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
            ["WeChatPay:MerchantPrivateKeyPem"] = key.ExportRSAPrivateKeyPem(),
            ["WeChatPay:ApiV3Key"] = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6",
            ["WeChatPay:PublicKeyId"] = "PUB_KEY_ID_0114232134912410000000000000000009",
            ["WeChatPay:PublicKeyPem"] = weChat.ExportSubjectPublicKeyInfoPem(),
            ["WeChatPay:NotifyUrl"] = "https://photo.example.cn/api/v1/payments/wechat/notify",
        };

        await using var provider = Services("Production", settings).BuildServiceProvider();

        Assert.Empty(provider.GetRequiredService<WeChatPayOptions>().ProblemsForRealMode());
        Assert.NotNull(provider.GetRequiredService<WeChatPayClient>());
        Assert.Null(provider.GetService<SimulatedWeChatPay>());
        Assert.Null(provider.GetService<WeChatPayPlatformCertificates>());
    }

    [Fact]
    public void ProblemsForRealMode_BadKeyIdAndShortApiV3Key_Listed()
    {
        var problems = new WeChatPayOptions { ApiV3Key = "short", PublicKeyId = "KEY_1", PublicKeyPem = "x", NotifyUrl = "http://insecure" }.ProblemsForRealMode();

        Assert.Contains(problems, p => p.Contains("ApiV3Key", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("PUB_KEY_ID_", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("NotifyUrl", StringComparison.Ordinal));
    }

    private static ServiceCollection Services(string environment, Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWeChatPay(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new Environment(environment));
        return services;
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "PhotoCollect.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
