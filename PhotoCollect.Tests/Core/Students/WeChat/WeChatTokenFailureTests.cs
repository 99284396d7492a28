using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Students.WeChat;

namespace PhotoCollect.Tests.Core.Students.WeChat;

/// <summary>
/// The token fetch when WeChat misbehaves: one request in flight whose outcome everyone waiting shares,
/// bounded by its own timeout, a failure remembered for a short back-off, -1 asked once more.
/// </summary>
public sealed class WeChatTokenFailureTests : LoopbackWeChatTests
{
    [Fact]
    public async Task TokenEndpointHangs_ThreeConcurrentBindings_AllAnsweredWithinTokenTimeoutPlusTwoSeconds()
    {
        var tokenTimeout = TimeSpan.FromSeconds(1);
        var stalled = new TaskCompletionSource();
        Api.Handlers[LoopbackWeChatApi.TokenPath] = _ => stalled.Task;
        // A call may take 5 s; the token fetch gets 1 s of it, once, for everyone.
        await using var host = WeChatTestHost.Real(Api.BaseAddress, TimeSpan.FromSeconds(5), new() { ["WeChat:TokenTimeout"] = tokenTimeout.ToString() });

        try
        {
            var clock = Stopwatch.StartNew();
            var bindings = Enumerable.Range(0, 3)
                .Select(i => Assert.ThrowsAsync<DomainException>(() => host.Client.GetPhoneNumberAsync($"code-{i}", CancellationToken.None)))
                .ToArray();
            var errors = await Task.WhenAll(bindings);
            clock.Stop();

            Assert.True(clock.Elapsed < tokenTimeout + TimeSpan.FromSeconds(2), $"answered after {clock.Elapsed}");
            Assert.All(errors, e => Assert.Equal(WeChatErrors.Unavailable.Code, e.Code));
            Assert.Equal(1, Api.Count(LoopbackWeChatApi.TokenPath));
            Assert.Equal(0, Api.Count(LoopbackWeChatApi.PhonePath));
            Assert.Contains(host.Logs, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("stable_token did not answer"));
            Assert.Equal(WeChatConnectionState.Unreachable, host.Provider.GetRequiredService<WeChatConnectionStatus>().Current.State);
        }
        finally
        {
            stalled.SetResult();
        }
    }

    [Fact]
    public async Task FailedFetch_NotRepeatedWithinTheBackoff_ThenTriedAgain()
    {
        Api.Handlers[LoopbackWeChatApi.TokenPath] = context => LoopbackWeChatApi.Error(context, 45009, "reach max api daily quota limit");

        var first = await Assert.ThrowsAsync<DomainException>(() => Host.Client.GetPhoneNumberAsync("code-1", CancellationToken.None));
        Host.Time.Advance(TimeSpan.FromSeconds(4));
        var second = await Assert.ThrowsAsync<DomainException>(() => Host.Client.GetPhoneNumberAsync("code-2", CancellationToken.None));

        Assert.Equal(WeChatErrors.Failed.Code, first.Code);
        Assert.Equal(WeChatErrors.Failed.Code, second.Code);
        Assert.Equal(TimeSpan.FromSeconds(1), second.RetryAfter);
        Assert.Equal(1, Api.Count(LoopbackWeChatApi.TokenPath));

        // The default back-off is 5 s; after it a new fetch goes out, and succeeds.
        Host.Time.Advance(TimeSpan.FromSeconds(1));
        Api.Handlers[LoopbackWeChatApi.TokenPath] = context => LoopbackWeChatApi.Json(context, $$"""{"access_token":"{{Api.NextToken()}}","expires_in":7200}""");
        Assert.Equal("13912345678", await Host.Client.GetPhoneNumberAsync("code-3", CancellationToken.None));
        Assert.Equal(2, Api.Count(LoopbackWeChatApi.TokenPath));
        Assert.Equal(1, Api.Count(LoopbackWeChatApi.PhonePath));
    }

    [Fact]
    public async Task ConcurrentCallers_FetchFails_AllGetTheOneFailure()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Api.Handlers[LoopbackWeChatApi.TokenPath] = async context =>
        {
            arrived.TrySetResult();
            await release.Task;
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
        };

        var calls = Enumerable.Range(0, 10)
            .Select(i => Assert.ThrowsAsync<DomainException>(() => Host.Client.GetPhoneNumberAsync($"code-{i}", CancellationToken.None)))
            .ToArray();
        await arrived.Task;
        release.SetResult();
        var errors = await Task.WhenAll(calls);

        Assert.All(errors, e => Assert.Equal(WeChatErrors.Unavailable.Code, e.Code));
        Assert.Equal(1, Api.Count(LoopbackWeChatApi.TokenPath));
    }

    [Fact]
    public async Task CallerGivesUp_OthersStillGetTheTokenOfTheSameFetch()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Api.Handlers[LoopbackWeChatApi.TokenPath] = async context =>
        {
            arrived.TrySetResult();
            await release.Task;
            await LoopbackWeChatApi.Json(context, $$"""{"access_token":"{{Api.NextToken()}}","expires_in":7200}""");
        };
        using var impatient = new CancellationTokenSource();

        var first = Host.Client.GetPhoneNumberAsync("code-1", impatient.Token);
        var second = Host.Client.GetPhoneNumberAsync("code-2", CancellationToken.None);
        await arrived.Task;
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        release.SetResult();

        Assert.Equal("13912345678", await second);
        Assert.Equal(1, Api.Count(LoopbackWeChatApi.TokenPath));
        Assert.Equal(1, Api.Count(LoopbackWeChatApi.PhonePath));
    }

    [Fact]
    public async Task TokenSystemBusy_AskedOnceMoreAfterThePause()
    {
        var answers = 0;
        Api.Handlers[LoopbackWeChatApi.TokenPath] = context => Interlocked.Increment(ref answers) == 1
            ? LoopbackWeChatApi.Error(context, -1, "system error")
            : LoopbackWeChatApi.Json(context, $$"""{"access_token":"{{Api.NextToken()}}","expires_in":7200}""");

        var binding = Host.Client.GetPhoneNumberAsync("code", CancellationToken.None);
        await Host.Time.WaitForTimerAsync();
        Assert.Equal(1, Api.Count(LoopbackWeChatApi.TokenPath));
        Host.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("13912345678", await binding);
        Assert.Equal(2, Api.Count(LoopbackWeChatApi.TokenPath));
    }

    [Fact]
    public async Task TokenSystemBusyTwice_UnavailableWithoutAThirdRequest()
    {
        Api.Handlers[LoopbackWeChatApi.TokenPath] = context => LoopbackWeChatApi.Error(context, -1, "system error");

        var binding = Assert.ThrowsAsync<DomainException>(() => Host.Client.GetPhoneNumberAsync("code", CancellationToken.None));
        await Host.Time.WaitForTimerAsync();
        Host.Time.Advance(TimeSpan.FromSeconds(1));
        var error = await binding;

        Assert.Equal(WeChatErrors.Unavailable.Code, error.Code);
        Assert.Equal(2, Api.Count(LoopbackWeChatApi.TokenPath));
        Assert.Equal(0, Api.Count(LoopbackWeChatApi.PhonePath));
    }
}
