using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace PhotoCollect.Core.Students.WeChat;

/// <summary>
/// An in-process stand-in for the WeChat API, plugged into <see cref="WeChatHttpClient"/> as its
/// HTTP handler so local runs exercise the real client: the same URLs, query strings, JSON bodies,
/// <c>errcode</c>s and token expiry. Everything is derived from the codes it is given, so a code always
/// yields the same student:
/// <list type="bullet">
/// <item>any login code → openid <c>o</c> + 27 base64url characters, a unionid and a session key;</item>
/// <item><c>phone-13800138000</c> → that number; any other phone code → a fixed 138xxxxxxxx number;</item>
/// <item><see cref="InvalidCodeTrigger"/> → 40029, <see cref="RateLimitTrigger"/> → 45011,
/// <see cref="RiskyUserTrigger"/> → 40226 (login only), <see cref="SystemBusyTrigger"/> → -1.</item>
/// </list>
/// Never used in Production (see <see cref="WeChatServiceCollectionExtensions"/>).
/// </summary>
public sealed partial class SimulatedWeChatServer : HttpMessageHandler
{
    public const string DefaultAppId = "wx00000000simulated";
    public const string DefaultAppSecret = "simulated-app-secret";

    public const string InvalidCodeTrigger = "invalid-code";
    public const string RateLimitTrigger = "rate-limit";
    public const string RiskyUserTrigger = "risky";
    public const string SystemBusyTrigger = "system-busy";
    public const string PhoneCodePrefix = "phone-";

    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(2);

    // Like WeChat's stable token: within its last five minutes a new token is handed out, and the old one keeps working until it expires.
    private static readonly TimeSpan TokenRenewalWindow = TimeSpan.FromMinutes(5);

    // Not a secret: it only makes the simulated identities stable across runs and machines.
    private static readonly byte[] DerivationKey = Encoding.UTF8.GetBytes("PhotoCollect simulated WeChat v1");

    private readonly TimeProvider _time;
    private readonly string _appId;
    private readonly string _appSecret;
    private readonly Lock _tokenGate = new();
    private IssuedToken? _currentToken;
    private IssuedToken? _previousToken;
    private int _tokenGeneration;

    public SimulatedWeChatServer(TimeProvider time, string appId, string appSecret, ILogger<SimulatedWeChatServer> logger)
    {
        _time = time;
        _appId = appId;
        _appSecret = appSecret;
        logger.LogWarning("WeChat calls are answered by the in-process simulator (WeChat:Mode = Simulated): logins and phone numbers are not real.");
    }

    /// <summary>The openid this server gives a login code; lets tests and the student simulator predict identities.</summary>
    public static string OpenIdFor(string jsCode) => "o" + Base64Url.EncodeToString(Derive("openid", jsCode))[..27];

