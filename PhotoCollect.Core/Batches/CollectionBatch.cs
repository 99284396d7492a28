using PhotoCollect.Core.Common;
using PhotoCollect.Core.Schools;

namespace PhotoCollect.Core.Batches;

public enum CollectionType
{
    /// <summary>集中采集: a teacher organises the class through a batch.</summary>
    Centralised = 0,

    /// <summary>个人采集: a student applies on their own.</summary>
    Individual = 1,
}

public enum BatchStatus
{
    Open = 0,
    Closed = 1,
    Archived = 2,
}

/// <summary>采集批次: students join it with its 特征码.</summary>
public sealed class CollectionBatch
{
    public const int DefaultMaxSubmissions = 3;

    public int Id { get; set; }
    public required string Name { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }

    /// <summary>Copied from the school when created, so branch scoping needs no join.</summary>
    public int BranchId { get; set; }
    public Branch? Branch { get; set; }
    public CollectionType Type { get; set; }

    /// <summary>特征码: 8 characters from <see cref="FeatureCodeGenerator.Alphabet"/>.</summary>
    public required string FeatureCode { get; set; }

    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }

    /// <summary>Price in fen (分); 0 means free.</summary>
    public int PriceFen { get; set; }

    public int ExpectedHeadcount { get; set; }
    public int MaxSubmissions { get; set; } = DefaultMaxSubmissions;
    public BatchStatus Status { get; set; }
    public string? Notes { get; set; }
    public string? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every save.</summary>
    public Guid Version { get; set; }

    /// <summary>True when new orders and first submissions are accepted at <paramref name="now"/>.</summary>
    public bool AcceptsSubmissions(DateTimeOffset now) =>
        Status == BatchStatus.Open && now >= OpensAt && now < ClosesAt;

    /// <summary>Open → Closed: no new orders or first submissions; orders in progress carry on.</summary>
    public void Close(DateTimeOffset now)
    {
        if (Status != BatchStatus.Open)
        {
            throw new DomainException(BatchErrors.InvalidTransition, $"批次当前状态为“{Status.ToChinese()}”，不能关闭。");
        }

        Status = BatchStatus.Closed;
        ClosedAt = now;
    }

    /// <summary>Closed → Open, only while the deadline is still ahead (extend it first otherwise).</summary>
    public void Reopen(DateTimeOffset now)
    {
        if (Status != BatchStatus.Closed)
        {
            throw new DomainException(BatchErrors.InvalidTransition, $"批次当前状态为“{Status.ToChinese()}”，不能重新开放。");
        }

        if (ClosesAt <= now)
        {
            throw new DomainException(BatchErrors.DeadlinePassed, "批次已过截止时间，请先编辑批次、延后截止时间，再重新开放。");
        }

        Status = BatchStatus.Open;
        ClosedAt = null;
    }

    /// <summary>Closed → Archived, final: the retention period for photos and personal data starts.</summary>
    public void Archive(DateTimeOffset now)
    {
        if (Status != BatchStatus.Closed)
        {
            throw new DomainException(BatchErrors.InvalidTransition, Status == BatchStatus.Open
                ? "请先关闭批次，再归档。"
                : "批次已归档。");
        }

        Status = BatchStatus.Archived;
        ArchivedAt = now;
    }

    /// <summary>
    /// An archived batch is finished: its photos and personal data await the retention purge, so
    /// nothing about its orders may change any more (closed batches still take corrections of
    /// rejected orders).
    /// </summary>
    public void EnsureNotArchived()
    {
        if (Status == BatchStatus.Archived)
        {
            throw new DomainException(BatchErrors.Archived, "该采集批次已归档，订单不能再修改。如有问题请联系分社或老师。");
        }
    }

    /// <summary>Throws the reason why the batch takes no new orders or first submissions.</summary>
    public void EnsureAcceptsSubmissions(DateTimeOffset now)
    {
        if (Status != BatchStatus.Open)
        {
            throw new DomainException(BatchErrors.Closed, "该采集批次已关闭，无法提交。请联系分社或老师。");
        }

        if (now < OpensAt)
        {
            throw new DomainException(BatchErrors.NotYetOpen, $"该采集批次尚未开始，开始时间：{ChinaTime.ToChina(OpensAt):yyyy-MM-dd HH:mm}。");
        }

        if (now >= ClosesAt)
        {
            throw new DomainException(BatchErrors.Expired, "该采集批次已过截止时间，无法提交。请联系分社或老师。");
        }
    }
}

public static class BatchText
{
    public static string ToChinese(this BatchStatus status) => status switch
    {
        BatchStatus.Open => "进行中",
        BatchStatus.Closed => "已关闭",
        BatchStatus.Archived => "已归档",
        _ => status.ToString(),
    };

    public static string ToChinese(this CollectionType type) => type switch
    {
        CollectionType.Centralised => "集中采集",
        CollectionType.Individual => "个人采集",
        _ => type.ToString(),
    };
}

public static class BatchErrors
{
    public const string CodeInvalid = "batch.code_invalid";
    public const string NotFound = "batch.not_found";
    public const string TypeMismatch = "batch.type_mismatch";
    public const string Invalid = "batch.invalid";
    public const string InvalidPrice = "batch.invalid_price";
    public const string InvalidTransition = "batch.invalid_transition";
    public const string DeadlinePassed = "batch.deadline_passed";
    public const string Concurrency = "batch.concurrency";
    public const string SchoolNotAllowed = "batch.school_not_allowed";
    public const string Forbidden = "batch.forbidden";
    public const string Closed = "batch.closed";
    public const string Archived = "batch.archived";
    public const string NotYetOpen = "batch.not_open";
    public const string Expired = "batch.expired";
    public const string FeatureCodeExhausted = "batch.feature_code_exhausted";
}
