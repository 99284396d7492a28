using System.Net.Mail;
using System.Text.RegularExpressions;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Students;

/// <summary>The email and phone a student enters on the 学生个人信息填写 form.</summary>
public static partial class ContactDetails
{
    /// <summary>Trimmed email, or <see cref="StudentErrors.InvalidEmail"/>.</summary>
    public static string NormalizeEmail(string? email)
    {
        var value = email?.Trim() ?? "";
        if (value.Length is 0 or > 254 || !MailAddress.TryCreate(value, out var parsed) || parsed.Address != value
            || !parsed.Host.Contains('.', StringComparison.Ordinal) || parsed.Host.EndsWith('.'))
        {
            throw new DomainException(StudentErrors.InvalidEmail);
        }

        return value;
    }

    /// <summary>An 11-digit mainland mobile number (spaces, dashes and a +86 prefix are dropped), or <see cref="StudentErrors.InvalidPhone"/>.</summary>
    public static string NormalizeMobile(string? phone)
    {
        var value = Separators().Replace(phone ?? "", "");
        if (value.StartsWith("+86", StringComparison.Ordinal))
        {
            value = value[3..];
        }

        if (!MainlandMobile().IsMatch(value))
        {
            throw new DomainException(StudentErrors.InvalidPhone);
        }

        return value;
    }

    [GeneratedRegex(@"[\s-]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    private static partial Regex MainlandMobile();
}
