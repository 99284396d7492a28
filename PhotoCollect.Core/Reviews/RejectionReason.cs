using PhotoCollect.Core.Photos;

namespace PhotoCollect.Core.Reviews;

/// <summary>An entry of the rejection-reason catalogue; the guidance is shown to the student.</summary>
public sealed class RejectionReason
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Label { get; set; }

    /// <summary>As stored: may hold <see cref="RejectionGuidance"/> placeholders; students read <see cref="GuidanceFor"/>.</summary>
    public required string Guidance { get; set; }

    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }

    /// <summary>The guidance as the student reads it, quoting the current photo spec.</summary>
    public string GuidanceFor(PhotoSpec spec) => RejectionGuidance.Fill(Guidance, spec);
}
