using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PhotoCollect.Portal.Api;

/// <summary>The <c>StudentApi</c> section: how student bearer tokens are signed and how long they last.</summary>
public sealed class StudentTokenOptions
{
    public const string SectionName = "StudentApi";

    /// <summary>HMAC-SHA256 key, base64, at least 32 bytes. Required in Production; generated into the data folder elsewhere.</summary>
    public string SigningKey { get; set; } = "";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    public static StudentTokenOptions GenerateDevelopmentKeys() => new() { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };

    internal SymmetricSecurityKey SecurityKey()
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(SigningKey);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("StudentApi:SigningKey is not base64.");
        }

        return key.Length >= 32
            ? new SymmetricSecurityKey(key)
            : throw new InvalidOperationException("StudentApi:SigningKey must be at least 32 bytes (base64 of 32 random bytes).");
    }
}

/// <summary>A signed-in student's token as returned to the mini program.</summary>
public sealed record StudentToken(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, int ExpiresIn);

/// <summary>
/// Issues the student API's own bearer tokens (JWT, HS256). They carry only the account id: the
/// WeChat session key never leaves the server, and the portal's cookie is a different scheme.
/// </summary>
public sealed class StudentTokenService(IOptions<StudentTokenOptions> options, TimeProvider time)
{
    public const string Scheme = "StudentBearer";
    public const string Issuer = "photocollect";
    public const string Audience = "photocollect-student-api";

    /// <summary>Claim marking a student principal; the student policy requires it.</summary>
    public const string KindClaim = "pc_kind";
    public const string StudentKind = "student";

    private readonly JsonWebTokenHandler _handler = new();
    private readonly SymmetricSecurityKey _key = options.Value.SecurityKey();

    public StudentToken Issue(long accountId)
    {
        var now = time.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = accountId.ToString(CultureInfo.InvariantCulture),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
                [KindClaim] = StudentKind,
            },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
        return new StudentToken(token, "Bearer", expires, (int)options.Value.TokenLifetime.TotalSeconds);
    }

    internal SymmetricSecurityKey SigningKey => _key;

    /// <summary>The account id of an authenticated student principal.</summary>
    public static long AccountId(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(JwtRegisteredClaimNames.Sub), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new InvalidOperationException("Not a student principal.");
}
