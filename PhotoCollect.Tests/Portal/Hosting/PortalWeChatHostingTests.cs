using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PhotoCollect.Core.Students.WeChat;
using PhotoCollect.Portal.Hosting;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Portal.Hosting;

/// <summary>The portal's own registration: simulated WeChat locally, never in Production.</summary>
public sealed class PortalWeChatHostingTests : IDisposable
{
    private readonly TempFolder _folder = new("pc-wechat-host");

    [Fact]
    public void Production_WeChatModeSimulated_PortalRefusesToStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Portal(Environments.Production, new()
        {
            ["WeChat:Mode"] = "Simulated",
            ["WeChat:AppId"] = "wx1234567890abcdef",
            ["WeChat:AppSecret"] = "0123456789abcdef0123456789abcdef",
        }));

        Assert.Contains("WeChat:Mode is Simulated", error.Message);
    }

    [Fact]
    public void Production_NoWeChatCredentials_PortalRefusesToStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Portal(Environments.Production, []));

        Assert.Contains("WeChat:AppId and WeChat:AppSecret", error.Message);
    }

    [Fact]
    public async Task Production_RealWeChat_PortalUsesTheNetworkClient()
    {
        await using var app = Portal(Environments.Production, new()
        {
            ["WeChat:AppId"] = "wx1234567890abcdef",
            ["WeChat:AppSecret"] = "0123456789abcdef0123456789abcdef",
        }).Build();

        Assert.IsType<WeChatHttpClient>(app.Services.GetRequiredService<IWeChatMiniProgramClient>());
        Assert.Null(app.Services.GetService<SimulatedWeChatServer>());
    }

    [Fact]
    public async Task Development_NothingConfigured_PortalLogsInThroughTheSimulator()
    {
        await using var app = Portal(Environments.Development, []).Build();

        var session = await app.Services.GetRequiredService<IWeChatMiniProgramClient>().Code2SessionAsync("student-001", CancellationToken.None);

        Assert.Equal(SimulatedWeChatServer.OpenIdFor("student-001"), session.OpenId);
    }

    public void Dispose() => _folder.Dispose();

    private WebApplicationBuilder Portal(string environment, Dictionary<string, string?> settings) =>
        PortalHosts.Builder(environment, _folder.Path, PortalHosts.ConfiguredKeys(), settings).AddPhotoCollectPortal();
}
