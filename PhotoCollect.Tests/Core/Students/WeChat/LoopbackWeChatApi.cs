using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PhotoCollect.Tests.Core.Students.WeChat;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port 0) speaking the WeChat JSON, so the client is
/// tested over a socket. Each endpoint answers with a replaceable handler; every request is recorded.
/// By default the token and login endpoints check the AppId and AppSecret as WeChat does.
/// </summary>
public sealed class LoopbackWeChatApi : IAsyncDisposable
{
    public const string AppId = "wx1234567890abcdef";
    public const string AppSecret = "0123456789abcdef0123456789abcdef";

    public const string SessionPath = "/sns/jscode2session";
    public const string TokenPath = "/cgi-bin/stable_token";
    public const string PhonePath = "/wxa/business/getuserphonenumber";

    private readonly WebApplication _app;
    private int _tokenSequence;

    private LoopbackWeChatApi(WebApplication app)
    {
        _app = app;
        ResetHandlers();
    }

    /// <summary>Back to WeChat's normal answers (credentials checked, a token, a session, a phone number).</summary>
    public void ResetHandlers()
    {
        Handlers[SessionPath] = context => RefuseWrongCredentials(context, context.Request.Query["appid"], context.Request.Query["secret"]) ?? Json(context,
            """{"openid":"oAbCdEfGhIjKlMnOpQrStUvWxYz0","session_key":"tiihtNczf5v6AKRyjwEUhQ==","unionid":"oUnIoNiDaBcDeFgHiJkLmNoPqRs1"}""",
            "text/plain");
        Handlers[TokenPath] = async context =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            await (RefuseWrongCredentials(context, body.RootElement.GetProperty("appid").GetString(), body.RootElement.GetProperty("secret").GetString())
                ?? Json(context, $$"""{"access_token":"{{NextToken()}}","expires_in":7200}"""));
        };
        Handlers[PhonePath] = context => Json(context, PhoneJson("13912345678"));
    }

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentDictionary<string, Func<HttpContext, Task>> Handlers { get; } = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int Count(string path) => Requests.Count(r => r.Path == path);

    public IReadOnlyList<RecordedRequest> To(string path) => Requests.Where(r => r.Path == path).ToList();

    /// <summary>Tokens handed out so far are <c>ACCESS_TOKEN_1</c>, <c>ACCESS_TOKEN_2</c>, …</summary>
    public string NextToken() => $"ACCESS_TOKEN_{Interlocked.Increment(ref _tokenSequence)}";

    public static async Task<LoopbackWeChatApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var api = new LoopbackWeChatApi(app);
        app.Run(async context =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
            var body = await reader.ReadToEndAsync();
            context.Request.Body.Position = 0;
            api.Requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
                context.Request.ContentType,
                body));

            if (api.Handlers.TryGetValue(context.Request.Path.Value ?? "", out var handler))
            {
                await handler(context);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        api.BaseAddress = new Uri(address);
        return api;
    }

    public static Task Json(HttpContext context, string json, string contentType = "application/json")
    {
        context.Response.ContentType = contentType + "; charset=utf-8";
        return context.Response.WriteAsync(json);
    }

    public static Task Error(HttpContext context, int errcode, string errmsg) =>
        Json(context, $$"""{"errcode":{{errcode}},"errmsg":"{{errmsg}}, rid: 6650a1b2-0c3d4e5f-1a2b3c4d"}""");

    /// <summary>
    /// Closes the connection after the request was read, without a byte of answer: what a network blip
    /// after WeChat received the request looks like to the client. A plain close (FIN), as a proxy or NAT
    /// gateway dropping the connection would: on a reused connection <c>SocketsHttpHandler</c> then re-sends
    /// a GET by itself (Kestrel's own abort resets the connection, which it does not re-send).
    /// </summary>
    public static Task DropConnection(HttpContext context)
    {
        context.Features.Get<IConnectionSocketFeature>()?.Socket.Shutdown(SocketShutdown.Both);
        context.Abort();
        return Task.CompletedTask;
    }

    /// <summary>WeChat's answer to a wrong AppId (40013) or AppSecret (40125); null when both are right.</summary>
    private static Task? RefuseWrongCredentials(HttpContext context, string? appId, string? appSecret) =>
        appId != AppId ? Error(context, 40013, "invalid appid")
        : appSecret != AppSecret ? Error(context, 40125, "invalid appsecret")
        : null;

    public static string PhoneJson(string number) =>
        $$"""{"errcode":0,"errmsg":"ok","phone_info":{"phoneNumber":"{{number}}","purePhoneNumber":"{{number}}","countryCode":"86","watermark":{"timestamp":1764295200,"appid":"{{AppId}}"}""" + "}}";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string? ContentType, string Body);
}
