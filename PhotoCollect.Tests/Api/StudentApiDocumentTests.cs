using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Api;

[Collection(StudentApiCollection.Name)]
public sealed class StudentApiDocumentTests(StudentApiFactory factory)
{
    [Fact]
    public async Task OpenApiDocument_ListsEveryApiEndpoint_WithItsErrorCodes()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/student-v1.json");
        using var document = JsonDocument.Parse(json);
        var paths = document.RootElement.GetProperty("paths");
        var documented = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();

        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.Contains("{**", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();

        Assert.True(mapped.Count >= 20, $"only {mapped.Count} endpoints mapped");
        Assert.Empty(mapped.Except(documented));

        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var description = operation.Value.GetProperty("description").GetString()!;
                Assert.Contains("错误码", description);
                Assert.True(operation.Value.TryGetProperty("summary", out _), $"{operation.Name} {path.Name} has no summary");
            }
        }

        var upload = paths.GetProperty("/api/v1/orders/{orderId}/photo").GetProperty("post");
        Assert.Contains("order.photo_locked", upload.GetProperty("description").GetString());
        Assert.True(upload.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        Assert.True(upload.GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(document.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task OpenApiDocument_WeChatLogin_DocumentsUsedCodesAndRetryAfter()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/student-v1.json"));
        var login = document.RootElement.GetProperty("paths").GetProperty("/api/v1/auth/wechat").GetProperty("post");
        var responses = login.GetProperty("responses");

        Assert.Contains("wechat.invalid_code", responses.GetProperty("400").GetProperty("description").GetString());
        Assert.Contains("wechat.rate_limited", responses.GetProperty("429").GetProperty("description").GetString());
        Assert.Contains("wechat.unavailable", responses.GetProperty("503").GetProperty("description").GetString());
        Assert.True(responses.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _));
        Assert.True(responses.GetProperty("503").GetProperty("headers").TryGetProperty("Retry-After", out _));
        Assert.False(responses.GetProperty("400").TryGetProperty("headers", out _));
        Assert.Contains("wx.login", document.RootElement.GetProperty("info").GetProperty("description").GetString());
    }

    /// <summary>Route constraints are not part of OpenAPI paths: <c>{orderId:long}</c> → <c>{orderId}</c>.</summary>
    private static string Normalize(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+):\w+\}", "{$1}").TrimEnd('/');
}
