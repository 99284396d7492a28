namespace PhotoCollect.Core.Reviews;

/// <summary>An entry of the rejection-reason catalogue; the guidance is shown to the student.</summary>
public sealed class RejectionReason
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Label { get; set; }
    public required string Guidance { get; set; }
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }
}
