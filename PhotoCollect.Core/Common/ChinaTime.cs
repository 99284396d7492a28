using System.Globalization;

namespace PhotoCollect.Core.Common;

/// <summary>
/// Calendar days and clock times as users in China see them (UTC+8, no daylight saving): the one
/// place for China-day arithmetic and for the date formats shown to people, always with
/// invariant digits whatever the server's culture.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(DateTimeOffset value) => value.ToOffset(Offset);

    /// <summary>The China calendar day containing <paramref name="instant"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToChina(instant).DateTime);

    /// <summary>Start of the China calendar day <paramref name="day"/>, as a UTC instant.</summary>
    public static DateTimeOffset StartOfDayUtc(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>Start of the China calendar day containing <paramref name="now"/>, as a UTC instant.</summary>
    public static DateTimeOffset StartOfDayUtc(DateTimeOffset now) => StartOfDayUtc(DayOf(now));

    /// <summary>A wall-clock time in China (as typed into a form) as a UTC instant.</summary>
    public static DateTimeOffset FromChinaLocal(DateTime chinaLocal) =>
        new DateTimeOffset(DateTime.SpecifyKind(chinaLocal, DateTimeKind.Unspecified), Offset).ToUniversalTime();

    /// <summary>2026-12-04 17:05</summary>
    public static string Minutes(DateTimeOffset value) => Format(value, "yyyy-MM-dd HH:mm");

    /// <summary>2026-12-04 17:05, or — when there is no time.</summary>
    public static string Minutes(DateTimeOffset? value) => value is { } v ? Minutes(v) : "—";

    /// <summary>2026-12-04 17:05:09</summary>
    public static string Seconds(DateTimeOffset value) => Format(value, "yyyy-MM-dd HH:mm:ss");

    /// <summary>12-04 17:05 (lists within the year)</summary>
    public static string Short(DateTimeOffset? value) => value is { } v ? Format(v, "MM-dd HH:mm") : "—";

    /// <summary>2026-12-04</summary>
    public static string Date(DateTimeOffset value) => Format(value, "yyyy-MM-dd");

    /// <summary>2026-12-04</summary>
    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>12/4 (chart axes)</summary>
    public static string MonthDay(DateOnly day) => day.ToString("M/d", CultureInfo.InvariantCulture);

    /// <summary>2026年12月4日 17:05 (printed notices and student-facing text)</summary>
    public static string Long(DateTimeOffset value) => Format(value, "yyyy年M月d日 HH:mm");

    private static string Format(DateTimeOffset value, string format) => ToChina(value).ToString(format, CultureInfo.InvariantCulture);
}
