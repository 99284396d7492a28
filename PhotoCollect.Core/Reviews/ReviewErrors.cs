namespace PhotoCollect.Core.Reviews;

/// <summary>Stable error codes of the review workspace; the portal shows the Chinese message.</summary>
public static class ReviewErrors
{
    /// <summary>The student withdrew or resubmitted (or someone else decided) after the reviewer opened the order.</summary>
    public const string Stale = "review.stale";

    /// <summary>Another reviewer holds an unexpired claim on the order.</summary>
    public const string ClaimedByOther = "review.claimed_by_other";

    /// <summary>A reason code that is not in the active catalogue.</summary>
    public const string UnknownReason = "review.unknown_reason";

    public const string CommentTooLong = "review.comment_too_long";

    /// <summary>Only branch reviewers and admins review photos (teachers read orders elsewhere).</summary>
    public const string NotReviewer = "review.not_reviewer";

    internal static void EnsureReviewer(Identity.StaffScope scope)
    {
        if (!scope.IsAdmin && scope.BranchId is null)
        {
            throw new Common.DomainException(NotReviewer, "只有分社审核员或管理员可以审核照片。");
        }
    }
}

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
