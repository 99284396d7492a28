namespace PhotoCollect.Tests.Core.Students.WeChat;

/// <summary>Each test gets its own loopback WeChat server and a client registered against it in Real mode.</summary>
public abstract class LoopbackWeChatTests : IAsyncLifetime
{
    protected LoopbackWeChatApi Api { get; private set; } = null!;

    protected WeChatTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await LoopbackWeChatApi.StartAsync();
        Host = WeChatTestHost.Real(Api.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Api.DisposeAsync();
    }
}
