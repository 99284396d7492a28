using Microsoft.Extensions.Options;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Students.WeChat;

public enum WeChatConnectionState
{
    /// <summary>Calls are answered by <see cref="SimulatedWeChatServer"/>: nothing real to check.</summary>
    Simulated,

    /// <summary>Real mode, before the first answer from WeChat.</summary>
    NotChecked,

    /// <summary>WeChat accepted the credentials (a token or a session was issued).</summary>
    Working,

    /// <summary>WeChat refused the AppId, the AppSecret or this server's address; see <see cref="WeChatConnection.ErrCode"/>.</summary>
    CredentialsRefused,

    /// <summary>No usable answer: network, timeout, HTTP error or garbled body.</summary>
    Unreachable,
}

/// <summary>What this portal instance last learned about its connection to WeChat.</summary>
public sealed record WeChatConnection(WeChatConnectionState State, DateTimeOffset? CheckedAt, DateTimeOffset? WorkingAt, int? ErrCode)
{
    /// <summary>For the administrator, in Chinese.</summary>
    public string Description => State switch
    {
        WeChatConnectionState.Simulated => "模拟：微信登录和手机号由内置模拟器应答，不是真实数据（WeChat:Mode = Simulated）。",
        WeChatConnectionState.NotChecked => "正在检查与微信的连接……",
        WeChatConnectionState.Working => $"正常：微信接受了 AppID 和 AppSecret（{ChinaTime.Seconds(WorkingAt ?? CheckedAt ?? default)} 确认）。",
        WeChatConnectionState.CredentialsRefused => ErrCode switch
        {
            WeChatHttpClient.InvalidAppId => "微信拒绝了 AppID（错误码 40013）：请检查配置项 WeChat:AppId。学生目前无法登录。",
            WeChatHttpClient.InvalidAppSecret => "微信拒绝了 AppSecret（错误码 40125）：请检查配置项 WeChat:AppSecret（在微信公众平台重置后需同步更新）。学生目前无法登录。",
            WeChatHttpClient.AddressNotAllowed => "微信拒绝了本服务器的 IP 地址（错误码 40164）：请在微信公众平台把服务器出口 IP 加入白名单。学生目前无法登录。",
            _ => $"微信拒绝了本服务器的调用凭证（错误码 {ErrCode}）。学生目前无法登录。",
        },
        WeChatConnectionState.Unreachable => $"无法连接微信（{ChinaTime.Seconds(CheckedAt ?? default)} 检查）：网络或微信服务故障。"
            + (WorkingAt is { } working ? $"上次正常：{ChinaTime.Seconds(working)}。" : ""),
        _ => State.ToString(),
    };
}

/// <summary>
/// The WeChat connection state of this instance, as the health endpoint and the admin dashboard show
/// it. Updated by every token fetch and login exchange of <see cref="WeChatHttpClient"/> and by the
/// start-up check (<see cref="WeChatConnectionCheck"/>).
/// </summary>
public sealed class WeChatConnectionStatus
{
    private readonly TimeProvider _time;
    private WeChatConnection _current;

    public WeChatConnectionStatus(TimeProvider time, IOptions<WeChatOptions> options)
    {
        _time = time;
        _current = new WeChatConnection(
            options.Value.Mode == WeChatMode.Simulated ? WeChatConnectionState.Simulated : WeChatConnectionState.NotChecked, null, null, null);
    }

    public WeChatConnection Current => Volatile.Read(ref _current);

    /// <summary>Raised after every change, on the reporting thread.</summary>
    public event Action<WeChatConnection>? Changed;

    internal void ReportWorking() => Update(c => c with { State = WeChatConnectionState.Working, WorkingAt = _time.GetUtcNow(), ErrCode = null });

    internal void ReportRefused(int errCode) => Update(c => c with { State = WeChatConnectionState.CredentialsRefused, ErrCode = errCode });

    internal void ReportUnreachable() => Update(c => c with { State = WeChatConnectionState.Unreachable, ErrCode = null });

    private void Update(Func<WeChatConnection, WeChatConnection> change)
    {
        WeChatConnection before, after;
        do
        {
            before = Volatile.Read(ref _current);
            if (before.State == WeChatConnectionState.Simulated)
            {
                return;
            }

            after = change(before) with { CheckedAt = _time.GetUtcNow() };
        }
        while (Interlocked.CompareExchange(ref _current, after, before) != before);

        Changed?.Invoke(after);
    }
}
