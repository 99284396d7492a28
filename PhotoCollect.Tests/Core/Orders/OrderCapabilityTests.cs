using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Core.Orders;

/// <summary>
/// The order's capability methods in every state and batch condition, and that each transition
/// refuses with exactly the blocker its capability names (and goes through when there is none).
/// </summary>
public sealed class OrderCapabilityTests
{
    private static readonly Actor Student = Actor.Student(1);
    private static readonly Actor Reviewer = Actor.Staff("reviewer-1", "李审核");

    /// <summary>Each move as its capability sees it and as its transition does it.</summary>
    private static readonly Dictionary<string, (Func<Order, CollectionBatch, DateTimeOffset, DomainError?> Blocker, Action<Order, CollectionBatch, DateTimeOffset> Transition)> Moves = new()
    {
        ["change photo"] = ((o, b, _) => o.ChangePhotoBlocker(b), (o, b, now) => o.AttachPhoto(Photo(), b, Student, now)),
        ["submit"] = ((o, b, now) => o.SubmitBlocker(b, now), (o, b, now) => o.Submit(b, Student, now)),
        ["resubmit"] = ((o, b, _) => o.ResubmitBlocker(b), (o, b, now) => o.Resubmit(b, Student, now)),
        ["withdraw"] = ((o, b, _) => o.WithdrawBlocker(b), (o, b, now) => o.Withdraw(b, Student, now)),
        ["pay"] = ((o, _, _) => o.PayBlocker(), (o, _, now) => o.ConfirmPayment(o.PriceFen, Actor.System, now)),
        ["cancel"] = ((o, _, _) => o.CancelBlocker(), (o, _, now) => o.Cancel(Student, now)),
        ["refund"] = ((o, _, _) => o.RefundBlocker(), (o, _, now) => o.MarkRefunded(Reviewer, now)),
    };

    public static TheoryData<OrderStatus> AllStatuses() => [.. Enum.GetValues<OrderStatus>()];

