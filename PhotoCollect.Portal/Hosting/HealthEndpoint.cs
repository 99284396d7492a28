using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PhotoCollect.Core.Students.WeChat;

namespace PhotoCollect.Portal.Hosting;

/// <summary>
/// <c>GET /health</c>: anonymous JSON for the load balancer and the operator, without secrets. A WeChat
/// problem makes the portal Degraded (still HTTP 200): every instance shares the same credentials, so
/// taking instances out of rotation would only also lock the staff out.
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/health";

    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<WeChatHealthCheck>("wechat");
        return services;
    }

    public static WebApplication MapPortalHealth(this WebApplication app)
    {
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteJsonAsync }).AllowAnonymous();
        return app;
    }

    private static async Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        // Built in memory: the serializer flushes synchronously, which the response stream refuses.
        var buffer = new ArrayBufferWriter<byte>();
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteReport(json, report);
        }

        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    private static void WriteReport(Utf8JsonWriter json, HealthReport report)
    {
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        foreach (var (name, entry) in report.Entries)
        {
            json.WritePropertyName(name);
            json.WriteStartObject();
            json.WriteString("status", entry.Status.ToString());
            foreach (var (key, value) in entry.Data)
            {
                json.WritePropertyName(key);
                JsonSerializer.Serialize(json, value);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private sealed class WeChatHealthCheck(WeChatConnectionStatus status, Microsoft.Extensions.Options.IOptions<WeChatOptions> options) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var connection = status.Current;
            var data = new Dictionary<string, object>
            {
                ["mode"] = (options.Value.Mode ?? WeChatMode.Real).ToString(),
                ["state"] = connection.State.ToString(),
                ["description"] = connection.Description,
            };
            if (connection.ErrCode is { } errCode)
            {
                data["errCode"] = errCode;
            }

            if (connection.CheckedAt is { } checkedAt)
            {
                data["checkedAt"] = checkedAt;
            }

            if (connection.WorkingAt is { } workingAt)
            {
                data["workingAt"] = workingAt;
            }

            var healthy = connection.State is WeChatConnectionState.Working or WeChatConnectionState.Simulated or WeChatConnectionState.NotChecked;
            return Task.FromResult(new HealthCheckResult(healthy ? HealthStatus.Healthy : HealthStatus.Degraded, connection.Description, data: data));
        }
    }
}
