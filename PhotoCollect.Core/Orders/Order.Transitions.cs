using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Photos;

namespace PhotoCollect.Core.Orders;

/// <summary>The state changes: each throws the blocker its capability names, then moves and audits.</summary>
public sealed partial class Order
{
    /// <summary>Makes <paramref name="photo"/> the current photo. Only while the student may still change it.</summary>
    public void AttachPhoto(PhotoVersion photo, CollectionBatch batch, Actor actor, DateTimeOffset now)
    {
        ThrowIf(ChangePhotoBlocker(batch));
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
        ThrowIf(SubmitBlocker(batch, now));
        SubmissionCount++;
        SubmittedAt = now;
        Status = PriceFen > 0 && !IsPaid ? OrderStatus.AwaitingPayment : OrderStatus.PendingReview;
        Touch(now);
        Record(actor, now, OrderAuditActions.Submitted, $"第 {SubmissionCount} 次提交 → {Status.ToChinese()}");
    }

    /// <summary>AwaitingPayment → PendingReview once WeChat Pay confirms the full amount.</summary>
    public void ConfirmPayment(int amountFen, Actor actor, DateTimeOffset paidAt)
    {
        ThrowIf(PayBlocker());
        if (amountFen != PriceFen)
        {
            throw new DomainException(OrderErrors.AmountMismatch, amountFen, PriceFen);
        }

        PaidAt = paidAt;
        Status = OrderStatus.PendingReview;
        Touch(paidAt);
        Record(actor, paidAt, OrderAuditActions.Paid, $"{amountFen} 分");
    }

    public void Approve(Actor reviewer, DateTimeOffset now)
    {
        ThrowIf(StatusBlocker("审核通过", OrderStatus.PendingReview));
        Status = OrderStatus.Approved;
        ReviewedAt = now;
        ReviewedPhotoVersionNo = CurrentPhotoVersionNo;
        Touch(now);
        Record(reviewer, now, OrderAuditActions.Approved, null);
    }

    public void Reject(IReadOnlyCollection<string> reasonCodes, string? comment, Actor reviewer, DateTimeOffset now)
    {
        ThrowIf(StatusBlocker("驳回", OrderStatus.PendingReview));
        if (reasonCodes.Count == 0)
        {
            throw new DomainException(OrderErrors.ReasonsRequired);
        }

        Status = OrderStatus.Rejected;
        ReviewedAt = now;
        ReviewedPhotoVersionNo = CurrentPhotoVersionNo;
        Touch(now);
        Record(reviewer, now, OrderAuditActions.Rejected, string.Join(",", reasonCodes) + (string.IsNullOrWhiteSpace(comment) ? "" : "；" + comment));
    }

    /// <summary>Rejected → PendingReview with a new photo; counts against the batch's limit.</summary>
    public void Resubmit(CollectionBatch batch, Actor actor, DateTimeOffset now)
    {
        ThrowIf(ResubmitBlocker(batch));
        SubmissionCount++;
        SubmittedAt = now;
        Status = OrderStatus.PendingReview;
        Touch(now);
        Record(actor, now, OrderAuditActions.Resubmitted, $"第 {SubmissionCount} 次提交");
    }

    /// <summary>PendingReview → Draft; a paid order stays paid, so resubmitting needs no payment.</summary>
    public void Withdraw(CollectionBatch batch, Actor actor, DateTimeOffset now)
    {
        ThrowIf(WithdrawBlocker(batch));
        Status = OrderStatus.Draft;
        Touch(now);
        Record(actor, now, OrderAuditActions.Withdrawn, null);
    }

    /// <summary>Draft/AwaitingPayment → Cancelled. A paid order is refunded instead.</summary>
    public void Cancel(Actor actor, DateTimeOffset now)
    {
        ThrowIf(CancelBlocker());
        Status = OrderStatus.Cancelled;
        CancelledAt = now;
        Touch(now);
        Record(actor, now, OrderAuditActions.Cancelled, null);
    }

    /// <summary>Any paid, not yet exported order → Refunded (admin only; the Payments feature moves the money).</summary>
    public void MarkRefunded(Actor admin, DateTimeOffset now)
    {
        ThrowIf(RefundBlocker());
        Status = OrderStatus.Refunded;
        RefundedAt = now;
        Touch(now);
        Record(admin, now, OrderAuditActions.Refunded, $"{PriceFen} 分");
    }

    /// <summary>Approved → Approved with ExportedAt; re-exporting keeps the first time.</summary>
    public void MarkExported(Actor actor, DateTimeOffset now)
    {
        ThrowIf(StatusBlocker("导出", OrderStatus.Approved));
        ExportedAt ??= now;
        Touch(now);
        Record(actor, now, OrderAuditActions.Exported, null);
    }

    private static void ThrowIf(DomainError? blocker)
    {
        if (blocker is not null)
        {
            throw new DomainException(blocker);
        }
    }

    private void EnsurePhotosLoaded()
    {
        if (CurrentPhotoVersionNo is not null && CurrentPhoto is null)
        {
            throw new InvalidOperationException($"Load Order.Photos before changing order {OrderNo}.");
        }
    }
}
