namespace PhotoCollect.Core.Reviews;

/// <summary>Review workspace settings (section <c>Reviews</c>).</summary>
public sealed class ReviewOptions
{
    public const string SectionName = "Reviews";

    /// <summary>How long opening an order keeps it away from other reviewers.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>WeChat subscribe-message template queued with every decision.</summary>
    public string ResultTemplateId { get; set; } = "review_result";

    /// <summary>At most this many orders in one bulk approval.</summary>
    public int BulkApproveLimit { get; set; } = 500;

    /// <summary>The queue's "waiting long" filter and count: submitted at least this long ago.</summary>
    public TimeSpan LongWait { get; set; } = TimeSpan.FromHours(24);
}
