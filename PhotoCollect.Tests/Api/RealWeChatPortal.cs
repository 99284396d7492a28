using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Students.WeChat;
using PhotoCollect.Tests.Core.Students.WeChat;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Api;

/// <summary>
/// The portal with <c>WeChat:Mode = Real</c>, pointed at a <see cref="LoopbackWeChatApi"/> on a real socket.
/// Every login the loopback answers is the same WeChat user, so the per-account limit is lifted unless a
/// test sets it.
/// </summary>
public sealed class RealWeChatPortalFactory(LoopbackWeChatApi api, Dictionary<string, string>? settings = null) : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("WeChat:Mode", "Real");
        builder.UseSetting("WeChat:BaseAddress", api.BaseAddress.ToString());
        builder.UseSetting("WeChat:AppId", LoopbackWeChatApi.AppId);
        builder.UseSetting("WeChat:AppSecret", LoopbackWeChatApi.AppSecret);
        builder.UseSetting("StudentApi:RateLimits:LoginPerAccount:PermitLimit", "10000");
        foreach (var (key, value) in settings ?? [])
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Waits (at most 10 s) until the WeChat connection state satisfies <paramref name="reached"/>, e.g. after the start-up check.</summary>
    public async Task<WeChatConnection> WeChatStateAsync(Func<WeChatConnection, bool> reached)
    {
        var status = Services.GetRequiredService<WeChatConnectionStatus>();
        var changed = new TaskCompletionSource<WeChatConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        Action<WeChatConnection> listener = connection =>
        {
            if (reached(connection))
            {
                changed.TrySetResult(connection);
            }
        };
        status.Changed += listener;
        try
        {
            return reached(status.Current) ? status.Current : await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            status.Changed -= listener;
        }
    }
}

/// <summary>One loopback WeChat and one Real-mode portal in front of it, shared by a test class.</summary>
public sealed class RealWeChatPortal : IAsyncLifetime
{
    public LoopbackWeChatApi Api { get; private set; } = null!;
    public RealWeChatPortalFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await LoopbackWeChatApi.StartAsync();
        Factory = new RealWeChatPortalFactory(Api);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Api.DisposeAsync();
    }
}
