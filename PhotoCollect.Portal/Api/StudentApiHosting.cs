using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PhotoCollect.Core.Identity;
using PhotoCollect.Portal.Hosting;

namespace PhotoCollect.Portal.Api;

/// <summary>One rate limit: this many requests per window, per student (or per address before sign-in).</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The <c>StudentApi:RateLimits</c> section (DESIGN.md §9: login, 特征码 lookup, code decoding, uploads).</summary>
public sealed class StudentRateLimitOptions
{
    public const string SectionName = "StudentApi:RateLimits";

    /// <summary>Per client address: a whole class signs in together from behind one school NAT address.</summary>
    public RateLimitRule Login { get; set; } = new() { PermitLimit = 120 };

    /// <summary>Per student account: sign-ins once the code exchange has told who it is, and phone bindings.</summary>
    public RateLimitRule LoginPerAccount { get; set; } = new() { PermitLimit = 10 };

    public RateLimitRule FeatureCode { get; set; } = new() { PermitLimit = 10 };
    public RateLimitRule ChsiCode { get; set; } = new() { PermitLimit = 10 };
    public RateLimitRule Upload { get; set; } = new() { PermitLimit = 30 };

    /// <summary>Per student: each prepay may call WeChat Pay.</summary>
    public RateLimitRule Pay { get; set; } = new() { PermitLimit = 20 };
}

public static class StudentRateLimits
{
    public const string Login = "student-login";
    public const string LoginPerAccount = "student-login-account";
    public const string FeatureCode = "student-feature-code";
    public const string ChsiCode = "student-chsi-code";
    public const string Upload = "student-upload";
    public const string Pay = "student-pay";
}

/// <summary>Registration of the student API: its bearer scheme and policy, JSON, rate limits and OpenAPI document.</summary>
public static class StudentApiHosting
{
    public static void AddStudentApi(this WebApplicationBuilder builder, string dataFolder)
    {
        var services = builder.Services;
        builder.AddKeys(DevelopmentKeys.StudentTokens, dataFolder);
        services.AddSingleton<StudentTokenService>();

        services.AddAuthentication().AddJwtBearer(StudentTokenService.Scheme, options =>
        {
            options.MapInboundClaims = false;
            options.Events = new JwtBearerEvents
            {
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                    // Our lifetime validator (app clock) reports expiry as an invalid lifetime.
                    var expired = context.AuthenticateFailure is SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException;
                    await ApiErrors.WriteAsync(context.HttpContext, expired ? ApiErrors.TokenExpired : ApiErrors.AuthRequired);
                },
                OnForbidden = context => ApiErrors.WriteAsync(context.HttpContext, ApiErrors.Forbidden),
            };
        });
        services.AddOptions<JwtBearerOptions>(StudentTokenService.Scheme).Configure<StudentTokenService, TimeProvider>((options, tokens, time) =>
        {
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = StudentTokenService.Issuer,
                ValidAudience = StudentTokenService.Audience,
                IssuerSigningKey = tokens.SigningKey,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                NameClaimType = JwtRegisteredClaimNames.Sub,
                RequireExpirationTime = true,
                // Expiry by the app's clock, so tests can move time.
                LifetimeValidator = (notBefore, expires, _, _) =>
                {
                    var now = time.GetUtcNow().UtcDateTime;
                    return (notBefore is null || notBefore <= now.AddSeconds(30)) && expires is not null && now < expires;
                },
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(Policies.Student, policy => policy
            .AddAuthenticationSchemes(StudentTokenService.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(StudentTokenService.KindClaim, StudentTokenService.StudentKind));

        // Bad JSON throws, so ApiRequestMiddleware answers it with a problem, in every environment.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });

        services.Configure<StudentRateLimitOptions>(builder.Configuration.GetSection(StudentRateLimitOptions.SectionName));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, _) =>
            {
                // Fixed windows always know when they reopen; the fallback only guards a limiter that does not say.
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var reopensIn) ? reopensIn : TimeSpan.FromMinutes(1);
                ApiErrors.SetRetryAfter(context.HttpContext, retryAfter);
                await ApiErrors.WriteAsync(context.HttpContext, ApiErrors.TooManyRequests(retryAfter));
            };
            AddPolicy(options, StudentRateLimits.Login, o => o.Login);
            AddPolicy(options, StudentRateLimits.LoginPerAccount, o => o.LoginPerAccount);
            AddPolicy(options, StudentRateLimits.FeatureCode, o => o.FeatureCode);
            AddPolicy(options, StudentRateLimits.ChsiCode, o => o.ChsiCode);
            AddPolicy(options, StudentRateLimits.Upload, o => o.Upload);
            AddPolicy(options, StudentRateLimits.Pay, o => o.Pay);
        });
        services.AddSingleton<StudentLoginLimiter>();

        services.AddOpenApi(StudentApiDocument.Name, StudentApiDocument.Configure);
    }

    /// <summary>Per student once signed in (the token's subject), per client address before.</summary>
    private static void AddPolicy(RateLimiterOptions options, string name, Func<StudentRateLimitOptions, RateLimitRule> rule) =>
        options.AddPolicy(name, context =>
        {
            var subject = context.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
            var key = subject is not null ? "s:" + subject : "ip:" + context.Connection.RemoteIpAddress;
            var configured = rule(context.RequestServices.GetRequiredService<IOptions<StudentRateLimitOptions>>().Value);
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, configured.PermitLimit),
                Window = configured.Window,
                QueueLimit = 0,
            });
        });
}
