using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Students.WeChat;

/// <summary>
/// Real mode: checks the AppId and AppSecret right after start-up, in the background, by fetching the
/// access token the first student would need anyway; then again every
/// <see cref="WeChatOptions.ConnectionCheckInterval"/> (from the cache while the token is fresh). A wrong
/// secret shows on the health endpoint and the dashboard at once instead of at the first login.
/// </summary>
public sealed class WeChatConnectionCheck(
    IServiceProvider services,
    IOptions<WeChatOptions> options,
    WeChatConnectionStatus status,
    TimeProvider time,
    ILogger<WeChatConnectionCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Start-up never waits for WeChat.
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await CheckAsync(stoppingToken);
                await Task.Delay(options.Value.ConnectionCheckInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task CheckAsync(CancellationToken stoppingToken)
    {
        try
        {
            // A typed client per use, as the factory intends (handlers rotate).
            await services.GetRequiredService<IWeChatMiniProgramClient>().VerifyCredentialsAsync(stoppingToken);
        }
        catch (DomainException e)
        {
            // The client has logged WeChat's answer; this line says what it means for the portal.
            logger.LogWarning("WeChat connection check failed ({Code}): {State}. Students cannot sign in until this is fixed.", e.Code, status.Current.State);
        }
    }
}
