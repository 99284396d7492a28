namespace PhotoCollect.Core.Exports;

public enum ExportKind
{
    Excel = 0,
    ChsiPackage = 1,
    SchoolPackage = 2,
}

public enum ExportStatus
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}

/// <summary>An export of a batch (workbook or upload package) kept in the file store.</summary>
public sealed class Export
{
    public long Id { get; set; }
    public int BatchId { get; set; }
    public ExportKind Kind { get; set; }
    public ExportStatus Status { get; set; }
    public string? FileKey { get; set; }
    public string? FileName { get; set; }
    public int Count { get; set; }
    public string? Sha256 { get; set; }
    public long? SizeBytes { get; set; }
    public string? Error { get; set; }
    public required string RequestedById { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
