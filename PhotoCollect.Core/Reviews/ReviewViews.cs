using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;

namespace PhotoCollect.Core.Reviews;

/// <summary>Queue filters. Counts are given per filter over the batch/school selection.</summary>
public sealed record ReviewQueueFilter
{
    public int? BatchId { get; init; }
    public int? SchoolId { get; init; }

    /// <summary><see cref="PhotoCheckOutcome.Pass"/> or <see cref="PhotoCheckOutcome.PassWithWarnings"/>; null for both.</summary>
    public PhotoCheckOutcome? Outcome { get; init; }

    /// <summary>Only orders resubmitted after a rejection.</summary>
    public bool ResubmissionsOnly { get; init; }

    /// <summary>Only orders waiting longer than <see cref="ReviewOptions.LongWait"/>.</summary>
    public bool LongWaitOnly { get; init; }
}

public sealed record ReviewQueueItem(
    long OrderId,
    string OrderNo,
    string StudentName,
    string? StudentNo,
    string BatchName,
    string SchoolName,
    PhotoCheckOutcome Outcome,
    int SubmissionCount,
    bool IsResubmission,
    DateTimeOffset SubmittedAt,
    string? ClaimedBy);

public sealed record ReviewQueueCounts(int All, int Pass, int Warnings, int Resubmissions, int LongWait);

public sealed record ReviewQueueResult(IReadOnlyList<ReviewQueueItem> Items, int TotalCount, ReviewQueueCounts Counts);

public sealed record ReviewDecisionView(DateTimeOffset DecidedAt, string ReviewerName, bool Approved, IReadOnlyList<string> Reasons, string? Comment);

public sealed record ReviewPhotoView(
    long PhotoVersionId,
    int VersionNo,
    DateTimeOffset UploadedAt,
    PhotoSource Source,
    PhotoCheckOutcome Outcome,
    PhotoCheckReport? Report,
    IReadOnlyList<ReviewDecisionView> Decisions);

/// <summary>The spec windows drawn as overlays, read from the live <see cref="PhotoSpec"/>.</summary>
public sealed record ReviewSpecWindows(int Width, int Height, int CrownMinY, int CrownMaxY, int EyeLineMinY, int EyeLineMaxY, int CentreMinX, int CentreMaxX)
{
    public static ReviewSpecWindows From(PhotoSpec spec) =>
        new(spec.Width, spec.Height, spec.CrownMinY, spec.CrownMaxY, spec.EyeLineMinY, spec.EyeLineMaxY, spec.CentreMinX, spec.CentreMaxX);
}

/// <summary>A queue neighbour: enough to link to it and to preload its photo.</summary>
public sealed record ReviewNeighbour(long OrderId, int PhotoVersionNo);

/// <summary>Everything the workspace shows for one order, and what a decision must carry back.</summary>
public sealed record ReviewWorkspace(
    long OrderId,
    string OrderNo,
    OrderStatus Status,
    Guid Version,
    string BatchName,
    string SchoolName,
    int SubmissionCount,
    int MaxSubmissions,
    DateTimeOffset? SubmittedAt,
    OrderStudent Student,
    ReviewPhotoView Current,
    IReadOnlyList<ReviewPhotoView> Earlier,
    ReviewSpecWindows Spec,
    string? ClaimedByOther,
    DateTimeOffset OpenedAt,
    ReviewNeighbour? Next,
    ReviewNeighbour? Previous,
    int PendingInQueue)
{
    public bool IsResubmission => Earlier.Count > 0;

    public bool CanDecide => Status == OrderStatus.PendingReview && ClaimedByOther is null;
}

/// <summary>What the reviewer saw: the decision is refused if the order has moved on since.</summary>
public sealed record ReviewDecisionInput(long OrderId, int PhotoVersionNo, Guid OrderVersion, IReadOnlyList<string>? ReasonCodes = null, string? Comment = null);

public sealed record ReviewDecisionResult(long OrderId, bool Approved, long DecisionId);

/// <summary>An order the queue offered for bulk approval, with the version the reviewer confirmed.</summary>
public sealed record BulkApproveCandidate(long OrderId, int PhotoVersionNo, Guid OrderVersion);

public sealed record BulkApproveResult(int Approved, int Skipped);

public sealed record ReviewerDayStats(string ReviewerId, string ReviewerName, int Decisions, int Approved, int Rejected, double? MedianSeconds);

public sealed record ReasonCount(string Code, string Label, int Count);

public sealed record ReviewDayStats(DateOnly Day, IReadOnlyList<ReviewerDayStats> Reviewers, double? MedianSeconds, IReadOnlyList<ReasonCount> Reasons);

public sealed record FilterOption(int Id, string Name);

public sealed record ReviewFilterOptions(IReadOnlyList<FilterOption> Batches, IReadOnlyList<FilterOption> Schools);
