using System.Globalization;
using PhotoCollect.Core.Audit;
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

/// <summary>
/// 采集批次: students join it with its 特征码. Its state changes only through its methods (the
/// transitions live in <c>CollectionBatch.Transitions.cs</c>); each transition asks the same
/// <c>CanXxx</c> method the portal's buttons read, and queues its own <see cref="AuditEvent"/>,
/// which the DbContext saves in the same transaction.
/// </summary>
public sealed partial class CollectionBatch : IHasPendingAuditEvents
{
    public const int DefaultMaxSubmissions = 3;

    private readonly List<AuditEvent> _pendingAuditEvents = [];

    /// <summary>For EF Core; new batches come from <see cref="Create"/>.</summary>
    private CollectionBatch()
    {
    }

    public int Id { get; set; }
    public string Name { get; private set; } = "";
    public int SchoolId { get; private set; }
    public School? School { get; set; }

    /// <summary>Copied from the school when created, so branch scoping needs no join.</summary>
    public int BranchId { get; private set; }
    public Branch? Branch { get; set; }
    public CollectionType Type { get; private set; }

    /// <summary>特征码: 8 characters from <see cref="FeatureCodeGenerator.Alphabet"/>.</summary>
    public string FeatureCode { get; private set; } = "";

    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }

    /// <summary>Price in fen (分); 0 means free.</summary>
    public int PriceFen { get; private set; }

    public int ExpectedHeadcount { get; private set; }
    public int MaxSubmissions { get; private set; } = DefaultMaxSubmissions;
    public BatchStatus Status { get; private set; }
    public string? Notes { get; private set; }
    public string? CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset? ArchivedAt { get; private set; }

    /// <summary>Optimistic concurrency token, renewed on every save.</summary>
    public Guid Version { get; set; }

    /// <summary>The terms staff set, as the edit form starts from them.</summary>
    public BatchTerms Terms => new(Name, Type, OpensAt, ClosesAt, PriceFen, ExpectedHeadcount, MaxSubmissions, Notes);

    /// <summary>Audit events raised since the batch was created or loaded; the DbContext drains them on save.</summary>
    public IReadOnlyList<AuditEvent> PendingAuditEvents => _pendingAuditEvents;

    /// <summary>A new open batch of <paramref name="school"/> with the 特征码 <paramref name="featureCode"/>.</summary>
    public static CollectionBatch Create(School school, BatchTerms terms, string featureCode, Actor actor, DateTimeOffset now)
    {
        EnsureConsistent(terms);
        var batch = new CollectionBatch
        {
            SchoolId = school.Id,
            BranchId = school.BranchId,
            FeatureCode = featureCode,
            Status = BatchStatus.Open,
            CreatedById = actor.Kind == ActorKind.Staff ? actor.Id : null,
            CreatedAt = now,
        };
        batch.Apply(terms);
        batch.Record(actor, now, BatchAuditActions.Created,
            $"{batch.Name}（{school.Name}，{batch.Type.ToChinese()}，特征码 {featureCode}，{Money.FormatYuan(batch.PriceFen)}）");
        return batch;
    }

    // What staff may do next. The transitions check these, and the portal shows a button only
    // when its method says yes, so the two cannot drift apart.

    /// <summary>Terms and school can change until the batch is archived.</summary>
    public bool CanEdit() => Status != BatchStatus.Archived;

    /// <summary>A new 特征码 can be drawn until the batch is archived.</summary>
    public bool CanRegenerateFeatureCode() => Status != BatchStatus.Archived;

    public bool CanClose() => Status == BatchStatus.Open;

    /// <summary>A closed batch reopens only while its deadline is still ahead (extend it first otherwise).</summary>
    public bool CanReopen(DateTimeOffset now) => Status == BatchStatus.Closed && now < ClosesAt;

    /// <summary>Why the price cannot become <paramref name="newPriceFen"/>, or null: once an order has paid, every student pays the same.</summary>
    public DomainError? PriceChangeBlocker(int newPriceFen, bool anyOrderPaid) =>
        newPriceFen != PriceFen && anyOrderPaid ? BatchErrors.PriceLocked : null;

    /// <summary>Only a closed batch is archived: closing first stops new orders before the retention clock starts.</summary>
    public bool CanArchive() => Status == BatchStatus.Closed;

    /// <summary>
    /// Why nothing about the batch's orders may change any more, or null. An archived batch is
    /// finished: its photos and personal data await the retention purge (closed batches still take
    /// corrections of rejected orders).
    /// </summary>
    public DomainError? ArchivedBlocker() => Status == BatchStatus.Archived ? BatchErrors.Archived : null;

    /// <summary>Why the batch takes no new orders or first submissions at <paramref name="now"/>, or null.</summary>
    public DomainError? SubmissionsBlocker(DateTimeOffset now) =>
        Status != BatchStatus.Open ? BatchErrors.Closed
        : now < OpensAt ? BatchErrors.NotYetOpen.With(ChinaTime.Minutes(OpensAt))
        : now >= ClosesAt ? BatchErrors.Expired
        : null;

    /// <summary>True when new orders and first submissions are accepted at <paramref name="now"/>.</summary>
    public bool AcceptsSubmissions(DateTimeOffset now) => SubmissionsBlocker(now) is null;

    public void EnsureNotArchived()
    {
        if (ArchivedBlocker() is { } blocker)
        {
            throw new DomainException(blocker);
        }
    }

    public void EnsureAcceptsSubmissions(DateTimeOffset now)
    {
        if (SubmissionsBlocker(now) is { } blocker)
        {
            throw new DomainException(blocker);
        }
    }

    IReadOnlyList<AuditEvent> IHasPendingAuditEvents.TakePendingAuditEvents()
    {
        // The log names a batch by its id, which the database assigns on insert.
        if (Id == 0)
        {
            return [];
        }

        var id = Id.ToString(CultureInfo.InvariantCulture);
        var taken = _pendingAuditEvents.ToList();
        taken.ForEach(e => e.EntityId = id);
        _pendingAuditEvents.Clear();
        return taken;
    }

    /// <summary>Forgets raised events: test data and benchmarks set batches up through transitions without logging them.</summary>
    internal void ClearPendingAuditEvents() => _pendingAuditEvents.Clear();

    private static void EnsureConsistent(BatchTerms terms)
    {
        if (terms.ClosesAt <= terms.OpensAt)
        {
            throw new DomainException(BatchErrors.ClosesBeforeOpens);
        }

        if (terms.PriceFen < 0)
        {
            throw new DomainException(BatchErrors.NegativePrice);
        }
    }

    private void Apply(BatchTerms terms)
    {
        Name = terms.Name;
        Type = terms.Type;
        OpensAt = terms.OpensAt;
        ClosesAt = terms.ClosesAt;
        PriceFen = terms.PriceFen;
        ExpectedHeadcount = terms.ExpectedHeadcount;
        MaxSubmissions = terms.MaxSubmissions;
        Notes = terms.Notes;
    }

    private void Record(Actor actor, DateTimeOffset now, AuditAction action, string? details) =>
        _pendingAuditEvents.Add(AuditEvent.For(actor, now, action, nameof(CollectionBatch), Id.ToString(CultureInfo.InvariantCulture), details));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Batch {Id} {FeatureCode} ({Status})");
}
