using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PhotoCollect.Core.Payments;
using PhotoCollect.Core.Payments.WeChatPay;
using PhotoCollect.Portal.Hosting;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Portal.Hosting;

/// <summary>Payments in the portal: simulated WeChat Pay locally; in Production only when enabled, and then only with real settings.</summary>
public sealed class PortalPaymentHostingTests : IDisposable
{
    private static readonly Dictionary<string, string?> RealWeChat = new()
    {
        ["WeChat:AppId"] = "wx1234567890abcdef",
        ["WeChat:AppSecret"] = "0123456789abcdef0123456789abcdef",
    };

    private readonly TempFolder _folder = new("pc-pay-host");

    [Fact]
    public async Task Production_PaymentsNotEnabled_PortalStartsWithoutWeChatPay()
    {
        await using var app = Portal(Environments.Production, RealWeChat).Build();

        Assert.Null(app.Services.GetService<WeChatPayOptions>());
        using var scope = app.Services.CreateScope();
        Assert.Null(scope.ServiceProvider.GetService<PaymentCommands>());
        Assert.Null(scope.ServiceProvider.GetService<PaymentNotifyHandler>());
    }

    [Fact]
    public void Production_PaymentsEnabledWithoutMerchantSettings_PortalRefusesToStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Portal(Environments.Production, new(RealWeChat) { [PaymentServiceCollectionExtensions.EnabledKey] = "true" }));

        Assert.Contains("WeChat Pay (Real mode) is not configured", error.Message);
    }

    [Fact]
    public async Task Development_NothingConfigured_PaymentsUseTheSimulator()
    {
        await using var app = Portal(Environments.Development, []).Build();

        Assert.NotNull(app.Services.GetService<SimulatedWeChatPay>());
        using var scope = app.Services.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetService<PaymentCommands>());
        Assert.NotNull(scope.ServiceProvider.GetService<PaymentNotifyHandler>());
    }

    [Fact]
    public async Task Production_PaymentsNotEnabled_NotifyAnswersFailWithDisabled()
    {
        using var factory = new ConfiguredPortalFactory(_folder.Path, Environments.Production, new(PortalHosts.ConfiguredKeys().Concat(RealWeChat)));
        var client = factory.CreateClient();

        var response = await client.PostAsync("/api/v1/payments/wechat/notify", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FAIL", body.GetProperty("code").GetString());
        Assert.Equal(PaymentErrors.Disabled.Message, body.GetProperty("message").GetString());
    }

    public void Dispose() => _folder.Dispose();

    private WebApplicationBuilder Portal(string environment, Dictionary<string, string?> settings) =>
        PortalHosts.Builder(environment, _folder.Path, PortalHosts.ConfiguredKeys(), settings).AddPhotoCollectPortal();
}
