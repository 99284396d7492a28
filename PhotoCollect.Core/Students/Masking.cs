namespace PhotoCollect.Core.Students;

/// <summary>The one place that decides how personal data looks when masked.</summary>
public static class Masking
{
    /// <summary>
    /// 18-digit (and legacy 15-digit) ID numbers keep the 6-digit region code and the last 4:
    /// <c>110105199001011234</c> → <c>110105********1234</c>. Other documents keep only the last 4.
    /// </summary>
    public static string IdNumber(string? idNumber)
    {
        if (string.IsNullOrWhiteSpace(idNumber))
        {
            return "";
        }

        var value = idNumber.Trim();
        if (value.Length >= 15)
        {
            return string.Concat(value.AsSpan(0, 6), new string('*', value.Length - 10), value.AsSpan(value.Length - 4));
        }

        return value.Length > 4
            ? string.Concat(new string('*', value.Length - 4), value.AsSpan(value.Length - 4))
            : new string('*', value.Length);
    }

    /// <summary>孙小芳 → 孙*芳, 李雷 → 李*, 欧阳娜娜 → 欧**娜.</summary>
    public static string Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var value = name.Trim();
        return value.Length switch
        {
            1 => "*",
            2 => string.Concat(value.AsSpan(0, 1), "*"),
            _ => string.Concat(value.AsSpan(0, 1), new string('*', value.Length - 2), value.AsSpan(value.Length - 1)),
        };
    }

    /// <summary>13812345678 → 138****5678.</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return "";
        }

        var value = phone.Trim();
        return value.Length >= 11
            ? string.Concat(value.AsSpan(0, 3), new string('*', value.Length - 7), value.AsSpan(value.Length - 4))
            : IdNumber(value);
    }
}
