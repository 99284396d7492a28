using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Students.WeChat;

namespace PhotoCollect.Tests.Core.Students.WeChat;

/// <summary>The real client, as registered in Real mode, against a loopback server speaking WeChat's JSON.</summary>
public sealed class WeChatHttpClientTests : LoopbackWeChatTests
{
    [Fact]
    public async Task Code2Session_Success_SendsDocumentedQueryAndReturnsIdentity()
    {
        var session = await Host.Client.Code2SessionAsync("0a3Xk1ll2kPb7f4AbC0Ell2kPb7f4Xk1", CancellationToken.None);

        Assert.Equal("oAbCdEfGhIjKlMnOpQrStUvWxYz0", session.OpenId);
        Assert.Equal("oUnIoNiDaBcDeFgHiJkLmNoPqRs1", session.UnionId);
        Assert.Equal("tiihtNczf5v6AKRyjwEUhQ==", session.SessionKey);
        var request = Assert.Single(Api.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal(LoopbackWeChatApi.SessionPath, request.Path);
        Assert.Equal(LoopbackWeChatApi.AppId, request.Query["appid"]);
        Assert.Equal(LoopbackWeChatApi.AppSecret, request.Query["secret"]);
        Assert.Equal("0a3Xk1ll2kPb7f4AbC0Ell2kPb7f4Xk1", request.Query["js_code"]);
        Assert.Equal("authorization_code", request.Query["grant_type"]);
    }

    [Fact]
    public async Task Code2Session_CodeWithReservedCharacters_IsEscapedInTheQuery()
    {
        await Host.Client.Code2SessionAsync("a+b&c=d e", CancellationToken.None);

        Assert.Equal("a+b&c=d e", Assert.Single(Api.Requests).Query["js_code"]);
    }

    [Fact]
    public async Task Code2Session_WithoutUnionId_ReturnsNullUnionId()
    {
        Api.Handlers[LoopbackWeChatApi.SessionPath] = context =>
            LoopbackWeChatApi.Json(context, """{"session_key":"tiihtNczf5v6AKRyjwEUhQ==","openid":"oAbCdEfGhIjKlMnOpQrStUvWxYz0"}""");

        var session = await Host.Client.Code2SessionAsync("code", CancellationToken.None);

        Assert.Equal("oAbCdEfGhIjKlMnOpQrStUvWxYz0", session.OpenId);
        Assert.Null(session.UnionId);
    }

    [Theory]
    [InlineData(40029, "wechat.invalid_code", "登录凭证无效或已过期，请重新登录")]
    [InlineData(45011, "wechat.rate_limited", "操作太频繁，请稍后再试")]
    [InlineData(40226, "wechat.risky_user", "微信判定该账号存在风险，暂时无法登录")]
    [InlineData(40125, "wechat.error", null)]
    [InlineData(40013, "wechat.error", null)]
    public async Task Code2Session_WeChatErrcode_MapsToStableCodeWithChineseMessage(int errcode, string expectedCode, string? expectedMessage)
    {
        Api.Handlers[LoopbackWeChatApi.SessionPath] = context => LoopbackWeChatApi.Error(context, errcode, "from the loopback fake");

        var error = await Assert.ThrowsAsync<DomainException>(() => Host.Client.Code2SessionAsync("code", CancellationToken.None));

        Assert.Equal(expectedCode, error.Code);
        if (expectedMessage is not null)
        {
            Assert.Equal(expectedMessage, error.Message);
        }

        Assert.DoesNotContain(errcode.ToString(), error.Message);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Message);
        Assert.Contains(Host.Logs, line => line.Contains($"errcode {errcode}") && line.Contains("jscode2session"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Code2Session_BlankCode_InvalidCodeWithoutCallingWeChat(string code)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Host.Client.Code2SessionAsync(code, CancellationToken.None));

        Assert.Equal(WeChatErrors.InvalidLoginCode.Code, error.Code);
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public async Task GetPhoneNumber_Success_GetsStableTokenThenPostsCode()
    {
        var phone = await Host.Client.GetPhoneNumberAsync("e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144", CancellationToken.None);

        Assert.Equal("13912345678", phone);
        var token = Assert.Single(Api.To(LoopbackWeChatApi.TokenPath));
        Assert.Equal("POST", token.Method);
        Assert.StartsWith("application/json", token.ContentType);
        using (var body = JsonDocument.Parse(token.Body))
        {
            Assert.Equal("client_credential", body.RootElement.GetProperty("grant_type").GetString());
            Assert.Equal(LoopbackWeChatApi.AppId, body.RootElement.GetProperty("appid").GetString());
            Assert.Equal(LoopbackWeChatApi.AppSecret, body.RootElement.GetProperty("secret").GetString());
            Assert.Equal(JsonValueKind.False, body.RootElement.GetProperty("force_refresh").ValueKind);
        }

        var request = Assert.Single(Api.To(LoopbackWeChatApi.PhonePath));
        Assert.Equal("POST", request.Method);
        Assert.Equal("ACCESS_TOKEN_1", request.Query["access_token"]);
        Assert.StartsWith("application/json", request.ContentType);
        using (var body = JsonDocument.Parse(request.Body))
        {
            Assert.Equal("e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144", body.RootElement.GetProperty("code").GetString());
        }
    }

    [Theory]
    [InlineData(40029, "wechat.invalid_code")]
    [InlineData(45011, "wechat.rate_limited")]
    [InlineData(40013, "wechat.error")]
    public async Task GetPhoneNumber_WeChatErrcode_MapsToStableCode(int errcode, string expectedCode)
    {
        Api.Handlers[LoopbackWeChatApi.PhonePath] = context => LoopbackWeChatApi.Error(context, errcode, "from the loopback fake");

        var error = await Assert.ThrowsAsync<DomainException>(() => Host.Client.GetPhoneNumberAsync("code", CancellationToken.None));

        Assert.Equal(expectedCode, error.Code);
        Assert.DoesNotContain(errcode.ToString(), error.Message);
        Assert.Equal(1, Api.Count(LoopbackWeChatApi.PhonePath));
    }

    [Fact]
    public async Task GetPhoneNumber_InvalidPhoneCode_AsksToAuthorisePhoneAgain()
    {
        Api.Handlers[LoopbackWeChatApi.PhonePath] = context => LoopbackWeChatApi.Error(context, 40029, "invalid code");

        var error = await Assert.ThrowsAsync<DomainException>(() => Host.Client.GetPhoneNumberAsync("code", CancellationToken.None));

        Assert.Equal(WeChatErrors.InvalidLoginCode.Code, error.Code);
        Assert.Equal("手机号授权已失效，请重新授权手机号", error.Message);
    }

    [Theory]
    [InlineData(40125)]
    [InlineData(40164)]
    public async Task GetPhoneNumber_TokenRefused_WeChatErrorAndNoPhoneRequest(int errcode)
    {
        Api.Handlers[LoopbackWeChatApi.TokenPath] = context => LoopbackWeChatApi.Error(context, errcode, "invalid appsecret");

        var error = await Assert.ThrowsAsync<DomainException>(() => Host.Client.GetPhoneNumberAsync("code", CancellationToken.None));

        Assert.Equal(WeChatErrors.Failed.Code, error.Code);
        Assert.Equal(0, Api.Count(LoopbackWeChatApi.PhonePath));
        Assert.Contains(Host.Logs, line => line.StartsWith("Error") && line.Contains($"errcode {errcode}") && line.Contains("stable_token"));
    }

    [Fact]
    public async Task Code2Session_HttpServerError_Unavailable()
    {
        Api.Handlers[LoopbackWeChatApi.SessionPath] = context =>
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return Task.CompletedTask;
        };

        var error = await Assert.ThrowsAsync<DomainException>(() => Host.Client.Code2SessionAsync("code", CancellationToken.None));

        Assert.Equal(WeChatErrors.Unavailable.Code, error.Code);
        Assert.Equal("暂时无法连接微信服务，请稍后再试", error.Message);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("null")]
    [InlineData("""{"errcode":"not a number"}""")]
    [InlineData("""{"openid":"","session_key":""}""")]
    public async Task Code2Session_UnusableBody_Unavailable(string body)
    {
        Api.Handlers[LoopbackWeChatApi.SessionPath] = context => LoopbackWeChatApi.Json(context, body);

        var error = await Assert.ThrowsAsync<DomainException>(() => Host.Client.Code2SessionAsync("code", CancellationToken.None));

        Assert.Equal(WeChatErrors.Unavailable.Code, error.Code);
    }

    [Fact]
    public async Task GetPhoneNumber_OversizedBody_Unavailable()
    {
        Api.Handlers[LoopbackWeChatApi.PhonePath] = context =>
            LoopbackWeChatApi.Json(context, LoopbackWeChatApi.PhoneJson("13912345678") + new string(' ', 200_000));

        var error = await Assert.ThrowsAsync<DomainException>(() => Host.Client.GetPhoneNumberAsync("code", CancellationToken.None));

        Assert.Equal(WeChatErrors.Unavailable.Code, error.Code);
    }

    [Fact]
    public async Task Code2Session_NothingListening_Unavailable()
    {
        var closedPort = ClosedLoopbackPort();
        await using var host = WeChatTestHost.Real(new Uri($"http://127.0.0.1:{closedPort}"));

        var error = await Assert.ThrowsAsync<DomainException>(() => host.Client.Code2SessionAsync("code", CancellationToken.None));

        Assert.Equal(WeChatErrors.Unavailable.Code, error.Code);
    }

    [Fact]
    public async Task Code2Session_WeChatNeverAnswers_UnavailableAfterTheConfiguredTimeout()
    {
        var stalled = new TaskCompletionSource();
        Api.Handlers[LoopbackWeChatApi.SessionPath] = _ => stalled.Task;
        await using var host = WeChatTestHost.Real(Api.BaseAddress, timeout: TimeSpan.FromMilliseconds(300));

        try
        {
            var error = await Assert.ThrowsAsync<DomainException>(() => host.Client.Code2SessionAsync("code", CancellationToken.None));

            Assert.Equal(WeChatErrors.Unavailable.Code, error.Code);
            Assert.Contains(host.Logs, line => line.Contains("jscode2session failed") && line.Contains("Timeout"));
        }
        finally
        {
            stalled.SetResult();
        }
    }

    [Fact]
    public async Task Code2Session_CallerCancels_CancellationIsNotTurnedIntoAnError()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stalled = new TaskCompletionSource();
        Api.Handlers[LoopbackWeChatApi.SessionPath] = _ =>
        {
            arrived.SetResult();
            return stalled.Task;
        };
        using var cancellation = new CancellationTokenSource();

        try
        {
            var call = Host.Client.Code2SessionAsync("code", cancellation.Token);
            await arrived.Task;
            await cancellation.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        }
        finally
        {
            stalled.SetResult();
        }
    }

