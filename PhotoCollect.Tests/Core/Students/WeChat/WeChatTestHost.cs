using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PhotoCollect.Core.Students.WeChat;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Core.Students.WeChat;

/// <summary>
/// The WeChat client exactly as the portal registers it (<see cref="WeChatServiceCollectionExtensions.AddWeChatMiniProgram"/>),
/// with a fake clock and every log line captured.
/// </summary>
public sealed class WeChatTestHost : IAsyncDisposable
{
    private WeChatTestHost(ServiceProvider provider, WeChatTestClock time, ConcurrentQueue<string> logs)
    {
        Provider = provider;
        Time = time;
        Logs = logs;
    }

    public ServiceProvider Provider { get; }
    public WeChatTestClock Time { get; }

    /// <summary>Every log line, formatted, with the exception text if any.</summary>
    public ConcurrentQueue<string> Logs { get; }

    public IWeChatMiniProgramClient Client => Provider.GetRequiredService<IWeChatMiniProgramClient>();

    public static WeChatTestHost Real(Uri baseAddress, TimeSpan? timeout = null, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["WeChat:Mode"] = "Real",
            ["WeChat:BaseAddress"] = baseAddress.ToString(),
            ["WeChat:AppId"] = LoopbackWeChatApi.AppId,
            ["WeChat:AppSecret"] = LoopbackWeChatApi.AppSecret,
            ["WeChat:Timeout"] = (timeout ?? TimeSpan.FromSeconds(10)).ToString(),
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return Create(Environments.Development, all);
    }

    /// <summary>The simulator, with no pause before a code is sent again after -1 (its busy trigger answers -1 every time).</summary>
    public static WeChatTestHost Simulated() => Create(Environments.Development, new() { ["WeChat:SystemBusyRetryDelay"] = "00:00:00" });

    public static WeChatTestHost Create(string environmentName, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var time = new WeChatTestClock(Builders.Now);
        var logs = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(logs)));
        services.AddSingleton<TimeProvider>(time);
        services.AddWeChatMiniProgram(configuration, Environment(environmentName));
        return new WeChatTestHost(services.BuildServiceProvider(), time, logs);
    }

    public static IHostEnvironment Environment(string name) => new HostingEnvironment { EnvironmentName = name };

    public ValueTask DisposeAsync() => Provider.DisposeAsync();

    /// <summary>A fake clock that tells when someone starts waiting on it, so a test advances it only once the wait is set.</summary>
    public sealed class WeChatTestClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly SemaphoreSlim _timersCreated = new(0);

        /// <summary>Completes when the next timer (a <c>Task.Delay</c> on this clock, say) has been created.</summary>
        public async Task WaitForTimerAsync() => Assert.True(await _timersCreated.WaitAsync(TimeSpan.FromSeconds(10)), "Nobody started waiting on the clock.");

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _timersCreated.Release();
            return timer;
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, logs);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
