namespace PhotoCollect.Core.Students.WeChat;

/// <summary>Which WeChat the client talks to.</summary>
public enum WeChatMode
{
    /// <summary>The in-process <see cref="SimulatedWeChatServer"/>: local runs and tests; refused in Production.</summary>
    Simulated,

    /// <summary>The real WeChat API at <see cref="WeChatOptions.BaseAddress"/>.</summary>
    Real,
}

/// <summary>
/// The <c>WeChat</c> configuration section. <see cref="Mode"/> defaults to Simulated outside
/// Production and to Real in Production, where Simulated is refused at start-up.
/// </summary>
public sealed class WeChatOptions
{
    public const string SectionName = "WeChat";
    public const string DefaultBaseAddress = "https://api.weixin.qq.com";

    public WeChatMode? Mode { get; set; }
    public string BaseAddress { get; set; } = DefaultBaseAddress;
    public string AppId { get; set; } = "";
    public string AppSecret { get; set; } = "";

    /// <summary>Upper bound for one call to WeChat, connection included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Upper bound for one access-token fetch (capped at <see cref="Timeout"/>): every student waiting
    /// for the token waits at most this long, then gets the same answer.
    /// </summary>
    public TimeSpan TokenTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a failed token fetch is answered from memory instead of being repeated.</summary>
    public TimeSpan TokenFailureBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Pause before the one repeat of a call that is safe to repeat (the token fetch) after errcode -1.</summary>
    public TimeSpan SystemBusyRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Calls to WeChat one portal instance makes at the same time; more wait up to <see cref="ConcurrencyWait"/>.</summary>
    public int MaxConcurrentCalls { get; set; } = 32;

    /// <summary>How long a call waits for a free slot before the student is asked to retry (503, <c>Retry-After</c>).</summary>
    public TimeSpan ConcurrencyWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often, in Real mode, the background check confirms the credentials by fetching (or reusing) the token.</summary>
    public TimeSpan ConnectionCheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}
