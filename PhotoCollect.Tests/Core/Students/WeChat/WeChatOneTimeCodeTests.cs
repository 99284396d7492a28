using Microsoft.AspNetCore.Http;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Students.WeChat;

namespace PhotoCollect.Tests.Core.Students.WeChat;

/// <summary>
/// Login and phone codes are single-use: whatever goes wrong, the student is asked for a new code
/// (400) or to wait (503), never told to contact the branch (502), and we never send a code twice.
/// </summary>
public sealed class WeChatOneTimeCodeTests : LoopbackWeChatTests
{
    private const string BlipCode = "code-whose-answer-is-lost";

    [Theory]
    [InlineData(40029)]
    [InlineData(40163)]
    public async Task Code2Session_CodeInvalidOrUsed_AsksToLogInAgainAndLogsAtInformation(int errcode)
    {
        Api.Handlers[LoopbackWeChatApi.SessionPath] = context => LoopbackWeChatApi.Error(context, errcode, "invalid code");

        var error = await Assert.ThrowsAsync<DomainException>(() => Host.Client.Code2SessionAsync("code", CancellationToken.None));

        Assert.Equal(WeChatErrors.InvalidLoginCode.Code, error.Code);
        Assert.Equal(WeChatErrors.InvalidLoginCode.Message, error.Message);
        Assert.Contains(Host.Logs, line => line.StartsWith("Information", StringComparison.Ordinal) && line.Contains($"errcode {errcode}"));
        Assert.DoesNotContain(Host.Logs, line => line.StartsWith("Error", StringComparison.Ordinal));
        Assert.Equal(1, Api.Count(LoopbackWeChatApi.SessionPath));
    }

    [Theory]
    [InlineData(40029)]
    [InlineData(40163)]
    public async Task GetPhoneNumber_CodeInvalidOrUsed_AsksToAuthorisePhoneAgainAndLogsAtInformation(int errcode)
    {
        Api.Handlers[LoopbackWeChatApi.PhonePath] = context => LoopbackWeChatApi.Error(context, errcode, "invalid code");

        var error = await Assert.ThrowsAsync<DomainException>(() => Host.Client.GetPhoneNumberAsync("code", CancellationToken.None));

        Assert.Equal(WeChatErrors.InvalidPhoneCode.Code, error.Code);
        Assert.Equal(WeChatErrors.InvalidPhoneCode.Message, error.Message);
        Assert.DoesNotContain(Host.Logs, line => line.StartsWith("Error", StringComparison.Ordinal));
        Assert.Equal(1, Api.Count(LoopbackWeChatApi.PhonePath));
    }

    [Fact]
    public async Task Code2Session_CodeUsedOnOurOnlyRequest_LogsThatAnEarlierAnswerMayHaveBeenLost()
    {
        Api.Handlers[LoopbackWeChatApi.SessionPath] = context => LoopbackWeChatApi.Error(context, 40163, "code been used");

        await Assert.ThrowsAsync<DomainException>(() => Host.Client.Code2SessionAsync("code", CancellationToken.None));

        Assert.Contains(Host.Logs, line => line.StartsWith("Warning", StringComparison.Ordinal)
            && line.Contains("jscode2session") && line.Contains("request 1 of ours") && line.Contains("answer was lost"));
    }

