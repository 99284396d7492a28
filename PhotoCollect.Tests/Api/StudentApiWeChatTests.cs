using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PhotoCollect.Core.Students.WeChat;
using PhotoCollect.Tests.Core.Students.WeChat;
using static PhotoCollect.Tests.Api.StudentApiKit;

namespace PhotoCollect.Tests.Api;

/// <summary>The student API with the real WeChat client over a socket: what the mini program gets when WeChat fails.</summary>
public sealed class StudentApiWeChatTests(RealWeChatPortal portal) : IClassFixture<RealWeChatPortal>, IDisposable
{
    private LoopbackWeChatApi Api => portal.Api;

    public void Dispose() => Api.ResetHandlers();

    [Theory]
    [InlineData(40029)]
    [InlineData(40163)]
    public async Task Login_WeChatSaysCodeInvalidOrUsed_400InvalidCode(int errcode)
    {
        Api.Handlers[LoopbackWeChatApi.SessionPath] = context => LoopbackWeChatApi.Error(context, errcode, "invalid code");

        var response = await portal.Factory.CreateClient().PostAsJsonAsync("/api/v1/auth/wechat", new { code = "used-code" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, WeChatErrors.InvalidLoginCode.Code);
        Assert.Equal(WeChatErrors.InvalidLoginCode.Message, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(40029)]
    [InlineData(40163)]
    public async Task BindPhone_WeChatSaysCodeInvalidOrUsed_400InvalidCode(int errcode)
    {
        var student = await SignInAsync(portal.Factory, consent: false);
        Api.Handlers[LoopbackWeChatApi.PhonePath] = context => LoopbackWeChatApi.Error(context, errcode, "invalid code");

        var response = await student.PostAsJsonAsync("/api/v1/auth/phone", new { code = "used-phone-code" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, WeChatErrors.InvalidPhoneCode.Code);
        Assert.Equal(WeChatErrors.InvalidPhoneCode.Message, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Login_ConnectionDroppedAfterWeChatReadTheRequest_400Or503Never502()
    {
        const string blipCode = "code-whose-answer-is-lost";
        var dropped = 0;
        Api.Handlers[LoopbackWeChatApi.SessionPath] = context => context.Request.Query["js_code"] != blipCode
            ? LoopbackWeChatApi.Json(context, """{"openid":"oAbCdEfGhIjKlMnOpQrStUvWxYz0","session_key":"tiihtNczf5v6AKRyjwEUhQ=="}""")
            : Interlocked.Exchange(ref dropped, 1) == 0
                ? LoopbackWeChatApi.DropConnection(context)
                : LoopbackWeChatApi.Error(context, 40163, "code been used");
        var client = portal.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/wechat", new { code = "warm-up" })).StatusCode);

        var response = await client.PostAsJsonAsync("/api/v1/auth/wechat", new { code = blipCode });

        Assert.NotEqual(HttpStatusCode.BadGateway, response.StatusCode);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            await AssertProblemAsync(response, HttpStatusCode.BadRequest, WeChatErrors.InvalidLoginCode.Code);
        }
        else
        {
            await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, WeChatErrors.Unavailable.Code);
        }
    }

    [Fact]
    public async Task Login_WeChatQuotaUsedUp_429WithRetryAfterOneMinute()
    {
        Api.Handlers[LoopbackWeChatApi.SessionPath] = context => LoopbackWeChatApi.Error(context, 45011, "api minute-quota reach limit  mustslower  retry next minute");

        var response = await portal.Factory.CreateClient().PostAsJsonAsync("/api/v1/auth/wechat", new { code = "code" });

        await AssertProblemAsync(response, HttpStatusCode.TooManyRequests, WeChatErrors.RateLimited.Code);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Login_WeChatSystemBusyTwice_503AfterOneMoreSend()
    {
        Api.Handlers[LoopbackWeChatApi.SessionPath] = context => LoopbackWeChatApi.Error(context, -1, "system error");
        var before = Api.Count(LoopbackWeChatApi.SessionPath);

        var response = await portal.Factory.CreateClient().PostAsJsonAsync("/api/v1/auth/wechat", new { code = "code" });

        await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, WeChatErrors.Unavailable.Code);
        Assert.Equal(before + 2, Api.Count(LoopbackWeChatApi.SessionPath));
    }

    [Fact]
    public async Task Health_RightCredentials_WeChatWorking()
    {
        await portal.Factory.WeChatStateAsync(c => c.State == WeChatConnectionState.Working);

        var response = await portal.Factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        var weChat = health.RootElement.GetProperty("wechat");
        Assert.Equal("Real", weChat.GetProperty("mode").GetString());
        Assert.Equal(nameof(WeChatConnectionState.Working), weChat.GetProperty("state").GetString());
        Assert.True(weChat.TryGetProperty("workingAt", out _));
    }
}
