using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PhotoCollect.Core.Payments.WeChatPay;

namespace PhotoCollect.Core.Payments;

public static class PaymentServiceCollectionExtensions
{
    /// <summary>Production and Staging take payments only when this is true (then the Real settings are required).</summary>
    public const string EnabledKey = WeChatPayOptions.SectionName + ":Enabled";

    /// <summary>
    /// The payment flow: <see cref="PaymentCommands"/> and <see cref="PaymentNotifyHandler"/> on top of
    /// <see cref="WeChatPayServiceCollectionExtensions.AddWeChatPay"/>. Outside Production and Staging always
    /// (Simulated by default); in Production and Staging only with <see cref="EnabledKey"/> set, and then
    /// AddWeChatPay refuses missing Real settings. Without it nothing is registered and the pay endpoints
    /// answer <see cref="PaymentErrors.Disabled"/>, so a host without merchant settings still starts.
    /// </summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var guarded = environment.IsProduction() || environment.IsStaging();
        if (guarded && !configuration.GetValue<bool>(EnabledKey))
        {
            return services;
        }

        services.AddWeChatPay(configuration, environment);

        // Scoped: they hold the typed WeChat Pay HttpClient, which must not live forever.
        services.AddScoped<PaymentCommands>();
        services.AddScoped<PaymentNotifyHandler>();
        return services;
    }
}
