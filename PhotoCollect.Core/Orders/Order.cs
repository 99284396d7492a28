using System.Globalization;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Students;

namespace PhotoCollect.Core.Orders;

/// <summary>
/// 订单: one student's photo collection in one batch. Every state change is a method here
/// (DESIGN.md §3) that throws <see cref="DomainException"/> for an illegal move and queues an
/// <see cref="AuditEvent"/>, which the DbContext saves in the same transaction.
/// </summary>
public sealed class Order : IHasPendingAuditEvents
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

    /// <summary>Makes <paramref name="photo"/> the current photo. Only while the student may still change it.</summary>
    public void AttachPhoto(PhotoVersion photo, Actor actor, DateTimeOffset now)
    {
        if (Status is not (OrderStatus.Draft or OrderStatus.Rejected))
        {
            throw new DomainException(OrderErrors.PhotoLocked, $"订单当前状态为“{Status.ToChinese()}”，不能更换照片。如需修改请先撤回订单。");
        }

        EnsurePhotosLoaded();
        photo.Order = this;
        photo.VersionNo = Photos.Count == 0 ? 1 : Photos.Max(p => p.VersionNo) + 1;
        Photos.Add(photo);
        CurrentPhotoVersionNo = photo.VersionNo;
        CurrentPhotoOutcome = photo.Outcome;
        Touch(now);
        Record(actor, now, OrderAuditActions.PhotoAttached, $"第 {photo.VersionNo} 版照片（{photo.Outcome.ToChinese()}）");
    }

    /// <summary>Draft → AwaitingPayment (price &gt; 0, unpaid) or PendingReview (free or already paid).</summary>
    public void Submit(CollectionBatch batch, Actor actor, DateTimeOffset now)
    {
        EnsureStatus("submit", OrderStatus.Draft);
        batch.EnsureNotArchived();
        if (SubmissionCount == 0)
        {
            batch.EnsureAcceptsSubmissions(now);
        }

        EnsureSubmittablePhoto();
        EnsureSubmissionsLeft(batch);

        SubmissionCount++;
        SubmittedAt = now;
        Status = PriceFen > 0 && !IsPaid ? OrderStatus.AwaitingPayment : OrderStatus.PendingReview;
        Touch(now);
        Record(actor, now, OrderAuditActions.Submitted, $"第 {SubmissionCount} 次提交 → {Status.ToChinese()}");
    }

    /// <summary>AwaitingPayment → PendingReview once WeChat Pay confirms the full amount.</summary>
    public void ConfirmPayment(int amountFen, Actor actor, DateTimeOffset paidAt)
    {
        EnsureStatus("pay", OrderStatus.AwaitingPayment);
        if (amountFen != PriceFen)
        {
            throw new DomainException(OrderErrors.AmountMismatch, $"支付金额（{amountFen} 分）与订单金额（{PriceFen} 分）不一致。");
        }

        PaidAt = paidAt;
        Status = OrderStatus.PendingReview;
        Touch(paidAt);
        Record(actor, paidAt, OrderAuditActions.Paid, $"{amountFen} 分");
    }

    public void Approve(Actor reviewer, DateTimeOffset now)
    {
        EnsureStatus("approve", OrderStatus.PendingReview);
        Status = OrderStatus.Approved;
        ReviewedAt = now;
        ReviewedPhotoVersionNo = CurrentPhoto?.VersionNo;
        Touch(now);
        Record(reviewer, now, OrderAuditActions.Approved, null);
    }

    public void Reject(IReadOnlyCollection<string> reasonCodes, string? comment, Actor reviewer, DateTimeOffset now)
    {
        EnsureStatus("reject", OrderStatus.PendingReview);
        if (reasonCodes.Count == 0)
        {
            throw new DomainException(OrderErrors.ReasonsRequired, "驳回时至少选择一个驳回原因。");
        }

        Status = OrderStatus.Rejected;
        ReviewedAt = now;
        ReviewedPhotoVersionNo = CurrentPhoto?.VersionNo;
        Touch(now);
        Record(reviewer, now, OrderAuditActions.Rejected, string.Join(",", reasonCodes) + (string.IsNullOrWhiteSpace(comment) ? "" : "；" + comment));
    }

    /// <summary>Rejected → PendingReview with a new photo; counts against the batch's limit.</summary>
    public void Resubmit(CollectionBatch batch, Actor actor, DateTimeOffset now)
    {
        EnsureStatus("resubmit", OrderStatus.Rejected);
        batch.EnsureNotArchived();
        EnsureSubmittablePhoto();
        if (ReviewedPhotoVersionNo is { } reviewed && CurrentPhoto!.VersionNo <= reviewed)
        {
            throw new DomainException(OrderErrors.NewPhotoRequired, "请先上传新的照片，再重新提交。");
        }

        EnsureSubmissionsLeft(batch);
        SubmissionCount++;
        SubmittedAt = now;
        Status = OrderStatus.PendingReview;
        Touch(now);
        Record(actor, now, OrderAuditActions.Resubmitted, $"第 {SubmissionCount} 次提交");
    }

    /// <summary>PendingReview → Draft; a paid order stays paid, so resubmitting needs no payment.</summary>
    public void Withdraw(Actor actor, DateTimeOffset now)
    {
        EnsureStatus("withdraw", OrderStatus.PendingReview);
        Status = OrderStatus.Draft;
        Touch(now);
        Record(actor, now, OrderAuditActions.Withdrawn, null);
    }

    /// <summary>Draft/AwaitingPayment → Cancelled. A paid order is refunded instead.</summary>
    public void Cancel(Actor actor, DateTimeOffset now)
    {
        EnsureStatus("cancel", OrderStatus.Draft, OrderStatus.AwaitingPayment);
        if (IsPaid)
        {
            throw new DomainException(OrderErrors.PaidMustRefund, "该订单已支付，不能直接取消，请联系分社办理退款。");
        }

        Status = OrderStatus.Cancelled;
        CancelledAt = now;
        Touch(now);
        Record(actor, now, OrderAuditActions.Cancelled, null);
    }

    /// <summary>Any paid, not yet exported order → Refunded (admin only; the Payments feature moves the money).</summary>
    public void MarkRefunded(Actor admin, DateTimeOffset now)
    {
        EnsureStatus("refund", OrderStatus.Draft, OrderStatus.PendingReview, OrderStatus.Approved, OrderStatus.Rejected);
        if (!IsPaid)
        {
            throw new DomainException(OrderErrors.NotPaid, "该订单未支付，无需退款。");
        }

        if (ExportedAt is not null)
        {
            throw new DomainException(OrderErrors.AlreadyExported, "该订单的照片已导出上报，不能退款。");
        }

        Status = OrderStatus.Refunded;
        RefundedAt = now;
        Touch(now);
        Record(admin, now, OrderAuditActions.Refunded, $"{PriceFen} 分");
    }

    /// <summary>Approved → Approved with ExportedAt; re-exporting keeps the first time.</summary>
    public void MarkExported(Actor actor, DateTimeOffset now)
    {
        EnsureStatus("export", OrderStatus.Approved);
        ExportedAt ??= now;
        Touch(now);
        Record(actor, now, OrderAuditActions.Exported, null);
    }

    private void EnsureSubmittablePhoto()
    {
        EnsurePhotosLoaded();
        if (CurrentPhoto is null)
        {
            throw new DomainException(OrderErrors.PhotoRequired, "请先上传照片，再提交订单。");
        }

        if (CurrentPhoto.Outcome == PhotoCheckOutcome.Fail)
        {
            throw new DomainException(OrderErrors.PhotoFailedCheck, "当前照片未通过自动检测，请按提示重新拍摄或选择照片。");
        }
    }

    private void EnsurePhotosLoaded()
    {
        if (CurrentPhotoVersionNo is not null && CurrentPhoto is null)
        {
            throw new InvalidOperationException($"Load Order.Photos before changing order {OrderNo}.");
        }
    }

    private void EnsureSubmissionsLeft(CollectionBatch batch)
    {
        if (SubmissionCount >= batch.MaxSubmissions)
        {
            throw new DomainException(OrderErrors.SubmissionLimit, $"已达到本批次的最多提交次数（{batch.MaxSubmissions} 次），请联系分社或老师处理。");
        }
    }

    private void EnsureStatus(string action, params OrderStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainException(OrderErrors.InvalidTransition, $"订单当前状态为“{Status.ToChinese()}”，不能{ActionText(action)}。");
        }
    }

    private static string ActionText(string action) => action switch
    {
        "submit" => "提交",
        "pay" => "支付",
        "approve" => "审核通过",
        "reject" => "驳回",
        "resubmit" => "重新提交",
        "withdraw" => "撤回",
        "cancel" => "取消",
        "refund" => "退款",
        "export" => "导出",
        _ => action,
    };

    private void Touch(DateTimeOffset now) => UpdatedAt = now;

    private void Record(Actor actor, DateTimeOffset now, AuditAction action, string? details) =>
        _pendingAuditEvents.Add(AuditEvent.For(actor, now, action, nameof(Order), OrderNo, details));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Order {OrderNo} ({Status})");
}
