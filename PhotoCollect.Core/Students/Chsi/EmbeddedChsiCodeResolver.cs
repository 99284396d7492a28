using System.Text;
using Microsoft.Extensions.Options;

namespace PhotoCollect.Core.Students.Chsi;

/// <summary>
/// Resolves codes in the embedded 采集码 format, which <see cref="ChsiCodeIssuer"/> issues for
/// training, demos and tests (the real 学信网 format is proprietary to authorised collectors):
/// <code>PCCHSI1.{keyId}.{base64url(nonce ‖ ciphertext ‖ tag)}</code>
/// <list type="bullet">
/// <item>the plaintext is UTF-8 JSON: <c>chsiStudentId</c>, <c>name</c>, <c>idNumber</c>,
/// <c>schoolName</c> (required), <c>schoolCode</c>, <c>studentNo</c>, <c>major</c>,
/// <c>educationLevel</c>, <c>educationCategory</c>, <c>graduationYear</c> (optional), and
/// <c>iat</c> / <c>exp</c> in unix seconds;</item>
/// <item>sealed with AES-256-GCM: 12-byte random nonce, 16-byte tag, the ASCII text
/// <c>PCCHSI1.{keyId}</c> as associated data, so a code relabelled with another key id fails
/// authentication; base64url without padding;</item>
/// <item>keys come from <see cref="ChsiCodeOptions"/>; a code resolves while its key id is
/// still configured, whichever key is current, and while <c>now &lt; exp</c>.</item>
/// </list>
/// Checks, in order, each with its own <see cref="ChsiCodeError"/>: the last-four input, the
/// format, the key id, authentication, the content (<see cref="ChsiStudent.Validate"/>), expiry
/// and finally the holder's last four, compared case-insensitively. Nothing about the student is
/// returned unless every check passes. Stateless and thread-safe.
/// </summary>
public sealed class EmbeddedChsiCodeResolver : IChsiCodeResolver
{
    // Four characters with room for blanks around them; longer input is not worth normalising.
    private const int MaxLast4InputLength = 16;

    private static readonly long LatestRepresentableSecond = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private readonly ChsiCodeFormat _format;

    public EmbeddedChsiCodeResolver(IOptions<ChsiCodeOptions> options)
    {
        _format = new ChsiCodeFormat(options);
    }

    public ChsiResolution Resolve(string qrText, string idLast4, DateTimeOffset now)
    {
        if (!TryNormalizeLast4(idLast4, out var last4))
        {
            return ChsiResolution.Failure(ChsiCodeError.InvalidLast4);
        }

        if (!_format.TryOpen(qrText, out var payload, out var error))
        {
            return ChsiResolution.Failure(error);
        }

        var student = payload.ToStudent().Normalized();
        if (!HasPlausibleLifetime(payload) || student.Validate().Count > 0)
        {
            return ChsiResolution.Failure(ChsiCodeError.InvalidContent);
        }

        if (now.ToUnixTimeSeconds() >= payload.ExpiresAt)
        {
            return ChsiResolution.Failure(ChsiCodeError.Expired);
        }

        if (!student.IdNumber.AsSpan(student.IdNumber.Length - 4).SequenceEqual(last4))
        {
            return ChsiResolution.Failure(ChsiCodeError.HolderMismatch);
        }

        return ChsiResolution.Success(student, DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAt));
    }

    private static bool HasPlausibleLifetime(ChsiCodeFormat.Payload payload) =>
        payload.IssuedAt > 0 && payload.ExpiresAt > payload.IssuedAt && payload.ExpiresAt <= LatestRepresentableSecond;

    /// <summary>
    /// Accepts what a phone keyboard gives: blanks around it, a lower-case x, full-width
    /// characters (１２３Ｘ), which NFKC folds to ASCII.
    /// </summary>
    private static bool TryNormalizeLast4(string? input, out string last4)
    {
        last4 = "";
        if (input is null || input.Length > MaxLast4InputLength)
        {
            return false;
        }

        try
        {
            last4 = input.Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant();
        }
        catch (ArgumentException)
        {
            // Not valid UTF-16 (a lone surrogate): not four digits either.
            return false;
        }

        return ChsiStudent.IsLastFour(last4);
    }
}
