using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Photos;

namespace PhotoCollect.Core.Orders;

/// <summary>
/// What may happen to the order next, decided once. Each <c>XxxBlocker</c> names the error that
/// refuses the move (null when it is allowed); the transition throws exactly that error, and the
/// student API's <c>actions</c> and <c>nextStep</c> read the same methods, so the buttons a student
/// sees cannot drift from what the server accepts. None of them needs <see cref="Photos"/> loaded.
/// </summary>
public sealed partial class Order
{
    /// <summary>Why the current photo cannot be replaced (upload or 一键修正), or null.</summary>
    public DomainError? ChangePhotoBlocker(CollectionBatch batch) =>
        batch.ArchivedBlocker() ?? Status switch
        {
            OrderStatus.Draft or OrderStatus.Rejected => null,
            OrderStatus.PendingReview => OrderErrors.PhotoLockedInReview,
            _ => OrderErrors.PhotoLocked.With(Status.ToChinese()),
        };

    /// <summary>Why the draft cannot be submitted at <paramref name="now"/>, or null. Only the first submission needs the batch open.</summary>
    public DomainError? SubmitBlocker(CollectionBatch batch, DateTimeOffset now) =>
        StatusBlocker("提交", OrderStatus.Draft)
        ?? batch.ArchivedBlocker()
        ?? (SubmissionCount == 0 ? batch.SubmissionsBlocker(now) : null)
        ?? CurrentPhotoBlocker()
        ?? SubmissionLimitBlocker(batch);

    /// <summary>Why the rejected order cannot go back to review, or null. A closed batch still takes corrections.</summary>
    public DomainError? ResubmitBlocker(CollectionBatch batch) =>
        StatusBlocker("重新提交", OrderStatus.Rejected)
        ?? batch.ArchivedBlocker()
        ?? CurrentPhotoBlocker()
        ?? (ReviewedPhotoVersionNo is { } reviewed && CurrentPhotoVersionNo <= reviewed ? OrderErrors.NewPhotoRequired : null)
        ?? SubmissionLimitBlocker(batch);

    /// <summary>Why the order cannot be taken back out of review, or null.</summary>
    public DomainError? WithdrawBlocker(CollectionBatch batch) =>
        StatusBlocker("撤回", OrderStatus.PendingReview) ?? batch.ArchivedBlocker();

    /// <summary>
    /// Why the order cannot be paid, or null. Not refused for a closed or archived batch: WeChat Pay
    /// confirms money already taken, and only a refund may undo that.
    /// </summary>
    public DomainError? PayBlocker() => StatusBlocker("支付", OrderStatus.AwaitingPayment);

    /// <summary>Why a new or renewed prepay cannot be made, or null: as <see cref="PayBlocker"/>, and the current photo must still pass.</summary>
    public DomainError? PrepayBlocker() => PayBlocker() ?? CurrentPhotoBlocker();

    public DomainError? CancelBlocker() =>
        StatusBlocker("取消", OrderStatus.Draft, OrderStatus.AwaitingPayment)
        ?? (IsPaid ? OrderErrors.PaidMustRefund : null);

    public DomainError? RefundBlocker() =>
        StatusBlocker("退款", OrderStatus.Draft, OrderStatus.PendingReview, OrderStatus.Approved, OrderStatus.Rejected)
        ?? (IsPaid ? null : OrderErrors.NotPaid)
        ?? (ExportedAt is null ? null : OrderErrors.AlreadyExported);

    public bool CanChangePhoto(CollectionBatch batch) => ChangePhotoBlocker(batch) is null;

    public bool CanSubmit(CollectionBatch batch, DateTimeOffset now) => SubmitBlocker(batch, now) is null;

    public bool CanResubmit(CollectionBatch batch) => ResubmitBlocker(batch) is null;

    public bool CanWithdraw(CollectionBatch batch) => WithdrawBlocker(batch) is null;

    public bool CanPay() => PayBlocker() is null;

    public bool CanCancel() => CancelBlocker() is null;

    public bool CanRefund() => RefundBlocker() is null;

    /// <summary>Submissions the batch still allows (first submission and resubmissions alike).</summary>
    public int SubmissionsLeft(CollectionBatch batch) => Math.Max(0, batch.MaxSubmissions - SubmissionCount);

    private DomainError? StatusBlocker(string action, params OrderStatus[] allowed) =>
        allowed.Contains(Status) ? null : OrderErrors.InvalidTransition.With(Status.ToChinese(), action);

    /// <summary>Reads the outcome kept on the order, so lists can ask without loading photos.</summary>
    private DomainError? CurrentPhotoBlocker() =>
        CurrentPhotoVersionNo is null ? OrderErrors.PhotoRequired
        : CurrentPhotoOutcome == PhotoCheckOutcome.Fail ? OrderErrors.PhotoFailedCheck
        : null;

    private DomainError? SubmissionLimitBlocker(CollectionBatch batch) =>
        SubmissionsLeft(batch) > 0 ? null : OrderErrors.SubmissionLimit.With(batch.MaxSubmissions);
}