    [Fact]
    public async Task Code2Session_ConnectionDroppedAfterWeChatReadTheRequest_AsksForNewCodeNeverContactBranch()
    {
        var blip = UsedOnceAnswerLost();
        Api.Handlers[LoopbackWeChatApi.SessionPath] = context => context.Request.Query["js_code"] == BlipCode
            ? blip(context)
            : LoopbackWeChatApi.Json(context, """{"openid":"oAbCdEfGhIjKlMnOpQrStUvWxYz0","session_key":"tiihtNczf5v6AKRyjwEUhQ=="}""");
        // A first login leaves a pooled connection: the handler re-sends a request only on a reused one.
        await Host.Client.Code2SessionAsync("warm-up", CancellationToken.None);

        var error = await Assert.ThrowsAsync<DomainException>(() => Host.Client.Code2SessionAsync(BlipCode, CancellationToken.None));

        // We sent it once; SocketsHttpHandler re-sent it on a new connection, and WeChat had used the code.
        Assert.Equal(2, Api.To(LoopbackWeChatApi.SessionPath).Count(r => r.Query["js_code"] == BlipCode));
        Assert.Equal(WeChatErrors.InvalidLoginCode.Code, error.Code);
        Assert.Equal(WeChatErrors.InvalidLoginCode.Message, error.Message);
        Assert.Contains(Host.Logs, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("answer was lost"));
        Assert.DoesNotContain(Host.Logs, line => line.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetPhoneNumber_ConnectionDroppedAfterWeChatReadTheRequest_UnavailableAndCodeNotSentAgain()
    {
        var blip = UsedOnceAnswerLost();
        Api.Handlers[LoopbackWeChatApi.PhonePath] = async context =>
        {
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var isBlip = (await reader.ReadToEndAsync()).Contains(BlipCode, StringComparison.Ordinal);
            await (isBlip ? blip(context) : LoopbackWeChatApi.Json(context, LoopbackWeChatApi.PhoneJson("13912345678")));
        };
        await Host.Client.GetPhoneNumberAsync("warm-up", CancellationToken.None);

        var error = await Assert.ThrowsAsync<DomainException>(() => Host.Client.GetPhoneNumberAsync(BlipCode, CancellationToken.None));

        // A request with a body is not re-sent by the handler, and never by us: the student waits and authorises again.
        Assert.Equal(WeChatErrors.Unavailable.Code, error.Code);
        Assert.Equal(1, Api.To(LoopbackWeChatApi.PhonePath).Count(r => r.Body.Contains(BlipCode, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(45011, "wechat.rate_limited")]
    [InlineData(40029, "wechat.invalid_code")]
    [InlineData(40163, "wechat.invalid_code")]
    [InlineData(40226, "wechat.risky_user")]
    [InlineData(40125, "wechat.error")]
    [InlineData(61450, "wechat.error")]
    public async Task OneTimeCodes_AnyWeChatError_SentExactlyOnce(int errcode, string expectedCode)
    {
        Api.Handlers[LoopbackWeChatApi.SessionPath] = context => LoopbackWeChatApi.Error(context, errcode, "from the loopback fake");
        Api.Handlers[LoopbackWeChatApi.PhonePath] = context => LoopbackWeChatApi.Error(context, errcode, "from the loopback fake");

        var login = await Assert.ThrowsAsync<DomainException>(() => Host.Client.Code2SessionAsync("login-code", CancellationToken.None));
        var phone = await Assert.ThrowsAsync<DomainException>(() => Host.Client.GetPhoneNumberAsync("phone-code", CancellationToken.None));

        Assert.Equal(expectedCode, login.Code);
        Assert.Equal(expectedCode, phone.Code);
        Assert.Equal(1, Api.Count(LoopbackWeChatApi.SessionPath));
        Assert.Equal(1, Api.Count(LoopbackWeChatApi.PhonePath));
    }

    [Fact]
    public async Task Code2Session_WeChatQuotaUsedUp_RateLimitedWithRetryAfterOneMinute()
    {
        Api.Handlers[LoopbackWeChatApi.SessionPath] = context => LoopbackWeChatApi.Error(context, 45011, "api minute-quota reach limit  mustslower  retry next minute");

        var error = await Assert.ThrowsAsync<DomainException>(() => Host.Client.Code2SessionAsync("code", CancellationToken.None));

        Assert.Equal(WeChatErrors.RateLimited.Code, error.Code);
        Assert.Equal(TimeSpan.FromMinutes(1), error.RetryAfter);
    }

    /// <summary>
    /// A WeChat that uses a code up when it reads the request: the first request is read and its
    /// connection dropped before any answer; every later one gets 40163.
    /// </summary>
    private static Func<HttpContext, Task> UsedOnceAnswerLost()
    {
        var used = 0;
        return context => Interlocked.Exchange(ref used, 1) == 0
            ? LoopbackWeChatApi.DropConnection(context)
            : LoopbackWeChatApi.Error(context, 40163, "code been used");
    }

    [Fact]
    public async Task OneTimeCodes_SystemBusyOnce_SentAgainAfterThePause_AndAnswered()
    {
        var sessions = 0;
        var phones = 0;
        Api.Handlers[LoopbackWeChatApi.SessionPath] = context => Interlocked.Increment(ref sessions) == 1
            ? LoopbackWeChatApi.Error(context, -1, "system error")
            : LoopbackWeChatApi.Json(context, """{"openid":"o-busy","session_key":"c2Vzc2lvbg=="}""");
        Api.Handlers[LoopbackWeChatApi.PhonePath] = context => Interlocked.Increment(ref phones) == 1
            ? LoopbackWeChatApi.Error(context, -1, "system error")
            : LoopbackWeChatApi.Json(context, """{"errcode":0,"phone_info":{"purePhoneNumber":"13912345678"}}""");

        var login = Host.Client.Code2SessionAsync("login-code", CancellationToken.None);
        await Host.Time.WaitForTimerAsync();
        Assert.Equal(1, Api.Count(LoopbackWeChatApi.SessionPath));
        Host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("o-busy", (await login).OpenId);

        var phone = Host.Client.GetPhoneNumberAsync("phone-code", CancellationToken.None);
        await Host.Time.WaitForTimerAsync();
        Host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("13912345678", await phone);

        Assert.Equal(2, Api.Count(LoopbackWeChatApi.SessionPath));
        Assert.Equal(2, Api.Count(LoopbackWeChatApi.PhonePath));
        Assert.Contains(Host.Logs, line => line.Contains("answered -1 (system busy); sending the code once more", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OneTimeCodes_SystemBusyTwice_UnavailableWithoutAThirdSend()
    {
        Api.Handlers[LoopbackWeChatApi.SessionPath] = context => LoopbackWeChatApi.Error(context, -1, "system error");

        var login = Assert.ThrowsAsync<DomainException>(() => Host.Client.Code2SessionAsync("login-code", CancellationToken.None));
        await Host.Time.WaitForTimerAsync();
        Host.Time.Advance(TimeSpan.FromSeconds(1));
        var error = await login;

        Assert.Equal(WeChatErrors.Unavailable.Code, error.Code);
        Assert.Equal(2, Api.Count(LoopbackWeChatApi.SessionPath));
    }
}
