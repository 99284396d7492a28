using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Students.WeChat;

namespace PhotoCollect.Tests.Core.Students.WeChat;

/// <summary>What the portal knows about its WeChat connection, the start-up check, and the cap on concurrent calls.</summary>
public sealed class WeChatConnectionTests : IAsyncLifetime
{
    private LoopbackWeChatApi _api = null!;

    public async Task InitializeAsync() => _api = await LoopbackWeChatApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task VerifyCredentials_Accepted_WorkingAsOfNow()
    {
        await using var host = WeChatTestHost.Real(_api.BaseAddress);
        Assert.Equal(WeChatConnectionState.NotChecked, Status(host).Current.State);

        await host.Client.VerifyCredentialsAsync(CancellationToken.None);

        var connection = Status(host).Current;
        Assert.Equal(WeChatConnectionState.Working, connection.State);
        Assert.Equal(host.Time.GetUtcNow(), connection.WorkingAt);
        Assert.Contains("正常", connection.Description);
    }

    [Theory]
    [InlineData("WeChat:AppSecret", "wrong-secret-wrong-secret-wrong!", 40125, "AppSecret")]
    [InlineData("WeChat:AppId", "wx0000000000000000", 40013, "AppID")]
    public async Task VerifyCredentials_Refused_CredentialsRefusedWithWeChatsCode(string setting, string value, int errcode, string named)
    {
        await using var host = WeChatTestHost.Real(_api.BaseAddress, settings: new() { [setting] = value });

        var error = await Assert.ThrowsAsync<DomainException>(() => host.Client.VerifyCredentialsAsync(CancellationToken.None));

        var connection = Status(host).Current;
        Assert.Equal(WeChatErrors.Failed.Code, error.Code);
        Assert.Equal(WeChatConnectionState.CredentialsRefused, connection.State);
        Assert.Equal(errcode, connection.ErrCode);
        Assert.Contains(named, connection.Description);
        Assert.DoesNotContain(value, connection.Description);
    }

    [Fact]
    public async Task Login_WrongSecret_AlsoReportsCredentialsRefused()
    {
        await using var host = WeChatTestHost.Real(_api.BaseAddress, settings: new() { ["WeChat:AppSecret"] = "wrong-secret-wrong-secret-wrong!" });

        await Assert.ThrowsAsync<DomainException>(() => host.Client.Code2SessionAsync("code", CancellationToken.None));

        Assert.Equal(WeChatConnectionState.CredentialsRefused, Status(host).Current.State);
        Assert.Equal(40125, Status(host).Current.ErrCode);
    }

    [Fact]
    public async Task VerifyCredentials_NothingListening_Unreachable()
    {
        await using var host = WeChatTestHost.Real(new Uri($"http://127.0.0.1:{ClosedLoopbackPort()}"));

        var error = await Assert.ThrowsAsync<DomainException>(() => host.Client.VerifyCredentialsAsync(CancellationToken.None));

        Assert.Equal(WeChatErrors.Unavailable.Code, error.Code);
        Assert.Equal(WeChatConnectionState.Unreachable, Status(host).Current.State);
        Assert.Equal(host.Time.GetUtcNow(), Status(host).Current.CheckedAt);
    }

    [Fact]
    public async Task Simulated_StaysSimulatedWhateverHappens()
    {
        await using var host = WeChatTestHost.Simulated();

        await host.Client.Code2SessionAsync("student-001", CancellationToken.None);
        await Assert.ThrowsAsync<DomainException>(() => host.Client.Code2SessionAsync(SimulatedWeChatServer.SystemBusyTrigger, CancellationToken.None));

        Assert.Equal(WeChatConnectionState.Simulated, Status(host).Current.State);
        Assert.Contains("模拟", Status(host).Current.Description);
        Assert.Empty(host.Provider.GetServices<IHostedService>());
    }

    [Fact]
    public async Task StartUpCheck_TokenEndpointHangs_StartDoesNotWaitAndTheStateFollowsTheAnswer()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _api.Handlers[LoopbackWeChatApi.TokenPath] = async context =>
        {
            await release.Task;
            await LoopbackWeChatApi.Error(context, 40125, "invalid appsecret");
        };
        await using var host = WeChatTestHost.Real(_api.BaseAddress);
        var check = Assert.Single(host.Provider.GetServices<IHostedService>());
        var refused = new TaskCompletionSource<WeChatConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        Status(host).Changed += connection => refused.TrySetResult(connection);

        var start = check.StartAsync(CancellationToken.None);

        Assert.True(start.IsCompleted, "start-up waited for WeChat");
        Assert.Equal(WeChatConnectionState.NotChecked, Status(host).Current.State);
        release.SetResult();
        Assert.Equal(WeChatConnectionState.CredentialsRefused, (await refused.Task.WaitAsync(TimeSpan.FromSeconds(10))).State);
        await check.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ConcurrentCalls_BeyondTheCap_BusyWithRetryAfterWithoutCallingWeChat()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _api.Handlers[LoopbackWeChatApi.SessionPath] = async context =>
        {
            if (context.Request.Query["js_code"] == "slow")
            {
                arrived.TrySetResult();
                await release.Task;
            }

            await LoopbackWeChatApi.Json(context, """{"openid":"oAbCdEfGhIjKlMnOpQrStUvWxYz0","session_key":"tiihtNczf5v6AKRyjwEUhQ=="}""");
        };
        await using var host = WeChatTestHost.Real(_api.BaseAddress, settings: new()
        {
            ["WeChat:MaxConcurrentCalls"] = "1",
            ["WeChat:ConcurrencyWait"] = "00:00:00",
        });

        var slow = host.Client.Code2SessionAsync("slow", CancellationToken.None);
        await arrived.Task;
        var error = await Assert.ThrowsAsync<DomainException>(() => host.Client.Code2SessionAsync("second", CancellationToken.None));
        release.SetResult();
        await slow;

        Assert.Equal(WeChatErrors.Busy.Code, error.Code);
        Assert.Equal(WeChatErrors.Busy.Message, error.Message);
        Assert.True(error.RetryAfter > TimeSpan.Zero);
        Assert.Equal(1, _api.Count(LoopbackWeChatApi.SessionPath));

        // The slot is free again.
        await host.Client.Code2SessionAsync("third", CancellationToken.None);
    }

    private static WeChatConnectionStatus Status(WeChatTestHost host) => host.Provider.GetRequiredService<WeChatConnectionStatus>();

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
