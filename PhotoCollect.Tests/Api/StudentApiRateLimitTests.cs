using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Api.StudentApiKit;

namespace PhotoCollect.Tests.Api;

/// <summary>Low limits with an hour-long window, so the window never rolls over during a test.</summary>
public class RateLimitedPortalFactory : PortalFactory
{
    /// <summary>High here, so the tests' own sign-ins never hit it; <see cref="LoginLimitedPortalFactory"/> tests it.</summary>
    protected virtual int LoginLimit => 100;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var rule in new[] { "Login", "FeatureCode", "ChsiCode", "Upload" })
        {
            builder.UseSetting($"StudentApi:RateLimits:{rule}:PermitLimit", rule == "Login" ? LoginLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) : "3");
            builder.UseSetting($"StudentApi:RateLimits:{rule}:Window", "01:00:00");
        }
    }
}

public sealed class LoginLimitedPortalFactory : RateLimitedPortalFactory
{
    protected override int LoginLimit => 3;
}

public sealed class StudentApiRateLimitTests(RateLimitedPortalFactory factory) : IClassFixture<RateLimitedPortalFactory>
{
    [Fact]
    public async Task FeatureCodeLookup_BeyondTheLimit_Gets429_PerStudent()
    {
        var client = await SignInAsync(factory);
        for (var i = 0; i < 3; i++)
        {
            await AssertProblemAsync(await client.GetAsync("/api/v1/batches/ZZZZZZZZ?type=Centralised"), HttpStatusCode.NotFound, "batch.not_found");
        }

        var limited = await client.GetAsync("/api/v1/batches/ZZZZZZZZ?type=Centralised");
        await AssertProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // Another student has a budget of their own.
        var other = await SignInAsync(factory);
        await AssertProblemAsync(await other.GetAsync("/api/v1/batches/ZZZZZZZZ?type=Centralised"), HttpStatusCode.NotFound, "batch.not_found");
    }

    [Fact]
    public async Task CodeDecodingAndUploads_BeyondTheLimit_Get429()
    {
        var client = await SignInAsync(factory);
        for (var i = 0; i < 3; i++)
        {
            await client.PostAsJsonAsync("/api/v1/chsi-codes/text", new { codeText = "x", idLast4 = "1234" });
            await client.PostAsync("/api/v1/photos/check", Form([]));
        }

        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/chsi-codes/text", new { codeText = "x", idLast4 = "1234" }), HttpStatusCode.TooManyRequests, "rate_limited");
        await AssertProblemAsync(await client.PostAsync("/api/v1/photos/check", Form([])), HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task Login_BeyondTheLimit_Gets429_PerAddress()
    {
        await using var fresh = new LoginLimitedPortalFactory();
        var client = fresh.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/wechat", new { code = "limit-" + i })).StatusCode);
        }

        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/wechat", new { code = "limit-x" }), HttpStatusCode.TooManyRequests, "rate_limited");
    }
}
