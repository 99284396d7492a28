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
}
