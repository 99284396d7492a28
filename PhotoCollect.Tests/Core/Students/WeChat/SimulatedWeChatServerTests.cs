using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Students.WeChat;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Core.Students.WeChat;

/// <summary>
/// The embedded default: the real <see cref="WeChatHttpClient"/> served by the in-process simulator,
/// as <c>AddWeChatMiniProgram</c> wires it outside Production.
/// </summary>
public sealed class SimulatedWeChatServerTests : IAsyncLifetime
{
    private WeChatTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = WeChatTestHost.Simulated();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Code2Session_SameCode_SameIdentityAcrossInstances()
    {
        await using var other = WeChatTestHost.Simulated();

        var first = await _host.Client.Code2SessionAsync("student-001", CancellationToken.None);
        var again = await _host.Client.Code2SessionAsync("student-001", CancellationToken.None);
        var elsewhere = await other.Client.Code2SessionAsync("student-001", CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(first, elsewhere);
        Assert.Equal(SimulatedWeChatServer.OpenIdFor("student-001"), first.OpenId);
        Assert.Matches("^o[A-Za-z0-9_-]{27}$", first.OpenId);
        Assert.Matches("^o[A-Za-z0-9_-]{27}$", first.UnionId);
        Assert.Equal(16, Convert.FromBase64String(first.SessionKey).Length);
    }

    [Fact]
    public async Task Code2Session_DifferentCodes_DifferentIdentities()
    {
        var a = await _host.Client.Code2SessionAsync("student-001", CancellationToken.None);
        var b = await _host.Client.Code2SessionAsync("student-002", CancellationToken.None);

        Assert.NotEqual(a.OpenId, b.OpenId);
        Assert.NotEqual(a.UnionId, b.UnionId);
        Assert.NotEqual(a.SessionKey, b.SessionKey);
    }

    [Theory]
    [InlineData(SimulatedWeChatServer.InvalidCodeTrigger, "wechat.invalid_code")]
    [InlineData(SimulatedWeChatServer.RateLimitTrigger, "wechat.rate_limited")]
    [InlineData(SimulatedWeChatServer.RiskyUserTrigger, "wechat.risky_user")]
    [InlineData(SimulatedWeChatServer.SystemBusyTrigger, "wechat.unavailable")]
    public async Task Code2Session_SpecialCode_WeChatError(string code, string expected)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => _host.Client.Code2SessionAsync(code, CancellationToken.None));

