using System.Globalization;
using PhotoCollect.Core.Photos;

namespace PhotoCollect.Portal.Cli;

/// <summary>How many photos ended in each outcome.</summary>
internal sealed record PhotoCheckTally(int Pass, int PassWithWarnings, int Fail)
{
    public static PhotoCheckTally Empty { get; } = new(0, 0, 0);

    public int Total => Pass + PassWithWarnings + Fail;

    public PhotoCheckTally Add(PhotoCheckOutcome outcome) => outcome switch
    {
        PhotoCheckOutcome.Pass => this with { Pass = Pass + 1 },
        PhotoCheckOutcome.PassWithWarnings => this with { PassWithWarnings = PassWithWarnings + 1 },
        _ => this with { Fail = Fail + 1 },
    };
}

/// <summary>The plain-text verdicts staff read: one line per photo and a summary line.</summary>
internal static class PhotoVerdictText
{
    public const string PassLabel = "合格";
    public const string PassWithWarningsLabel = "合格（有提示）";
    public const string FailLabel = "不合格";

    public static string Label(PhotoCheckOutcome outcome) => outcome switch
    {
        PhotoCheckOutcome.Pass => PassLabel,
        PhotoCheckOutcome.PassWithWarnings => PassWithWarningsLabel,
        _ => FailLabel,
    };

    /// <summary><c>不合格          photos/a.jpg  photo.no_face 没有检测到人脸；…</c> — errors first, then warnings.</summary>
    public static string Line(string path, PhotoCheckReport report)
    {
        var line = $"{PadLabel(Label(report.Outcome))}  {path}";
        if (report.Issues.Count == 0)
        {
            return line;
        }

        var markWarnings = report.Outcome == PhotoCheckOutcome.Fail;
        var issues = report.Issues
            .OrderByDescending(i => i.Severity)
            .Select(i => $"{i.Code}{(markWarnings && i.Severity == PhotoIssueSeverity.Warning ? "（提示）" : "")} {ShortMessage(i.Message)}");
        return $"{line}  {string.Join("；", issues)}";
    }

    public static string Summary(PhotoCheckTally tally, TimeSpan elapsed) => string.Create(
        CultureInfo.InvariantCulture,
        $"共 {tally.Total} 张：合格 {tally.Pass}，有提示 {tally.PassWithWarnings}，不合格 {tally.Fail}（用时 {elapsed.TotalSeconds:0.0} 秒）");

    /// <summary>The engine's messages say what is wrong, then what to do; a listing needs only the first sentence.</summary>
    public static string ShortMessage(string message)
    {
        var end = message.IndexOf('。');
        return end > 0 ? message[..end] : message.TrimEnd('。');
    }

    // Chinese characters take two columns in a terminal; padding to the widest label lines up the paths.
    private static string PadLabel(string label)
    {
        var width = DisplayWidth(label);
        return label + new string(' ', Math.Max(0, DisplayWidth(PassWithWarningsLabel) - width));
    }

    private static int DisplayWidth(string text) => text.Sum(c => c < 0x1100 ? 1 : 2);
}
