using System.Net;
using System.Net.Http.Json;
using PhotoCollect.Portal.Api;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Api.StudentApiKit;

namespace PhotoCollect.Tests.Api;

/// <summary>Login limits with their default settings: a class behind one school address signs in; one account cannot hammer.</summary>
public sealed class StudentApiLoginLimitTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Login_SixtyStudentsFromOneAddressWithinAMinute_AllSignedIn()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();

        // A class at the start of the lesson: ten at a time, sixty in all, well within one minute.
        for (var round = 0; round < 6; round++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
                client.PostAsJsonAsync("/api/v1/auth/wechat", new { code = $"class-2026-{round}-{i}" })));
            statuses.AddRange(responses.Select(r => r.StatusCode));
        }

        Assert.Equal(60, statuses.Count(s => s == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Login_SameAccountBeyondTheLimit_429WithRetryAfterAndChineseMessage()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/wechat", new { code = "one-busy-student" })).StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/api/v1/auth/wechat", new { code = "one-busy-student" });

        var problem = await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, ApiErrors.RateLimited.Code);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("秒后再试", problem.GetProperty("detail").GetString());

        // Another student behind the same address is not affected.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/wechat", new { code = "another-student" })).StatusCode);
    }

    [Fact]
    public async Task BindPhone_SameAccountBeyondTheLimit_429WithRetryAfter()
    {
        var student = await SignInAsync(factory, consent: false);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await student.PostAsJsonAsync("/api/v1/auth/phone", new { code = $"phone-1391234567{i}" })).StatusCode);
        }

        var refused = await student.PostAsJsonAsync("/api/v1/auth/phone", new { code = "phone-13912345670" });

        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, ApiErrors.RateLimited.Code);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
