using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Students.Chsi;

/// <summary>
/// The embedded 采集码 format shared by <see cref="ChsiCodeIssuer"/> and
/// <see cref="EmbeddedChsiCodeResolver"/> (described on the resolver): the validated key ring,
/// sealing and opening.
/// </summary>
internal sealed class ChsiCodeFormat
{
    public const string Prefix = "PCCHSI1";

    // A QR code holds at most 2,953 bytes; anything longer was never one of our codes.
    public const int MaxTextLength = 3000;

    private const int NonceSize = 12;
    private const int TagSize = 16;

    private static readonly SearchValues<char> KeyIdCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    // Chinese stays UTF-8 instead of \uXXXX escapes: half the bytes, so a smaller QR code.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly Dictionary<string, byte[]> _keys;

    public ChsiCodeFormat(IOptions<ChsiCodeOptions> options)
    {
        var value = options.Value;
        if (value.Keys.Count == 0 || string.IsNullOrEmpty(value.CurrentKeyId))
        {
            throw new InvalidOperationException("ChsiCodes:Keys and ChsiCodes:CurrentKeyId must be configured.");
        }

        foreach (var keyId in value.Keys.Keys)
        {
            if (!IsKeyId(keyId))
            {
                throw new InvalidOperationException($"ChsiCodes:Keys:{keyId}: a key id is 1-32 letters, digits, '-' or '_'.");
            }
        }

        _keys = value.Keys.ToDictionary(k => k.Key, k => Aes256Key.Decode(k.Value, $"ChsiCodes:Keys:{k.Key}"), StringComparer.Ordinal);
        if (!_keys.ContainsKey(value.CurrentKeyId))
        {
            throw new InvalidOperationException($"ChsiCodes:CurrentKeyId '{value.CurrentKeyId}' is not among ChsiCodes:Keys.");
        }

        if (value.DefaultValidity <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("ChsiCodes:DefaultValidity must be positive.");
        }

        CurrentKeyId = value.CurrentKeyId;
        DefaultValidity = value.DefaultValidity;
    }

    public string CurrentKeyId { get; }

    public TimeSpan DefaultValidity { get; }

    public string Seal(Payload payload)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(payload, Json);
        var sealedBytes = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[CurrentKeyId], TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length), AssociatedData(CurrentKeyId));
        return $"{Prefix}.{CurrentKeyId}.{Base64Url.EncodeToString(sealedBytes)}";
    }

    /// <summary>Parses, authenticates and deserialises; the error is one of the format's failures.</summary>
    public bool TryOpen(string? text, [NotNullWhen(true)] out Payload? payload, [NotNullWhen(false)] out ChsiCodeError? error)
    {
        payload = null;
        error = null;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length > MaxTextLength
            || !trimmed.StartsWith(Prefix + ".", StringComparison.Ordinal))
        {
            error = ChsiCodeError.Malformed;
            return false;
        }

        var rest = trimmed[(Prefix.Length + 1)..];
        var dot = rest.IndexOf('.');
        if (dot < 0)
        {
            error = ChsiCodeError.Malformed;
            return false;
        }

        var keyId = rest[..dot];
        var body = rest[(dot + 1)..];
        if (!IsKeyId(keyId)
            || !Base64Url.IsValid(body, out var length)
            || length < NonceSize + TagSize + 2)
        {
            error = ChsiCodeError.Malformed;
            return false;
        }

        var keyIdText = keyId.ToString();
        if (!_keys.TryGetValue(keyIdText, out var key))
        {
            error = ChsiCodeError.UnknownKey;
            return false;
        }

        var sealedBytes = Base64Url.DecodeFromChars(body);
        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(
                sealedBytes.AsSpan(0, NonceSize),
                sealedBytes.AsSpan(NonceSize, plaintext.Length),
                sealedBytes.AsSpan(NonceSize + plaintext.Length),
                plaintext,
                AssociatedData(keyIdText));
        }
        catch (AuthenticationTagMismatchException)
        {
            error = ChsiCodeError.Tampered;
            return false;
        }

        try
        {
            payload = JsonSerializer.Deserialize<Payload>(plaintext, Json);
        }
        catch (JsonException)
        {
            // Authentic but unreadable: written by something holding our key, not by our issuer.
        }

        if (payload is null)
        {
            error = ChsiCodeError.InvalidContent;
            return false;
        }

        return true;
    }

    private static bool IsKeyId(ReadOnlySpan<char> keyId) =>
        keyId.Length is >= 1 and <= 32 && !keyId.ContainsAnyExcept(KeyIdCharacters);

    // The key id is authenticated: relabelling a code with another configured key id fails as tampered.
    private static byte[] AssociatedData(string keyId) => Encoding.ASCII.GetBytes($"{Prefix}.{keyId}");

    /// <summary>The sealed JSON. Property names are part of the format: never rename them.</summary>
    internal sealed record Payload
    {
        [JsonPropertyName("chsiStudentId")]
        public string? ChsiStudentId { get; init; }

        [JsonPropertyName("name")]
        public string? Name { get; init; }

        [JsonPropertyName("idNumber")]
        public string? IdNumber { get; init; }

        [JsonPropertyName("schoolName")]
        public string? SchoolName { get; init; }

        [JsonPropertyName("schoolCode")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? SchoolCode { get; init; }

        [JsonPropertyName("studentNo")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? StudentNo { get; init; }

        [JsonPropertyName("major")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Major { get; init; }

        [JsonPropertyName("educationLevel")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? EducationLevel { get; init; }

        [JsonPropertyName("educationCategory")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? EducationCategory { get; init; }

        [JsonPropertyName("graduationYear")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? GraduationYear { get; init; }

        /// <summary>Issued at, unix seconds.</summary>
        [JsonPropertyName("iat")]
        public long IssuedAt { get; init; }

        /// <summary>Expires at, unix seconds: accepted while now &lt; exp.</summary>
        [JsonPropertyName("exp")]
        public long ExpiresAt { get; init; }

        public static Payload From(ChsiStudent student, DateTimeOffset issuedAt, DateTimeOffset expiresAt) => new()
        {
            ChsiStudentId = student.ChsiStudentId,
            Name = student.Name,
            IdNumber = student.IdNumber,
            SchoolName = student.SchoolName,
            SchoolCode = student.SchoolCode,
            StudentNo = student.StudentNo,
            Major = student.Major,
            EducationLevel = student.EducationLevel,
            EducationCategory = student.EducationCategory,
            GraduationYear = student.GraduationYear,
            IssuedAt = issuedAt.ToUnixTimeSeconds(),
            ExpiresAt = expiresAt.ToUnixTimeSeconds(),
        };

        public ChsiStudent ToStudent() => new()
        {
            ChsiStudentId = ChsiStudentId ?? "",
            Name = Name ?? "",
            IdNumber = IdNumber ?? "",
            SchoolName = SchoolName ?? "",
            SchoolCode = SchoolCode,
            StudentNo = StudentNo,
            Major = Major,
            EducationLevel = EducationLevel,
            EducationCategory = EducationCategory,
            GraduationYear = GraduationYear,
        };
    }
}
