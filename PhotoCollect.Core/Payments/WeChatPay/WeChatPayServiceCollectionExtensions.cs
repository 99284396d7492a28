using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Students.WeChat;

namespace PhotoCollect.Core.Payments.WeChatPay;

public static class WeChatPayServiceCollectionExtensions
{
    /// <summary>Where the simulator's notifies go when no NotifyUrl is configured (the flow's notify endpoint).</summary>
    public const string DefaultSimulatedNotifyUrl = "https://localhost/api/v1/payments/wechat/notify";

    /// <summary>
    /// Registers the WeChat Pay protocol layer from the <c>WeChatPay</c> section: <see cref="WeChatPayClient"/> (typed
    /// HttpClient), <see cref="WeChatPaySigner"/>, <see cref="WeChatPayVerifier"/>, <see cref="WeChatPayNotifications"/>
    /// and, in certificate mode, <see cref="WeChatPayPlatformCertificates"/>. The mode defaults to Real in Production and
    /// Staging and to Simulated elsewhere. Simulated is refused in Production and Staging, and Real with incomplete settings
    /// is refused (<see cref="WeChatPayOptions.ProblemsForRealMode"/>): both throw <see cref="InvalidOperationException"/>
    /// here, so a misconfigured host never starts. Simulated mode generates fresh merchant keys and serves every call
    /// from <see cref="SimulatedWeChatPay"/> through the same client code.
    /// </summary>
    public static IServiceCollection AddWeChatPay(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetSection(WeChatPayOptions.SectionName).Get<WeChatPayOptions>() ?? new WeChatPayOptions();
        var guarded = environment.IsProduction() || environment.IsStaging();
        var mode = configured.Mode ?? (guarded ? WeChatPayMode.Real : WeChatPayMode.Simulated);
        if (mode == WeChatPayMode.Simulated && guarded)
        {
            throw new InvalidOperationException(
                $"WeChatPay:Mode is Simulated, which takes no real money and is refused in {environment.EnvironmentName}. "
                + "Set WeChatPay:Mode to Real with the merchant settings.");
        }

        SimulatedWeChatPaySetup? simulated = null;
        WeChatPayOptions options;
        if (mode == WeChatPayMode.Real)
        {
            var problems = configured.ProblemsForRealMode();
            if (problems.Count > 0)
            {
                throw new InvalidOperationException("WeChat Pay (Real mode) is not configured: " + string.Join(" ", problems));
            }

            options = configured;
        }
        else
        {
            var appId = FirstSet(configured.AppId, configuration[$"{WeChatOptions.SectionName}:{nameof(WeChatOptions.AppId)}"], SimulatedWeChatServer.DefaultAppId);
            simulated = SimulatedWeChatPaySetup.Generate(appId, FirstSet(configured.MchId, SimulatedWeChatPaySetup.DefaultMchId));
            options = simulated.ClientOptions(FirstSet(configured.NotifyUrl, DefaultSimulatedNotifyUrl));
            options.RefundNotifyUrl = configured.RefundNotifyUrl;
            options.Timeout = configured.Timeout;
            options.CertificateRefreshInterval = configured.CertificateRefreshInterval;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISecureRandom, CryptoRandom>();
        services.AddSingleton(options);
        services.AddSingleton(provider => new WeChatPaySigner(options, provider.GetRequiredService<ISecureRandom>(), provider.GetRequiredService<TimeProvider>()));
        if (options.UsePlatformCertificates)
        {
            services.AddSingleton<WeChatPayPlatformCertificates>();
        }

        services.AddSingleton(provider => new WeChatPayVerifier(options, provider.GetService<WeChatPayPlatformCertificates>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WeChatPayNotifications>();
        var client = services
            .AddHttpClient<WeChatPayClient>(WeChatPayClient.HttpClientName, http =>
            {
                http.BaseAddress = new Uri(options.BaseAddress);
                http.Timeout = options.Timeout;
            })
            // Bill download addresses carry a token in the query; this client logs what it needs itself.
            .RemoveAllLoggers();

        if (simulated is not null)
        {
            services.AddSingleton(simulated);
            services.AddSingleton(provider => new SimulatedWeChatPay(simulated, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<SimulatedWeChatPay>>()));
            client.ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<SimulatedWeChatPay>())
                // The simulator holds the trades; keep the one instance instead of rotating handlers.
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        }

        return services;
    }

    private static string FirstSet(params string?[] values) => values.First(value => !string.IsNullOrWhiteSpace(value))!;
}
