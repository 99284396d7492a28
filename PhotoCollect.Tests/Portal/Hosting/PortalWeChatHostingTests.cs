using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PhotoCollect.Core.Students.WeChat;
using PhotoCollect.Portal.Hosting;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Portal.Hosting;

/// <summary>The portal's own registration: simulated WeChat locally, never in Production.</summary>
public sealed class PortalWeChatHostingTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "pc-wechat-host-" + Guid.NewGuid().ToString("N"));

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

    public void Dispose()
    {
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private WebApplicationBuilder Portal(string environment, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataFolder"] = _dataFolder,
            ["PersonalData:CurrentKeyId"] = "a",
            ["PersonalData:Keys:a"] = TestKeys.KeyA,
            ["PersonalData:BlindIndexKey"] = TestKeys.BlindIndex,
            ["ChsiCodes:CurrentKeyId"] = "a",
            ["ChsiCodes:Keys:a"] = TestKeys.KeyA,
            ["StudentApi:SigningKey"] = TestKeys.KeyB,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder.AddPhotoCollectPortal();
    }
}
