using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Students.WeChat;

/// <summary>
/// <see cref="IWeChatMiniProgramClient"/> over HTTP, as a typed client (base address and timeout
/// come from <see cref="WeChatOptions"/> at registration). In Simulated mode the same class talks to
/// <see cref="SimulatedWeChatServer"/> instead of the network.
/// WeChat answers errors with HTTP 200 and an <c>errcode</c>; a missing <c>errcode</c> means success.
/// </summary>
public sealed class WeChatHttpClient(
    HttpClient http,
    IOptions<WeChatOptions> options,
    WeChatAccessTokenCache accessTokens,
    WeChatCallGate gate,
    WeChatConnectionStatus status,
    TimeProvider time,
    ILogger<WeChatHttpClient> logger) : IWeChatMiniProgramClient
{
    internal const int InvalidAppId = 40013;
    internal const int InvalidAppSecret = 40125;
    internal const int AddressNotAllowed = 40164;
    private const int InvalidAccessToken = 40001;
    private const int ExpiredAccessToken = 42001;
    private const int InvalidCode = 40029;
    private const int CodeBeenUsed = 40163;
    private const int RateLimited = 45011;
    private const int RiskyUser = 40226;
    private const int SystemBusy = -1;

    // WeChat's codes are short; anything longer is not worth sending.
    private const int MaxCodeLength = 256;

    /// <summary>WeChat's API quota (45011) is counted per minute.</summary>
    private static readonly TimeSpan QuotaWindow = TimeSpan.FromMinutes(1);

    private readonly WeChatOptions _options = options.Value;

    /// <remarks>
    /// A login code is single-use, so it is sent again only when WeChat said it did not handle it
    /// (-1, system busy: once, after a pause). (On a dropped reused connection SocketsHttpHandler may
    /// re-send the GET by itself; see <see cref="LogUsedCode"/>.)
    /// </remarks>
    public async Task<WeChatSession> Code2SessionAsync(string jsCode, CancellationToken cancellationToken)
    {
        if (!IsPlausibleCode(jsCode))
        {
            throw new DomainException(WeChatErrors.InvalidLoginCode);
        }

        var uri = "sns/jscode2session"
            + $"?appid={Uri.EscapeDataString(_options.AppId)}"
            + $"&secret={Uri.EscapeDataString(_options.AppSecret)}"
            + $"&js_code={Uri.EscapeDataString(jsCode)}"
            + "&grant_type=authorization_code";
        var (reply, requests) = await SendCodeAsync(
            () => SendAsync<SessionReply>(new HttpRequestMessage(HttpMethod.Get, uri), "jscode2session", cancellationToken), "jscode2session", cancellationToken);
        if (reply.ErrCode != 0)
        {
            throw MapError("jscode2session", reply, WeChatErrors.InvalidLoginCode, requests);
        }

        if (string.IsNullOrEmpty(reply.OpenId) || string.IsNullOrEmpty(reply.SessionKey))
        {
            logger.LogError("WeChat jscode2session answered without openid or session_key.");
            throw new DomainException(WeChatErrors.Unavailable);
        }

        status.ReportWorking();
        return new WeChatSession(reply.OpenId, string.IsNullOrEmpty(reply.UnionId) ? null : reply.UnionId, reply.SessionKey);
    }

    public async Task<string> GetPhoneNumberAsync(string phoneCode, CancellationToken cancellationToken)
    {
        if (!IsPlausibleCode(phoneCode))
        {
            throw new DomainException(WeChatErrors.InvalidPhoneCode);
        }

        var token = await accessTokens.GetAsync(RequestAccessTokenAsync, cancellationToken);
        var (reply, requestsForCode) = await SendCodeAsync(() => RequestPhoneNumberAsync(token, phoneCode, cancellationToken), "getuserphonenumber", cancellationToken);
        if (reply.ErrCode is InvalidAccessToken or ExpiredAccessToken)
        {
            // Someone force-refreshed the token or it expired early: renew once and retry once, never loop.
            // WeChat refuses the token before it looks at the code, so the code is still unused; this is
            // the only repeat of a one-time code, and only of one WeChat did not accept.
            logger.LogWarning("WeChat rejected the cached access token (errcode {ErrCode}); renewing it and retrying once.", reply.ErrCode);
            accessTokens.Invalidate(token);
            token = await accessTokens.GetAsync(RequestAccessTokenAsync, cancellationToken);
            reply = await RequestPhoneNumberAsync(token, phoneCode, cancellationToken);
            requestsForCode++;
        }

        if (reply.ErrCode != 0)
        {
            throw MapError("getuserphonenumber", reply, WeChatErrors.InvalidPhoneCode, requestsForCode);
        }

        var phone = reply.PhoneInfo?.PurePhoneNumber;
        if (string.IsNullOrEmpty(phone))
        {
            logger.LogError("WeChat getuserphonenumber answered without phone_info.purePhoneNumber.");
            throw new DomainException(WeChatErrors.Unavailable);
        }

        return phone;
    }

    public async Task VerifyCredentialsAsync(CancellationToken cancellationToken) =>
        await accessTokens.GetAsync(RequestAccessTokenAsync, cancellationToken);

    /// <summary>
    /// Sends a one-time code; when WeChat answers -1 (system busy: it did not handle the request, and
    /// asks the caller to try again shortly) it is sent once more after a pause, never a third time.
    /// </summary>
    private async Task<(T Reply, int Requests)> SendCodeAsync<T>(Func<Task<T>> send, string endpoint, CancellationToken cancellationToken)
        where T : Reply
    {
        var reply = await send();
        if (reply.ErrCode != SystemBusy)
        {
            return (reply, 1);
        }

        logger.LogWarning("WeChat {Endpoint} answered -1 (system busy); sending the code once more in {Delay}.", endpoint, _options.SystemBusyRetryDelay);
        await Task.Delay(_options.SystemBusyRetryDelay, time, cancellationToken);
        return (await send(), 2);
    }

    private async Task<PhoneReply> RequestPhoneNumberAsync(string accessToken, string phoneCode, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"wxa/business/getuserphonenumber?access_token={Uri.EscapeDataString(accessToken)}")
        {
            Content = JsonContent.Create(new { code = phoneCode }),
        };
        return await SendAsync<PhoneReply>(request, "getuserphonenumber", cancellationToken);
    }

    /// <summary>
    /// One stable-token request, repeated once after a pause when WeChat answers -1 (system busy): unlike
    /// a code exchange it is safe to repeat. <paramref name="cancellationToken"/> carries the token timeout.
    /// </summary>
    private async Task<(string Token, TimeSpan Lifetime)> RequestAccessTokenAsync(CancellationToken cancellationToken)
    {
        var reply = await RequestStableTokenAsync(cancellationToken);
        if (reply.ErrCode == SystemBusy)
        {
            logger.LogWarning("WeChat stable_token answered -1 (system busy); asking once more in {Delay}.", _options.SystemBusyRetryDelay);
            await Task.Delay(_options.SystemBusyRetryDelay, time, cancellationToken);
            reply = await RequestStableTokenAsync(cancellationToken);
        }

        if (reply.ErrCode != 0)
        {
            throw MapError("stable_token", reply, WeChatErrors.Failed, requestsForCode: 0);
        }

        if (string.IsNullOrEmpty(reply.AccessToken) || reply.ExpiresIn <= 0)
        {
            logger.LogError("WeChat stable_token answered without access_token or a positive expires_in.");
            status.ReportUnreachable();
            throw new DomainException(WeChatErrors.Unavailable);
        }

        status.ReportWorking();
        logger.LogInformation("WeChat access token renewed; valid for {ExpiresIn} s.", reply.ExpiresIn);
        return (reply.AccessToken, TimeSpan.FromSeconds(reply.ExpiresIn));
    }

    private async Task<TokenReply> RequestStableTokenAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "cgi-bin/stable_token")
        {
            Content = JsonContent.Create(new
            {
                grant_type = "client_credential",
                appid = _options.AppId,
                secret = _options.AppSecret,
                force_refresh = false,
            }),
        };
        return await SendAsync<TokenReply>(request, "stable_token", cancellationToken);
    }

    /// <summary>
    /// Sends once (within <see cref="WeChatCallGate"/>) and parses; every transport or format failure becomes
    /// <c>wechat.unavailable</c>. URIs are never logged: they carry the secret or the token.
    /// </summary>
    private async Task<T> SendAsync<T>(HttpRequestMessage request, string endpoint, CancellationToken cancellationToken)
        where T : Reply
    {
        using var slot = await gate.EnterAsync(cancellationToken);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogError("WeChat {Endpoint} answered HTTP {StatusCode}.", endpoint, (int)response.StatusCode);
                status.ReportUnreachable();
                throw new DomainException(WeChatErrors.Unavailable);
            }

            // Parsed whatever the content type says: WeChat does not always label its JSON as JSON.
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return JsonSerializer.Deserialize<T>(body) ?? throw new JsonException("The body is JSON null.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or JsonException)
        {
            // OperationCanceledException without the caller's cancellation is HttpClient's timeout.
            logger.LogError("WeChat {Endpoint} failed: {Failure}: {Message} {Cause}", endpoint, exception.GetType().Name, exception.Message, exception.InnerException?.Message);
            status.ReportUnreachable();
            throw new DomainException(WeChatErrors.Unavailable);
        }
    }

    private DomainException MapError(string endpoint, Reply reply, DomainError invalidCode, int requestsForCode)
    {
        var expected = reply.ErrCode is InvalidCode or CodeBeenUsed or RateLimited or RiskyUser;
        logger.Log(expected ? LogLevel.Information : LogLevel.Error,
            "WeChat {Endpoint} returned errcode {ErrCode}: {ErrMsg}", endpoint, reply.ErrCode, reply.ErrMsg);
        if (reply.ErrCode == CodeBeenUsed)
        {
            LogUsedCode(endpoint, requestsForCode);
        }

        if (reply.ErrCode is InvalidAppId or InvalidAppSecret or AddressNotAllowed)
        {
            status.ReportRefused(reply.ErrCode);
        }

        return reply.ErrCode switch
        {
            InvalidCode or CodeBeenUsed => new DomainException(invalidCode),
            RateLimited => new DomainException(WeChatErrors.RateLimited) { RetryAfter = QuotaWindow },
            RiskyUser => new DomainException(WeChatErrors.RiskyUser),
            SystemBusy => new DomainException(WeChatErrors.Unavailable),
            _ => new DomainException(WeChatErrors.Failed),
        };
    }

    /// <summary>
    /// Our code never sends a one-time code twice (the token-rejection repeat aside, which WeChat refused
    /// unread), so "already used" on our request means one of two things an operator should tell apart.
    /// </summary>
    private void LogUsedCode(string endpoint, int requestsForCode) =>
        logger.LogWarning(
            "WeChat {Endpoint} says the code was already used, answering request {Request} of ours for it (an earlier one, if any, was refused for its access token or answered system busy). "
            + "Either the mini program sent a code it had used before, or an earlier transmission of this request reached WeChat and its answer was lost: "
            + "the connection dropped after WeChat read the request and the HTTP handler re-sent it on a new connection. The student is asked to get a new code.",
            endpoint, requestsForCode);

    private static bool IsPlausibleCode(string? code) =>
        !string.IsNullOrWhiteSpace(code) && code.Length <= MaxCodeLength;

    private abstract class Reply
    {
        [JsonPropertyName("errcode")]
        public int ErrCode { get; init; }

        [JsonPropertyName("errmsg")]
        public string? ErrMsg { get; init; }
    }

    private sealed class SessionReply : Reply
    {
        [JsonPropertyName("openid")]
        public string? OpenId { get; init; }

        [JsonPropertyName("unionid")]
        public string? UnionId { get; init; }

        [JsonPropertyName("session_key")]
        public string? SessionKey { get; init; }
    }

    private sealed class TokenReply : Reply
    {
        [JsonPropertyName("access_token")]
        public string? AccessToken { get; init; }

        [JsonPropertyName("expires_in")]
        public int ExpiresIn { get; init; }
    }

    private sealed class PhoneReply : Reply
    {
        [JsonPropertyName("phone_info")]
        public PhoneInfo? PhoneInfo { get; init; }
    }

    private sealed class PhoneInfo
    {
        [JsonPropertyName("purePhoneNumber")]
        public string? PurePhoneNumber { get; init; }
    }
}
