using PhotoCollect.Core.Photos;

namespace PhotoCollect.Core.Reviews;

/// <summary>
/// Guidance texts quote the configured photo spec through placeholders, so when an admin changes
/// the background colour every reason tells the student the new one without anyone editing the
/// catalogue. The placeholders are filled where guidance reaches a student.
/// </summary>
public static class RejectionGuidance
{
    /// <summary>The background colour's plain name, e.g. 蓝色.</summary>
    public const string ColourName = "{背景色}";

    /// <summary>The background colour's code without '#', e.g. 28BEFA.</summary>
    public const string ColourCode = "{背景色号}";

    public static string Fill(string guidance, PhotoSpec spec) => guidance
        .Replace(ColourCode, BackgroundColour.Code(spec), StringComparison.Ordinal)
        .Replace(ColourName, BackgroundColour.Name(spec), StringComparison.Ordinal);
}
