using PhotoCollect.Core.Common;
using PhotoCollect.Core.Students.WeChat;

namespace PhotoCollect.Tests.Core.Students.WeChat;

/// <summary>The access token behind <c>getuserphonenumber</c>: cached, shared, renewed once, retried once.</summary>
public sealed class WeChatAccessTokenTests : LoopbackWeChatTests
{
    [Fact]
    public async Task ManyCalls_OneTokenRequestSharedByEveryClientInstance()
    {
        for (var i = 0; i < 5; i++)
        {
            // A new typed client each time, as each API request would get.
            await Host.Client.GetPhoneNumberAsync($"code-{i}", CancellationToken.None);
        }

        Assert.Equal(1, Api.Count(LoopbackWeChatApi.TokenPath));
        Assert.All(Api.To(LoopbackWeChatApi.PhonePath), r => Assert.Equal("ACCESS_TOKEN_1", r.Query["access_token"]));
    }

    [Fact]
    public async Task TokenNearExpiry_RenewedOnceBeforeItExpires()
    {
        await Host.Client.GetPhoneNumberAsync("code", CancellationToken.None);

        // expires_in is 7200 s; the client renews five minutes early.
        Host.Time.Advance(TimeSpan.FromSeconds(7200 - 300 - 1));
        await Host.Client.GetPhoneNumberAsync("code", CancellationToken.None);
        Assert.Equal(1, Api.Count(LoopbackWeChatApi.TokenPath));

        Host.Time.Advance(TimeSpan.FromSeconds(2));
        await Host.Client.GetPhoneNumberAsync("code", CancellationToken.None);
        await Host.Client.GetPhoneNumberAsync("code", CancellationToken.None);

        Assert.Equal(2, Api.Count(LoopbackWeChatApi.TokenPath));
        Assert.Equal(["ACCESS_TOKEN_1", "ACCESS_TOKEN_1", "ACCESS_TOKEN_2", "ACCESS_TOKEN_2"],
            Api.To(LoopbackWeChatApi.PhonePath).Select(r => r.Query["access_token"]));
    }

    [Fact]
    public async Task ShortLivedToken_KeptForHalfItsLifetime()
    {
        Api.Handlers[LoopbackWeChatApi.TokenPath] = context =>
            LoopbackWeChatApi.Json(context, $$"""{"access_token":"{{Api.NextToken()}}","expires_in":120}""");

        await Host.Client.GetPhoneNumberAsync("code", CancellationToken.None);
        Host.Time.Advance(TimeSpan.FromSeconds(59));
        await Host.Client.GetPhoneNumberAsync("code", CancellationToken.None);
        Assert.Equal(1, Api.Count(LoopbackWeChatApi.TokenPath));

        Host.Time.Advance(TimeSpan.FromSeconds(1));
        await Host.Client.GetPhoneNumberAsync("code", CancellationToken.None);
        Assert.Equal(2, Api.Count(LoopbackWeChatApi.TokenPath));
    }

    [Fact]
    public async Task ConcurrentCallers_WithNoToken_CauseOneTokenRequest()
    {
        var tokenRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseToken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Api.Handlers[LoopbackWeChatApi.TokenPath] = async context =>
        {
            tokenRequested.TrySetResult();
            await releaseToken.Task;
            await LoopbackWeChatApi.Json(context, $$"""{"access_token":"{{Api.NextToken()}}","expires_in":7200}""");
        };

        // Each call runs synchronously up to its first real wait: the first is then inside the token
        // request, the other 19 queue behind it before the token is released.
        var calls = Enumerable.Range(0, 20)
            .Select(i => Host.Client.GetPhoneNumberAsync($"code-{i}", CancellationToken.None))
            .ToArray();
        await tokenRequested.Task;
        releaseToken.SetResult();
        var phones = await Task.WhenAll(calls);

        Assert.All(phones, phone => Assert.Equal("13912345678", phone));
        Assert.Equal(1, Api.Count(LoopbackWeChatApi.TokenPath));
        Assert.Equal(20, Api.Count(LoopbackWeChatApi.PhonePath));
        Assert.All(Api.To(LoopbackWeChatApi.PhonePath), r => Assert.Equal("ACCESS_TOKEN_1", r.Query["access_token"]));
    }

    [Theory]
    [InlineData(40001)]
    [InlineData(42001)]
    public async Task TokenRejected_RenewedAndRetriedOnce(int errcode)
    {
        await Host.Client.GetPhoneNumberAsync("code", CancellationToken.None);
        Api.Handlers[LoopbackWeChatApi.PhonePath] = context => context.Request.Query["access_token"] == "ACCESS_TOKEN_1"
            ? LoopbackWeChatApi.Error(context, errcode, "access_token is invalid or not latest")
            : LoopbackWeChatApi.Json(context, LoopbackWeChatApi.PhoneJson("13700001111"));

        var phone = await Host.Client.GetPhoneNumberAsync("code", CancellationToken.None);
        var next = await Host.Client.GetPhoneNumberAsync("code", CancellationToken.None);

        Assert.Equal("13700001111", phone);
        Assert.Equal("13700001111", next);
        Assert.Equal(2, Api.Count(LoopbackWeChatApi.TokenPath));
        Assert.Equal(["ACCESS_TOKEN_1", "ACCESS_TOKEN_1", "ACCESS_TOKEN_2", "ACCESS_TOKEN_2"],
            Api.To(LoopbackWeChatApi.PhonePath).Select(r => r.Query["access_token"]));
    }

    [Fact]
    public async Task TokenRejectedAgainAfterRenewal_GivesUpAfterOneRetry()
    {
        Api.Handlers[LoopbackWeChatApi.PhonePath] = context => LoopbackWeChatApi.Error(context, 40001, "invalid credential");

        var error = await Assert.ThrowsAsync<DomainException>(() => Host.Client.GetPhoneNumberAsync("code", CancellationToken.None));

        Assert.Equal(WeChatErrors.Failed.Code, error.Code);
        Assert.Equal(2, Api.Count(LoopbackWeChatApi.TokenPath));
        Assert.Equal(2, Api.Count(LoopbackWeChatApi.PhonePath));
    }

    [Fact]
    public async Task ConcurrentRejections_OfTheSameToken_RenewItOnce()
    {
        await Host.Client.GetPhoneNumberAsync("code", CancellationToken.None);
        Api.Handlers[LoopbackWeChatApi.PhonePath] = context => context.Request.Query["access_token"] == "ACCESS_TOKEN_1"
            ? LoopbackWeChatApi.Error(context, 40001, "invalid credential")
            : LoopbackWeChatApi.Json(context, LoopbackWeChatApi.PhoneJson("13700001111"));

        var phones = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(i => Host.Client.GetPhoneNumberAsync($"code-{i}", CancellationToken.None)));

        Assert.All(phones, phone => Assert.Equal("13700001111", phone));
        Assert.Equal(2, Api.Count(LoopbackWeChatApi.TokenPath));
    }
}
