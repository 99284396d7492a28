using PhotoCollect.Core.Orders;

namespace PhotoCollect.Core.Photos;

public enum PhotoCheckOutcome
{
    Pass = 0,
    PassWithWarnings = 1,
    Fail = 2,
}

public enum PhotoSource
{
    Camera = 0,
    Album = 1,
    AutoFixed = 2,
    Staff = 3,
}

public static class PhotoCheckOutcomeText
{
    public static string ToChinese(this PhotoCheckOutcome outcome) => outcome switch
    {
        PhotoCheckOutcome.Pass => "合格",
        PhotoCheckOutcome.PassWithWarnings => "合格（有提示）",
        PhotoCheckOutcome.Fail => "不合格",
        _ => outcome.ToString(),
    };
}

/// <summary>One uploaded photo of an order, with the engine's check report.</summary>
public sealed class PhotoVersion
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public Order? Order { get; set; }

    /// <summary>1, 2, 3… within the order.</summary>
    public int VersionNo { get; set; }

    /// <summary>Key in the file store (content-addressed).</summary>
    public required string StorageKey { get; set; }

    public long SizeBytes { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public required string Sha256 { get; set; }
    public PhotoSource Source { get; set; }

    /// <summary>The inspection report as JSON, kept for reviewers and overlays.</summary>
    public string? CheckReportJson { get; set; }

    public PhotoCheckOutcome Outcome { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