    public static TheoryData<string, BatchCondition, string> EveryScenarioConditionAndMove()
    {
        var data = new TheoryData<string, BatchCondition, string>();
        foreach (var scenario in OrderStates.All)
        {
            foreach (var condition in Enum.GetValues<BatchCondition>())
            {
                foreach (var move in Moves.Keys)
                {
                    data.Add(scenario.Name, condition, move);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Capabilities_OpenBatch_OfferExactlyTheMovesOfTheStatus(OrderStatus status)
    {
        var (order, batch) = OrderStates.Build(OrderStates.Typical(status));

        Assert.Equal(status is OrderStatus.Draft or OrderStatus.Rejected, order.CanChangePhoto(batch));
        Assert.Equal(status == OrderStatus.Draft, order.CanSubmit(batch, Now));
        Assert.Equal(status == OrderStatus.Rejected, order.CanResubmit(batch));
        Assert.Equal(status == OrderStatus.PendingReview, order.CanWithdraw(batch));
        Assert.Equal(status == OrderStatus.AwaitingPayment, order.CanPay());
        Assert.Equal(status is OrderStatus.Draft or OrderStatus.AwaitingPayment, order.CanCancel());
        Assert.Equal(status is OrderStatus.PendingReview or OrderStatus.Approved or OrderStatus.Rejected, order.CanRefund());
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Blockers_WrongStatus_AreInvalidTransitionNamingTheStatus(OrderStatus status)
    {
        var (order, batch) = OrderStates.Build(OrderStates.Typical(status));
        var blockers = new[]
        {
            (StatusAllows: status == OrderStatus.Draft, Blocker: order.SubmitBlocker(batch, Now)),
            (StatusAllows: status == OrderStatus.Rejected, Blocker: order.ResubmitBlocker(batch)),
            (StatusAllows: status == OrderStatus.PendingReview, Blocker: order.WithdrawBlocker(batch)),
            (StatusAllows: status == OrderStatus.AwaitingPayment, Blocker: order.PayBlocker()),
            (StatusAllows: status is OrderStatus.Draft or OrderStatus.AwaitingPayment, Blocker: order.CancelBlocker()),
            (StatusAllows: status is not (OrderStatus.AwaitingPayment or OrderStatus.Cancelled or OrderStatus.Refunded), Blocker: order.RefundBlocker()),
        };

        foreach (var (_, blocker) in blockers.Where(b => !b.StatusAllows))
        {
            Assert.Equal(OrderErrors.InvalidTransition.Code, blocker?.Code);
            Assert.Contains(status.ToChinese(), blocker!.Message);
        }

        var photo = order.ChangePhotoBlocker(batch);
        Assert.Equal(status is OrderStatus.Draft or OrderStatus.Rejected ? null : OrderErrors.PhotoLocked.Code, photo?.Code);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Capabilities_ArchivedBatch_OnlyPaymentCancelAndRefundRemain(OrderStatus status)
    {
        var (order, batch) = OrderStates.Build(OrderStates.Typical(status), BatchCondition.Archived);

        Assert.Equal(BatchErrors.Archived.Code, order.ChangePhotoBlocker(batch)?.Code);
        Assert.False(order.CanSubmit(batch, Now));
        Assert.False(order.CanResubmit(batch));
        Assert.False(order.CanWithdraw(batch));
        if (status is OrderStatus.Draft or OrderStatus.Rejected or OrderStatus.PendingReview)
        {
            var own = status switch
            {
                OrderStatus.Draft => order.SubmitBlocker(batch, Now),
                OrderStatus.Rejected => order.ResubmitBlocker(batch),
                _ => order.WithdrawBlocker(batch),
            };
            Assert.Equal(BatchErrors.Archived.Code, own?.Code);
        }

        // Money already taken is confirmed and refunded whatever the batch.
        Assert.Equal(status == OrderStatus.AwaitingPayment, order.CanPay());
        Assert.Equal(status is OrderStatus.Draft or OrderStatus.AwaitingPayment, order.CanCancel());
        Assert.Equal(status is OrderStatus.PendingReview or OrderStatus.Approved or OrderStatus.Rejected, order.CanRefund());
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Capabilities_ClosedBatch_RefuseOnlyTheFirstSubmission(OrderStatus status) =>
        AssertOnlyFirstSubmissionRefused(status, BatchCondition.Closed, BatchErrors.Closed.Code);

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Capabilities_ExpiredBatch_RefuseOnlyTheFirstSubmission(OrderStatus status) =>
        AssertOnlyFirstSubmissionRefused(status, BatchCondition.Expired, BatchErrors.Expired.Code);

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Capabilities_SubmissionLimitReached_NoFurtherSubmission(OrderStatus status)
    {
        var scenario = status switch
        {
            OrderStatus.Draft => OrderStates.Named("draft withdrawn, paid"),
            _ => OrderStates.Typical(status),
        };
        var (order, batch) = OrderStates.Build(scenario);
        var (open, _) = OrderStates.Build(scenario);
        batch.Update(batch.Terms with { MaxSubmissions = order.SubmissionCount }, Actor.System, Now);

        Assert.False(order.CanSubmit(batch, Now));
        Assert.False(order.CanResubmit(batch));
        if (status is OrderStatus.Draft or OrderStatus.Rejected)
        {
            var own = status == OrderStatus.Draft ? order.SubmitBlocker(batch, Now) : order.ResubmitBlocker(batch);
            Assert.Equal(OrderErrors.SubmissionLimit.Code, own?.Code);
            Assert.Contains("联系分社", own!.Message);
        }

        // The limit is about submitting: a new photo may still be uploaded (in case the limit is raised).
        Assert.Equal(open.CanChangePhoto(open.Batch!), order.CanChangePhoto(batch));
        Assert.Equal(open.CanWithdraw(open.Batch!), order.CanWithdraw(batch));
        Assert.Equal(0, order.SubmissionsLeft(batch));
    }

    [Fact]
    public void SubmitBlocker_NoPhoto_PhotoRequired()
    {
        var (order, batch) = OrderStates.Build(OrderStates.Named("draft without photo"));
        Assert.Equal(OrderErrors.PhotoRequired, order.SubmitBlocker(batch, Now));
    }

    [Fact]
    public void SubmitBlocker_FailedPhoto_PhotoFailedCheck()
    {
        var (order, batch) = OrderStates.Build(OrderStates.Named("draft with failed photo"));
        Assert.Equal(OrderErrors.PhotoFailedCheck, order.SubmitBlocker(batch, Now));
    }

    [Fact]
    public void SubmitBlocker_BeforeTheBatchOpens_NotYetOpen()
    {
        var (order, batch) = OrderStates.Build(OrderStates.Named("draft"));
        Assert.Equal(BatchErrors.NotYetOpen.Code, order.SubmitBlocker(batch, batch.OpensAt.AddMinutes(-1))?.Code);
    }

    [Fact]
    public void ResubmitBlocker_TheRejectedPhoto_NewPhotoRequired()
    {
        var (order, batch) = OrderStates.Build(OrderStates.Named("rejected"));
        Assert.Equal(OrderErrors.NewPhotoRequired, order.ResubmitBlocker(batch));
        Assert.True(order.CanChangePhoto(batch));
    }

    [Fact]
    public void ChangePhotoBlocker_UnderReview_TellsToWithdrawFirst()
    {
        var (order, batch) = OrderStates.Build(OrderStates.Named("pending review"));
        Assert.Equal(OrderErrors.PhotoLockedInReview, order.ChangePhotoBlocker(batch));
    }

    [Fact]
    public void CancelBlocker_PaidDraft_MustRefund()
    {
        var (order, _) = OrderStates.Build(OrderStates.Named("draft withdrawn, paid"));
        Assert.Equal(OrderErrors.PaidMustRefund, order.CancelBlocker());
        Assert.True(order.CanRefund());
    }

    [Fact]
    public void RefundBlocker_UnpaidOrExported_Refused()
    {
        Assert.Equal(OrderErrors.NotPaid, OrderStates.Build(OrderStates.Named("pending review, free")).Order.RefundBlocker());
        Assert.Equal(OrderErrors.AlreadyExported, OrderStates.Build(OrderStates.Named("approved and exported")).Order.RefundBlocker());
    }

    /// <summary>The rules are written once: a transition throws its capability's blocker, word for word, or goes through.</summary>
    [Theory]
    [MemberData(nameof(EveryScenarioConditionAndMove))]
    public void Transition_EveryStateAndBatch_ThrowsExactlyItsBlockerOrSucceeds(string scenario, BatchCondition condition, string move)
    {
        var (order, batch) = OrderStates.Build(OrderStates.Named(scenario), condition);
        var (blocker, transition) = Moves[move];
        var expected = blocker(order, batch, Now);
        var status = order.Status;
        var audited = order.PendingAuditEvents.Count;

        var error = Xunit.Record.Exception(() => transition(order, batch, Now));

        if (expected is null)
        {
            Assert.Null(error);
            Assert.Equal(audited + 1, order.PendingAuditEvents.Count);
        }
        else
        {
            var refusal = Assert.IsType<DomainException>(error);
            Assert.Equal(expected.Code, refusal.Code);
            Assert.Equal(expected.Message, refusal.Message);
            Assert.Equal(status, order.Status);
            Assert.Equal(audited, order.PendingAuditEvents.Count);
        }
    }

    private static void AssertOnlyFirstSubmissionRefused(OrderStatus status, BatchCondition condition, string code)
    {
        var scenario = OrderStates.Typical(status);
        var (order, batch) = OrderStates.Build(scenario, condition);
        var (open, openBatch) = OrderStates.Build(scenario);

        if (status == OrderStatus.Draft)
        {
            Assert.Equal(code, order.SubmitBlocker(batch, Now)?.Code);

            // Withdrawn after a submission, the draft is not a first submission and may go back.
            var (withdrawn, itsBatch) = OrderStates.Build(OrderStates.Named("draft withdrawn, paid"), condition);
            Assert.True(withdrawn.CanSubmit(itsBatch, Now));
        }
        else
        {
            Assert.Equal(open.CanSubmit(openBatch, Now), order.CanSubmit(batch, Now));
        }

        Assert.Equal(open.CanChangePhoto(openBatch), order.CanChangePhoto(batch));
        Assert.Equal(open.CanResubmit(openBatch), order.CanResubmit(batch));
        Assert.Equal(open.CanWithdraw(openBatch), order.CanWithdraw(batch));
        Assert.Equal(open.CanPay(), order.CanPay());
        Assert.Equal(open.CanCancel(), order.CanCancel());
        Assert.Equal(open.CanRefund(), order.CanRefund());
    }
}