        Assert.Equal(expected, error.Code);
    }

    [Fact]
    public async Task GetPhoneNumber_PhoneCode_GivesThatNumber()
    {
        Assert.Equal("13800138000", await _host.Client.GetPhoneNumberAsync("phone-13800138000", CancellationToken.None));
        Assert.Equal("19912345678", await _host.Client.GetPhoneNumberAsync("phone-19912345678", CancellationToken.None));
    }

    [Theory]
    [InlineData("d3b5c8a1e4f2")]
    [InlineData("phone-123")]
    [InlineData("phone-12345678901")]
    public async Task GetPhoneNumber_OtherCode_DeterministicMobileNumber(string code)
    {
        var phone = await _host.Client.GetPhoneNumberAsync(code, CancellationToken.None);

        Assert.Matches(@"^138\d{8}$", phone);
        Assert.Equal(phone, await _host.Client.GetPhoneNumberAsync(code, CancellationToken.None));
        Assert.Equal(SimulatedWeChatServer.PhoneNumberFor(code), phone);
        Assert.NotEqual(phone, await _host.Client.GetPhoneNumberAsync(code + "x", CancellationToken.None));
    }

    [Theory]
    [InlineData(SimulatedWeChatServer.InvalidCodeTrigger, "wechat.invalid_code")]
    [InlineData(SimulatedWeChatServer.RateLimitTrigger, "wechat.rate_limited")]
    [InlineData(SimulatedWeChatServer.SystemBusyTrigger, "wechat.unavailable")]
    public async Task GetPhoneNumber_SpecialCode_WeChatError(string code, string expected)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => _host.Client.GetPhoneNumberAsync(code, CancellationToken.None));

        Assert.Equal(expected, error.Code);
    }

    [Fact]
    public async Task GetPhoneNumber_HoursApart_ClientRenewsTheSimulatorsToken()
    {
        await _host.Client.GetPhoneNumberAsync("phone-13800138000", CancellationToken.None);
        _host.Time.Advance(TimeSpan.FromHours(5));

        Assert.Equal("13800138000", await _host.Client.GetPhoneNumberAsync("phone-13800138000", CancellationToken.None));
        Assert.Equal(2, _host.Logs.Count(line => line.Contains("access token renewed")));
    }

    [Fact]
    public async Task Server_IssuesExpiringTokens_AndRefusesUnknownOrExpiredOnes()
    {
        var time = new FakeTimeProvider(Builders.Now);
        using var http = SimulatorHttp(time);

        var issued = await PostAsync(http, "cgi-bin/stable_token", new { grant_type = "client_credential", appid = "wx-test", secret = "s3cret", force_refresh = false });
        var token = issued.GetProperty("access_token").GetString()!;
        Assert.Equal(7200, issued.GetProperty("expires_in").GetInt32());

        time.Advance(TimeSpan.FromMinutes(10));
        var reissued = await PostAsync(http, "cgi-bin/stable_token", new { grant_type = "client_credential", appid = "wx-test", secret = "s3cret", force_refresh = false });
        Assert.Equal(token, reissued.GetProperty("access_token").GetString());
        Assert.Equal(7200 - 600, reissued.GetProperty("expires_in").GetInt32());

        var phone = await PostAsync(http, $"wxa/business/getuserphonenumber?access_token={token}", new { code = "phone-13800138000" });
        Assert.Equal("13800138000", phone.GetProperty("phone_info").GetProperty("purePhoneNumber").GetString());

        Assert.Equal(40001, (await PostAsync(http, "wxa/business/getuserphonenumber?access_token=forged", new { code = "x" })).GetProperty("errcode").GetInt32());
        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(42001, (await PostAsync(http, $"wxa/business/getuserphonenumber?access_token={token}", new { code = "x" })).GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task Server_ForceRefresh_InvalidatesEarlierTokens()
    {
        using var http = SimulatorHttp(new FakeTimeProvider(Builders.Now));
        var old = (await PostAsync(http, "cgi-bin/stable_token", new { grant_type = "client_credential", appid = "wx-test", secret = "s3cret" }))
            .GetProperty("access_token").GetString();

        var fresh = (await PostAsync(http, "cgi-bin/stable_token", new { grant_type = "client_credential", appid = "wx-test", secret = "s3cret", force_refresh = true }))
            .GetProperty("access_token").GetString();

        Assert.NotEqual(old, fresh);
        Assert.Equal(40001, (await PostAsync(http, $"wxa/business/getuserphonenumber?access_token={old}", new { code = "x" })).GetProperty("errcode").GetInt32());
        Assert.Equal(0, (await PostAsync(http, $"wxa/business/getuserphonenumber?access_token={fresh}", new { code = "x" })).GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task Server_WrongCredentials_RefusedLikeWeChat()
    {
        using var http = SimulatorHttp(new FakeTimeProvider(Builders.Now));

        var wrongSecret = await PostAsync(http, "cgi-bin/stable_token", new { grant_type = "client_credential", appid = "wx-test", secret = "guess" });
        var wrongApp = await http.GetFromJsonAsync<JsonElement>("sns/jscode2session?appid=wx-other&secret=s3cret&js_code=c&grant_type=authorization_code");

        Assert.Equal(40125, wrongSecret.GetProperty("errcode").GetInt32());
        Assert.Equal(40013, wrongApp.GetProperty("errcode").GetInt32());
    }

    private static HttpClient SimulatorHttp(TimeProvider time) =>
        new(new SimulatedWeChatServer(time, "wx-test", "s3cret", NullLogger<SimulatedWeChatServer>.Instance))
        {
            BaseAddress = new Uri(WeChatOptions.DefaultBaseAddress + "/"),
        };

    private static async Task<JsonElement> PostAsync<T>(HttpClient http, string uri, T body)
    {
        using var response = await http.PostAsJsonAsync(uri, body);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