    /// <summary>The phone number this server gives a phone code.</summary>
    public static string PhoneNumberFor(string phoneCode)
    {
        if (phoneCode.StartsWith(PhoneCodePrefix, StringComparison.Ordinal) && MainlandMobile().IsMatch(phoneCode[PhoneCodePrefix.Length..]))
        {
            return phoneCode[PhoneCodePrefix.Length..];
        }

        var number = BinaryPrimitives.ReadUInt64BigEndian(Derive("phone", phoneCode)) % 100_000_000;
        return "138" + number.ToString("D8", CultureInfo.InvariantCulture);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var query = ParseQuery(uri.Query);
        object? reply = null;
        if (request.Method == HttpMethod.Get && uri.AbsolutePath.EndsWith("/sns/jscode2session", StringComparison.Ordinal))
        {
            reply = Code2Session(query);
        }
        else if (request.Method == HttpMethod.Post && uri.AbsolutePath.EndsWith("/cgi-bin/stable_token", StringComparison.Ordinal))
        {
            reply = await ReadJsonAsync(request, cancellationToken) is { } body ? StableToken(body) : DataFormatError();
        }
        else if (request.Method == HttpMethod.Post && uri.AbsolutePath.EndsWith("/wxa/business/getuserphonenumber", StringComparison.Ordinal))
        {
            reply = await ReadJsonAsync(request, cancellationToken) is { } body ? PhoneNumber(query, body) : DataFormatError();
        }

        if (reply is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
        }

        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StringContent(JsonSerializer.Serialize(reply), Encoding.UTF8, "application/json"),
        };
    }

    private object Code2Session(IReadOnlyDictionary<string, string> query)
    {
        if (CheckCredentials(query.GetValueOrDefault("appid"), query.GetValueOrDefault("secret")) is { } credentialError)
        {
            return credentialError;
        }

        if (query.GetValueOrDefault("grant_type") != "authorization_code")
        {
            return Error(40002, "invalid grant_type");
        }

        var code = query.GetValueOrDefault("js_code");
        if (string.IsNullOrEmpty(code))
        {
            return Error(41008, "missing code");
        }

        return code switch
        {
            InvalidCodeTrigger => Error(40029, "invalid code"),
            RateLimitTrigger => Error(45011, "api minute-quota reach limit  mustslower  retry next minute"),
            RiskyUserTrigger => Error(40226, "code blocked"),
            SystemBusyTrigger => Error(-1, "system error"),
            _ => new
            {
                openid = OpenIdFor(code),
                session_key = Convert.ToBase64String(Derive("session_key", code).AsSpan(0, 16)),
                unionid = "o" + Base64Url.EncodeToString(Derive("unionid", code))[..27],
            },
        };
    }

    private object StableToken(JsonElement body)
    {
        if (CheckCredentials(GetString(body, "appid"), GetString(body, "secret")) is { } credentialError)
        {
            return credentialError;
        }

        if (GetString(body, "grant_type") != "client_credential")
        {
            return Error(40002, "invalid grant_type");
        }

        var forceRefresh = body.TryGetProperty("force_refresh", out var force) && force.ValueKind == JsonValueKind.True;
        var now = _time.GetUtcNow();
        lock (_tokenGate)
        {
            if (forceRefresh)
            {
                // A forced refresh invalidates every earlier token at once.
                _previousToken = null;
                _currentToken = null;
            }

            if (_currentToken is null || _currentToken.ExpiresAt - now <= TokenRenewalWindow)
            {
                _previousToken = _currentToken;
                _tokenGeneration++;
                var value = "SIM_" + Base64Url.EncodeToString(Derive("access_token", _tokenGeneration.ToString(CultureInfo.InvariantCulture)));
                _currentToken = new IssuedToken(value, now + TokenLifetime);
            }

            return new
            {
                access_token = _currentToken.Value,
                expires_in = (int)(_currentToken.ExpiresAt - now).TotalSeconds,
            };
        }
    }

    private object PhoneNumber(IReadOnlyDictionary<string, string> query, JsonElement body)
    {
        var accessToken = query.GetValueOrDefault("access_token");
        if (string.IsNullOrEmpty(accessToken))
        {
            return Error(41001, "access_token missing");
        }

        IssuedToken? issued;
        lock (_tokenGate)
        {
            issued = new[] { _currentToken, _previousToken }.FirstOrDefault(t => t?.Value == accessToken);
        }

        if (issued is null)
        {
            return Error(40001, "invalid credential, access_token is invalid or not latest");
        }

        var now = _time.GetUtcNow();
        if (now >= issued.ExpiresAt)
        {
            return Error(42001, "access_token expired");
        }

        var code = GetString(body, "code");
        if (string.IsNullOrEmpty(code))
        {
            return Error(41008, "missing code");
        }

        var error = code switch
        {
            InvalidCodeTrigger => Error(40029, "invalid code"),
            RateLimitTrigger => Error(45011, "api minute-quota reach limit  mustslower  retry next minute"),
            SystemBusyTrigger => Error(-1, "system error"),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var phone = PhoneNumberFor(code);
        return new
        {
            errcode = 0,
            errmsg = "ok",
            phone_info = new
            {
                phoneNumber = phone,
                purePhoneNumber = phone,
                countryCode = "86",
                watermark = new { timestamp = now.ToUnixTimeSeconds(), appid = _appId },
            },
        };
    }

    private object? CheckCredentials(string? appId, string? secret)
    {
        if (appId != _appId)
        {
            return Error(40013, "invalid appid");
        }

        return secret != _appSecret ? Error(40125, "invalid appsecret") : null;
    }

    private static object DataFormatError() => Error(47001, "data format error");

    private static object Error(int errcode, string errmsg) => new { errcode, errmsg = $"{errmsg} (simulated)" };

    private static byte[] Derive(string purpose, string input) =>
        HMACSHA256.HashData(DerivationKey, Encoding.UTF8.GetBytes(purpose + "\n" + input));

    private static async Task<JsonElement?> ReadJsonAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(await request.Content.ReadAsByteArrayAsync(cancellationToken));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? GetString(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(separator < 0 ? pair : pair[..separator]);
            values[name] = separator < 0 ? "" : Uri.UnescapeDataString(pair[(separator + 1)..].Replace('+', ' '));
        }

        return values;
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MainlandMobile();

    private sealed record IssuedToken(string Value, DateTimeOffset ExpiresAt);
}
