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
    private WeChatTestHost(ServiceProvider provider, FakeTimeProvider time, ConcurrentQueue<string> logs)
    {
        Provider = provider;
        Time = time;
        Logs = logs;
    }

    public ServiceProvider Provider { get; }
    public FakeTimeProvider Time { get; }

    /// <summary>Every log line, formatted, with the exception text if any.</summary>
    public ConcurrentQueue<string> Logs { get; }

    public IWeChatMiniProgramClient Client => Provider.GetRequiredService<IWeChatMiniProgramClient>();

    public static WeChatTestHost Real(Uri baseAddress, TimeSpan? timeout = null) => Create(Environments.Development, new()
    {
        ["WeChat:Mode"] = "Real",
        ["WeChat:BaseAddress"] = baseAddress.ToString(),
        ["WeChat:AppId"] = LoopbackWeChatApi.AppId,
        ["WeChat:AppSecret"] = LoopbackWeChatApi.AppSecret,
        ["WeChat:Timeout"] = (timeout ?? TimeSpan.FromSeconds(10)).ToString(),
    });

    public static WeChatTestHost Simulated() => Create(Environments.Development, []);

    public static WeChatTestHost Create(string environmentName, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var time = new FakeTimeProvider(Builders.Now);
        var logs = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(logs)));
        services.AddSingleton<TimeProvider>(time);
        services.AddWeChatMiniProgram(configuration, Environment(environmentName));
        return new WeChatTestHost(services.BuildServiceProvider(), time, logs);
    }

    public static IHostEnvironment Environment(string name) => new HostingEnvironment { EnvironmentName = name };

    public ValueTask DisposeAsync() => Provider.DisposeAsync();

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
