using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PhotoCollect.Core.Students.WeChat;
using PhotoCollect.Tests.Api;
using PhotoCollect.Tests.Core.Students.WeChat;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Portal.Hosting;

/// <summary><c>GET /health</c>: anonymous, JSON, the WeChat connection state, no secrets.</summary>
public sealed class HealthEndpointTests
{
    private const string WrongSecret = "ffffffffffffffffffffffffffffffff";

    [Fact]
    public async Task WrongSecretAtStart_HealthShowsCredentialsRefused_PortalStillServes()
    {
        await using var api = await LoopbackWeChatApi.StartAsync();
        await using var factory = new RealWeChatPortalFactory(api, new() { ["WeChat:AppSecret"] = WrongSecret });
        var client = factory.CreateClient();

        // The background check found it, before any student tried to log in.
        var connection = await factory.WeChatStateAsync(c => c.State != WeChatConnectionState.NotChecked);
        Assert.Equal(WeChatConnectionState.CredentialsRefused, connection.State);
        Assert.Equal(0, api.Count(LoopbackWeChatApi.SessionPath));

        var response = await client.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        using var health = JsonDocument.Parse(body);
        Assert.Equal("Degraded", health.RootElement.GetProperty("status").GetString());
        var weChat = health.RootElement.GetProperty("wechat");
        Assert.Equal(nameof(WeChatConnectionState.CredentialsRefused), weChat.GetProperty("state").GetString());
        Assert.Equal(40125, weChat.GetProperty("errCode").GetInt32());
        Assert.Contains("AppSecret", weChat.GetProperty("description").GetString());
        Assert.DoesNotContain(WrongSecret, body);
        Assert.DoesNotContain(LoopbackWeChatApi.AppId, body);

        // The portal itself is up: the sign-in page answers, and a student gets a Chinese answer, not a crash.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
        await StudentApiKit.AssertProblemAsync(
            await client.PostAsJsonAsync("/api/v1/auth/wechat", new { code = "code" }), HttpStatusCode.BadGateway, WeChatErrors.Failed.Code);
    }

    [Fact]
    public async Task Simulated_HealthShowsSimulatedWithoutSecrets()
    {
        await using var factory = new PortalFactory();

        var response = await factory.CreateClient().GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(body);
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        Assert.Equal(nameof(WeChatConnectionState.Simulated), health.RootElement.GetProperty("wechat").GetProperty("state").GetString());
        Assert.Contains("模拟", health.RootElement.GetProperty("wechat").GetProperty("description").GetString());
        Assert.DoesNotContain(SimulatedWeChatServer.DefaultAppSecret, body);
    }
}
