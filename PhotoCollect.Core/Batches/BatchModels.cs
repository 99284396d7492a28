using PhotoCollect.Core.Common;
using PhotoCollect.Core.Orders;

namespace PhotoCollect.Core.Batches;

/// <summary>Filters of the batches list; null means "any".</summary>
public sealed record BatchListQuery
{
    /// <summary>Part of the name, or a 特征码 (spaces and dashes ignored).</summary>
    public string? Search { get; init; }
    public int? SchoolId { get; init; }
    public int? BranchId { get; init; }
    public CollectionType? Type { get; init; }
    public BatchStatus? Status { get; init; }

    /// <summary>China calendar days, inclusive.</summary>
    public DateOnly? DeadlineFrom { get; init; }
    public DateOnly? DeadlineTo { get; init; }
    public PageRequest Page { get; init; } = new();
}

public static class BatchSort
{
    public const string Name = "name";
    public const string School = "school";
    public const string ClosesAt = "closesAt";
    public const string CreatedAt = "createdAt";
    public const string Status = "status";
}

/// <summary>A row of the batches list with its progress (approved / submitted / expected).</summary>
public sealed record BatchListItem(
    int Id,
    string Name,
    string FeatureCode,
    string SchoolName,
    string BranchName,
    CollectionType Type,
    BatchStatus Status,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int PriceFen,
    int ExpectedHeadcount,
    int Submitted,
    int Approved);

/// <summary>What the current user may do with a batch: the batch's own <c>CanXxx</c> rules, which its transitions check again.</summary>
public sealed record BatchPermissions(bool CanEdit, bool CanClose, bool CanReopen, bool CanArchive, bool CanRegenerateCode);

public sealed record DailyCount(DateOnly Day, int Count);

public sealed record BatchDetails(
    CollectionBatch Batch,
    string SchoolName,
    string? SchoolChsiCode,
    string BranchName,
    string? CreatedByName,
    IReadOnlyDictionary<OrderStatus, int> OrdersByStatus,
    int Submitted,
    int Approved,
    IReadOnlyList<DailyCount> DailySubmissions,
    BatchPermissions Permissions);

public sealed record BatchOrderQuery
{
    public OrderStatus? Status { get; init; }

    /// <summary>Order no., student name or student no.</summary>
    public string? Search { get; init; }
    public PageRequest Page { get; init; } = new();
}

public static class BatchOrderSort
{
    public const string UpdatedAt = "updatedAt";
    public const string OrderNo = "orderNo";
    public const string StudentName = "studentName";
    public const string Status = "status";
    public const string Submissions = "submissions";
}

/// <summary>An order in a batch's table; the ID number only ever in its masked form.</summary>
public sealed record BatchOrderRow(
    long Id,
    string OrderNo,
    string StudentName,
    string? StudentNo,
    string IdNumberMasked,
    OrderStatus Status,
    int SubmissionCount,
    DateTimeOffset UpdatedAt);

/// <summary>A school the user may create a batch for.</summary>
public sealed record SchoolOption(int Id, string Name, string BranchName);
