namespace PhotoCollect.Core.Photos;

/// <summary>One finding as the student sees it.</summary>
public sealed record PhotoVerdictIssue(string Code, PhotoIssueSeverity Severity, bool Blocking, string Message, string? Measured, string? Expected);

/// <summary>
/// The check result a student sees at once: 合格 or the specific reasons to re-take the photo.
/// A <see cref="PhotoCheckReport"/> without the geometry and measurements meant for reviewers.
/// </summary>
public sealed record PhotoVerdict(
    PhotoCheckOutcome Outcome,
    string OutcomeText,
    bool Passed,
    IReadOnlyList<PhotoVerdictIssue> Issues,
    int Width,
    int Height,
    long FileBytes,
    string SpecVersion)
{
    public static PhotoVerdict From(PhotoCheckReport report) => new(
        report.Outcome,
        report.Outcome.ToChinese(),
        !report.HasBlockingIssue,
        report.Issues
            .OrderByDescending(i => i.Severity)
            .Select(i => new PhotoVerdictIssue(i.Code, i.Severity, i.Severity == PhotoIssueSeverity.Error, i.Message, i.Measured, i.Expected))
            .ToList(),
        report.Measurements.Width,
        report.Measurements.Height,
        report.Measurements.FileBytes,
        report.SpecVersion);
}
