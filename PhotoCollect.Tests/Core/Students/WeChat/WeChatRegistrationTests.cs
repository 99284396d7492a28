using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PhotoCollect.Core.Students.WeChat;

namespace PhotoCollect.Tests.Core.Students.WeChat;

public sealed class WeChatRegistrationTests
{
    [Fact]
    public void Production_SimulatedMode_RefusesToStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WeChatTestHost.Create(Environments.Production, new()
        {
            ["WeChat:Mode"] = "Simulated",
            ["WeChat:AppId"] = "wx1234567890abcdef",
            ["WeChat:AppSecret"] = "0123456789abcdef0123456789abcdef",
        }));

        Assert.Contains("WeChat:Mode is Simulated", error.Message);
        Assert.Contains("Production", error.Message);
    }

    [Fact]
    public void Production_NothingConfigured_DefaultsToRealAndDemandsCredentials()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WeChatTestHost.Create(Environments.Production, []));

        Assert.Contains("WeChat:AppId and WeChat:AppSecret", error.Message);
    }

    [Theory]
    [InlineData("wx1234567890abcdef", "")]
    [InlineData("", "0123456789abcdef0123456789abcdef")]
    public void RealMode_MissingCredential_RefusesToStart(string appId, string appSecret)
    {
        var error = Assert.Throws<InvalidOperationException>(() => WeChatTestHost.Create(Environments.Development, new()
        {
            ["WeChat:Mode"] = "Real",
            ["WeChat:AppId"] = appId,
            ["WeChat:AppSecret"] = appSecret,
        }));

        Assert.Contains("WeChat:AppId and WeChat:AppSecret", error.Message);
    }

    [Fact]
    public void InvalidBaseAddress_RefusesToStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WeChatTestHost.Create(Environments.Development, new()
        {
            ["WeChat:BaseAddress"] = "api.weixin.qq.com",
        }));

        Assert.Contains("WeChat:BaseAddress", error.Message);
    }

    [Fact]
    public async Task Production_RealWithCredentials_UsesTheNetworkClientAndNoSimulator()
    {
        await using var host = WeChatTestHost.Create(Environments.Production, new()
        {
            ["WeChat:AppId"] = "wx1234567890abcdef",
            ["WeChat:AppSecret"] = "0123456789abcdef0123456789abcdef",
        });

        Assert.IsType<WeChatHttpClient>(host.Client);
        Assert.Null(host.Provider.GetService<SimulatedWeChatServer>());
        Assert.Equal(WeChatMode.Real, host.Provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<WeChatOptions>>().Value.Mode);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Staging")]
    public async Task OutsideProduction_NothingConfigured_SimulatedThroughTheSameClient(string environment)
    {
        await using var host = WeChatTestHost.Create(environment, []);

        var session = await host.Client.Code2SessionAsync("student-001", CancellationToken.None);

        Assert.IsType<WeChatHttpClient>(host.Client);
        Assert.NotNull(host.Provider.GetService<SimulatedWeChatServer>());
        Assert.Equal(SimulatedWeChatServer.OpenIdFor("student-001"), session.OpenId);
        Assert.Contains(host.Logs, line => line.Contains("simulator"));
    }
}
