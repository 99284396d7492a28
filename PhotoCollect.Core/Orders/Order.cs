using System.Globalization;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Students;

namespace PhotoCollect.Core.Orders;

/// <summary>
/// 订单: one student's photo collection in one batch. Every state change is a method
/// (<c>Order.Transitions.cs</c>, DESIGN.md §3) that throws <see cref="DomainException"/> for an
/// illegal move and queues an <see cref="AuditEvent"/>, which the DbContext saves in the same
/// transaction. Whether a move is allowed is decided once, in <c>Order.Capabilities.cs</c>: the
/// transitions throw the blocker those methods name, and the student API shows its buttons from them.
/// </summary>
public sealed partial class Order : IHasPendingAuditEvents
{
    private readonly List<AuditEvent> _pendingAuditEvents = [];

    public long Id { get; set; }

    /// <summary>Human-readable number, also the WeChat Pay <c>out_trade_no</c>.</summary>
    public required string OrderNo { get; set; }

    public int BatchId { get; set; }
    public CollectionBatch? Batch { get; set; }
    public long StudentAccountId { get; set; }
    public StudentAccount? StudentAccount { get; set; }
    public long StudentRecordId { get; set; }
    public StudentRecord? StudentRecord { get; set; }

    /// <summary>Copied from the record: the student's identity for the one-live-order rule.</summary>
    public required string ChsiStudentId { get; set; }
    public OrderStatus Status { get; private set; }
    /// <summary>
    /// Version number of the current photo. A number rather than a foreign key so that an order
    /// and its first photo can be inserted in one save (a circular FK cannot).
    /// </summary>
    public int? CurrentPhotoVersionNo { get; private set; }

    /// <summary>
    /// The current photo's check outcome, kept on the order so the review queue can count and
    /// filter 100,000 waiting orders by it without looking up each order's photo.
    /// </summary>
    public PhotoCheckOutcome? CurrentPhotoOutcome { get; private set; }

    public List<PhotoVersion> Photos { get; } = [];

    /// <summary>The current photo; needs <see cref="Photos"/> loaded.</summary>
    public PhotoVersion? CurrentPhoto => CurrentPhotoVersionNo is { } no ? Photos.Find(p => p.VersionNo == no) : null;

    /// <summary>Photo version the last review decided on; a resubmission needs a newer one.</summary>
    public int? ReviewedPhotoVersionNo { get; private set; }

    public int SubmissionCount { get; private set; }

    /// <summary>Price in fen, fixed when the order is created.</summary>
    public int PriceFen { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public DateTimeOffset? ExportedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public DateTimeOffset? RefundedAt { get; private set; }

    /// <summary>Optimistic concurrency token, renewed on every save.</summary>
    public Guid Version { get; set; }

    public bool IsPaid => PaidAt is not null;

    /// <summary>Audit events raised since the order was loaded; the DbContext drains them on save.</summary>
    public IReadOnlyList<AuditEvent> PendingAuditEvents => _pendingAuditEvents;

    IReadOnlyList<AuditEvent> IHasPendingAuditEvents.TakePendingAuditEvents()
    {
        var taken = _pendingAuditEvents.ToList();
        _pendingAuditEvents.Clear();
        return taken;
    }

    /// <summary>A new draft order for a confirmed student record.</summary>
    public static Order Create(string orderNo, CollectionBatch batch, StudentRecord record, Actor actor, DateTimeOffset now)
    {
        batch.EnsureAcceptsSubmissions(now);
        var order = new Order
        {
            OrderNo = orderNo,
            BatchId = batch.Id,
            Batch = batch,
            StudentAccountId = record.StudentAccountId,
            StudentRecordId = record.Id,
            StudentRecord = record,
            ChsiStudentId = record.ChsiStudentId,
            PriceFen = batch.PriceFen,
            Status = OrderStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
        order.Record(actor, now, OrderAuditActions.Created, $"批次 {batch.Name}");
        return order;
    }

    private void Touch(DateTimeOffset now) => UpdatedAt = now;

    private void Record(Actor actor, DateTimeOffset now, AuditAction action, string? details) =>
        _pendingAuditEvents.Add(AuditEvent.For(actor, now, action, nameof(Order), OrderNo, details));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Order {OrderNo} ({Status})");
}