    [Fact]
    public async Task Logs_NeverContainSecretsSessionKeysOrTokens()
    {
        await Host.Client.Code2SessionAsync("code", CancellationToken.None);
        await Host.Client.GetPhoneNumberAsync("phone-code", CancellationToken.None);
        Api.Handlers[LoopbackWeChatApi.PhonePath] = context => LoopbackWeChatApi.Error(context, 40001, "invalid credential");
        await Assert.ThrowsAsync<DomainException>(() => Host.Client.GetPhoneNumberAsync("phone-code", CancellationToken.None));
        Api.Handlers[LoopbackWeChatApi.SessionPath] = context => LoopbackWeChatApi.Error(context, 40163, "code been used");
        await Assert.ThrowsAsync<DomainException>(() => Host.Client.Code2SessionAsync("code", CancellationToken.None));

        Assert.NotEmpty(Host.Logs);
        Assert.DoesNotContain(Host.Logs, line => line.Contains(LoopbackWeChatApi.AppSecret));
        Assert.DoesNotContain(Host.Logs, line => line.Contains("tiihtNczf5v6AKRyjwEUhQ=="));
        Assert.DoesNotContain(Host.Logs, line => line.Contains("ACCESS_TOKEN_"));
    }

    [Fact]
    public void WeChatSession_ToString_LeavesOutTheSessionKey()
    {
        var session = new WeChatSession("oAbC", "oUnI", "tiihtNczf5v6AKRyjwEUhQ==");

        Assert.DoesNotContain("tiihtNczf5v6AKRyjwEUhQ==", session.ToString());
        Assert.Contains("oAbC", session.ToString());
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
