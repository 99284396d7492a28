namespace PhotoCollect.Core.Common;

/// <summary>Calendar days as users in China see them (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>Start of the China calendar day containing <paramref name="now"/>, as a UTC instant.</summary>
    public static DateTimeOffset StartOfDayUtc(DateTimeOffset now)
    {
        var local = now.ToOffset(Offset);
        return new DateTimeOffset(local.Date, Offset).ToUniversalTime();
    }

    public static DateTimeOffset ToChina(DateTimeOffset value) => value.ToOffset(Offset);
}
