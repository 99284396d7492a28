using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PhotoCollect.Core.Students.WeChat;

public static class WeChatServiceCollectionExtensions
{
    // WeChat's answers are a few hundred bytes; a far larger one is a fault, not data.
    private const long MaxResponseBytes = 64 * 1024;

    /// <summary>
    /// Registers <see cref="IWeChatMiniProgramClient"/> (the typed <see cref="WeChatHttpClient"/>) from
    /// the <c>WeChat</c> section. Outside Production the mode defaults to Simulated: the same client
    /// served by <see cref="SimulatedWeChatServer"/>. In Production the mode defaults to Real, Simulated
    /// is refused, and Real without AppId and AppSecret is refused: both throw
    /// <see cref="InvalidOperationException"/> here, so a misconfigured host never starts. In Real mode a
    /// background check (<see cref="WeChatConnectionCheck"/>) then asks WeChat whether it accepts them.
    /// </summary>
    public static IServiceCollection AddWeChatMiniProgram(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = Resolve(configuration.GetSection(WeChatOptions.SectionName).Get<WeChatOptions>() ?? new WeChatOptions(), environment);
        var baseAddress = new Uri(options.BaseAddress.EndsWith('/') ? options.BaseAddress : options.BaseAddress + "/");

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IOptions<WeChatOptions>>(Options.Create(options));
        services.AddSingleton<WeChatAccessTokenCache>();
        services.AddSingleton<WeChatCallGate>();
        services.AddSingleton<WeChatConnectionStatus>();
        var client = services
            .AddHttpClient<IWeChatMiniProgramClient, WeChatHttpClient>(http =>
            {
                http.BaseAddress = baseAddress;
                http.Timeout = options.Timeout;
                http.MaxResponseContentBufferSize = MaxResponseBytes;
            })
            // WeChat carries the app secret and the access token in the query string. The factory's request
            // logging redacts queries only until someone sets System.Net.Http.DisableUriRedaction to debug
            // another client; this client writes its own log lines instead.
            .RemoveAllLoggers();

        if (options.Mode == WeChatMode.Simulated)
        {
            services.AddSingleton(provider => new SimulatedWeChatServer(
                provider.GetRequiredService<TimeProvider>(),
                options.AppId,
                options.AppSecret,
                provider.GetRequiredService<ILogger<SimulatedWeChatServer>>()));
            client.ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<SimulatedWeChatServer>())
                // The simulator holds the issued tokens; keep the one instance instead of rotating handlers.
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        }
        else
        {
            services.AddHostedService<WeChatConnectionCheck>();
        }

        return services;
    }

    private static WeChatOptions Resolve(WeChatOptions configured, IHostEnvironment environment)
    {
        var production = environment.IsProduction();
        var mode = configured.Mode ?? (production ? WeChatMode.Real : WeChatMode.Simulated);
        if (mode == WeChatMode.Simulated && production)
        {
            throw new InvalidOperationException(
                "WeChat:Mode is Simulated, which serves fake logins and is refused in Production. "
                + "Set WeChat:Mode to Real with WeChat:AppId and WeChat:AppSecret.");
        }

        if (mode == WeChatMode.Real && (string.IsNullOrWhiteSpace(configured.AppId) || string.IsNullOrWhiteSpace(configured.AppSecret)))
        {
            throw new InvalidOperationException(
                "WeChat:AppId and WeChat:AppSecret must be configured for WeChat:Mode = Real"
                + (production ? " (the only mode allowed in Production)." : "."));
        }

        if (!Uri.TryCreate(configured.BaseAddress, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"WeChat:BaseAddress '{configured.BaseAddress}' is not an absolute http(s) address.");
        }

        if (configured.Timeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("WeChat:Timeout must be positive.");
        }

        if (configured.TokenTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("WeChat:TokenTimeout must be positive.");
        }

        if (configured.TokenFailureBackoff < TimeSpan.Zero || configured.SystemBusyRetryDelay < TimeSpan.Zero || configured.ConcurrencyWait < TimeSpan.Zero
            || configured.MaxConcurrentCalls < 1 || configured.ConnectionCheckInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                "WeChat:TokenFailureBackoff, SystemBusyRetryDelay and ConcurrencyWait must not be negative, "
                + "MaxConcurrentCalls must be at least 1 and ConnectionCheckInterval positive.");
        }

        return new WeChatOptions
        {
            Mode = mode,
            BaseAddress = configured.BaseAddress,
            AppId = mode == WeChatMode.Simulated && string.IsNullOrWhiteSpace(configured.AppId) ? SimulatedWeChatServer.DefaultAppId : configured.AppId,
            AppSecret = mode == WeChatMode.Simulated && string.IsNullOrWhiteSpace(configured.AppSecret) ? SimulatedWeChatServer.DefaultAppSecret : configured.AppSecret,
            Timeout = configured.Timeout,
            // Never longer than a call's timeout, so students waiting for the token are answered before their own calls give up.
            TokenTimeout = configured.TokenTimeout < configured.Timeout ? configured.TokenTimeout : configured.Timeout,
            TokenFailureBackoff = configured.TokenFailureBackoff,
            SystemBusyRetryDelay = configured.SystemBusyRetryDelay,
            MaxConcurrentCalls = configured.MaxConcurrentCalls,
            ConcurrencyWait = configured.ConcurrencyWait,
            ConnectionCheckInterval = configured.ConnectionCheckInterval,
        };
    }
}
