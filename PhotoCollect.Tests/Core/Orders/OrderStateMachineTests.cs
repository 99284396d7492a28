using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Core.Orders;

public sealed class OrderStateMachineTests
{
    private static readonly Actor Student = Actor.Student(1);
    private static readonly Actor Reviewer = Actor.Staff("reviewer-1", "李审核");

    private static Order DraftWithPhoto(CollectionBatch batch, PhotoCheckOutcome outcome = PhotoCheckOutcome.Pass)
    {
        var order = NewOrder(batch);
        order.AttachPhoto(Photo(outcome), batch, Student, Now);
        return order;
    }

    private static Order PendingReview(CollectionBatch batch)
    {
        var order = DraftWithPhoto(batch);
        order.Submit(batch, Student, Now);
        if (order.Status == OrderStatus.AwaitingPayment)
        {
            order.ConfirmPayment(order.PriceFen, Actor.System, Now);
        }

        return order;
    }

    private static void AssertFails(string code, Action action) =>
        Assert.Equal(code, Assert.Throws<DomainException>(action).Code);

    [Fact]
    public void Create_OpenBatch_IsDraftWithBatchPriceAndAudited()
    {
        var batch = Batch(priceFen: 2500);

        var order = NewOrder(batch);

        Assert.Equal(OrderStatus.Draft, order.Status);
        Assert.Equal(2500, order.PriceFen);
        Assert.Equal("order.created", Assert.Single(order.PendingAuditEvents).Action);
    }

    [Theory]
    [InlineData(BatchStatus.Closed)]
    [InlineData(BatchStatus.Archived)]
    public void Create_ClosedBatch_Refused(BatchStatus status) =>
        AssertFails(BatchErrors.Closed.Code, () => NewOrder(Batch(status: status)));

    [Fact]
    public void Create_AfterDeadline_Refused()
    {
        var batch = Batch(closesAt: Now.AddMinutes(-1));
        AssertFails(BatchErrors.Expired.Code, () => NewOrder(batch));
    }

    [Fact]
    public void Create_BeforeOpening_Refused()
    {
        var batch = Batch(opensAt: Now.AddDays(1));
        AssertFails(BatchErrors.NotYetOpen.Code, () => NewOrder(batch));
    }

    [Fact]
    public void Submit_PaidBatch_GoesToAwaitingPayment()
    {
        var batch = Batch(priceFen: 3000);
        var order = DraftWithPhoto(batch);

        order.Submit(batch, Student, Now);

        Assert.Equal(OrderStatus.AwaitingPayment, order.Status);
        Assert.Equal(1, order.SubmissionCount);
        Assert.Equal(Now, order.SubmittedAt);
        Assert.Contains(order.PendingAuditEvents, e => e.Action == "order.submitted");
    }

    [Fact]
    public void Submit_FreeBatch_GoesToPendingReview()
    {
        var batch = Batch(priceFen: 0);
        var order = DraftWithPhoto(batch);

        order.Submit(batch, Student, Now);

        Assert.Equal(OrderStatus.PendingReview, order.Status);
    }

    [Fact]
    public void Submit_WithoutPhoto_Refused()
    {
        var batch = Batch();
        var order = NewOrder(batch);
        AssertFails(OrderErrors.PhotoRequired.Code, () => order.Submit(batch, Student, Now));
    }

    [Fact]
    public void Submit_PhotoThatFailedCheck_Refused()
    {
        var batch = Batch();
        var order = DraftWithPhoto(batch, PhotoCheckOutcome.Fail);
        AssertFails(OrderErrors.PhotoFailedCheck.Code, () => order.Submit(batch, Student, Now));
        Assert.Equal(OrderStatus.Draft, order.Status);
    }

    [Fact]
    public void Submit_PhotoWithWarnings_Accepted()
    {
        var batch = Batch(priceFen: 0);
        var order = DraftWithPhoto(batch, PhotoCheckOutcome.PassWithWarnings);
        order.Submit(batch, Student, Now);
        Assert.Equal(OrderStatus.PendingReview, order.Status);
    }

    [Fact]
    public void Submit_FirstSubmissionAfterBatchClosed_Refused()
    {
        var batch = Batch();
        var order = DraftWithPhoto(batch);
        batch.Close(Reviewer, Now);
        AssertFails(BatchErrors.Closed.Code, () => order.Submit(batch, Student, Now));
    }

    [Fact]
    public void ConfirmPayment_AwaitingPayment_GoesToPendingReviewAndRecordsPaidAt()
    {
        var batch = Batch(priceFen: 3000);
        var order = DraftWithPhoto(batch);
        order.Submit(batch, Student, Now);

        order.ConfirmPayment(3000, Actor.System, Now.AddMinutes(2));

        Assert.Equal(OrderStatus.PendingReview, order.Status);
        Assert.Equal(Now.AddMinutes(2), order.PaidAt);
        Assert.True(order.IsPaid);
    }

    [Fact]
    public void ConfirmPayment_WrongAmount_Refused()
    {
        var batch = Batch(priceFen: 3000);
        var order = DraftWithPhoto(batch);
        order.Submit(batch, Student, Now);
        AssertFails(OrderErrors.AmountMismatch.Code, () => order.ConfirmPayment(1, Actor.System, Now));
        Assert.Equal(OrderStatus.AwaitingPayment, order.Status);
    }

    [Fact]
    public void Approve_PendingReview_IsApproved()
    {
        var order = PendingReview(Batch());

        order.Approve(Reviewer, Now);

        Assert.Equal(OrderStatus.Approved, order.Status);
        Assert.Equal(Now, order.ReviewedAt);
        Assert.Contains(order.PendingAuditEvents, e => e.Action == "order.approved" && e.ActorId == "reviewer-1");
    }

    [Fact]
    public void MarkExported_Approved_KeepsStatusAndSetsExportedAtOnce()
    {
        var order = PendingReview(Batch());
        order.Approve(Reviewer, Now);

        order.MarkExported(Actor.System, Now.AddHours(1));
        order.MarkExported(Actor.System, Now.AddHours(2));

        Assert.Equal(OrderStatus.Approved, order.Status);
        Assert.Equal(Now.AddHours(1), order.ExportedAt);
    }

    [Fact]
    public void Reject_WithReasons_IsRejected()
    {
        var order = PendingReview(Batch());

        order.Reject(["background_color"], "背景偏紫", Reviewer, Now);

        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Contains(order.PendingAuditEvents, e => e.Action == "order.rejected" && e.Details!.Contains("background_color"));
    }

    [Fact]
    public void Reject_WithoutReasons_Refused()
    {
        var order = PendingReview(Batch());
        AssertFails(OrderErrors.ReasonsRequired.Code, () => order.Reject([], null, Reviewer, Now));
        Assert.Equal(OrderStatus.PendingReview, order.Status);
    }

    [Fact]
    public void Resubmit_RejectedWithNewPhoto_BackToPendingReviewAndCounted()
    {
        var batch = Batch();
        var order = PendingReview(batch);
        order.Reject(["crown_space"], null, Reviewer, Now);

        order.AttachPhoto(Photo(), order.Batch!, Student, Now.AddHours(1));
        order.Resubmit(batch, Student, Now.AddHours(1));

        Assert.Equal(OrderStatus.PendingReview, order.Status);
        Assert.Equal(2, order.SubmissionCount);
        Assert.Equal(2, order.CurrentPhoto!.VersionNo);
    }

    [Fact]
    public void Resubmit_WithTheRejectedPhoto_Refused()
    {
        var batch = Batch();
        var order = PendingReview(batch);
        order.Reject(["crown_space"], null, Reviewer, Now);
        AssertFails(OrderErrors.NewPhotoRequired.Code, () => order.Resubmit(batch, Student, Now));
    }

    [Fact]
    public void Resubmit_AfterBatchClosed_StillAllowed()
    {
        var batch = Batch();
        var order = PendingReview(batch);
        order.Reject(["crown_space"], null, Reviewer, Now);
        batch.Close(Reviewer, Now);

        order.AttachPhoto(Photo(), order.Batch!, Student, Now);
        order.Resubmit(batch, Student, Now);

        Assert.Equal(OrderStatus.PendingReview, order.Status);
    }

    [Fact]
    public void Resubmit_BeyondBatchLimit_RefusedWithContactBranchMessage()
    {
        var batch = Batch(maxSubmissions: 2);
        var order = PendingReview(batch);
        order.Reject(["crown_space"], null, Reviewer, Now);
        order.AttachPhoto(Photo(), order.Batch!, Student, Now);
        order.Resubmit(batch, Student, Now);
        order.Reject(["crown_space"], null, Reviewer, Now);
        order.AttachPhoto(Photo(), order.Batch!, Student, Now);

        var error = Assert.Throws<DomainException>(() => order.Resubmit(batch, Student, Now));

        Assert.Equal(OrderErrors.SubmissionLimit.Code, error.Code);
        Assert.Contains("联系分社", error.Message);
        Assert.Equal(OrderStatus.Rejected, order.Status);
    }

    [Fact]
    public void Withdraw_PaidPendingReview_BackToDraftStillPaid_ResubmitSkipsPayment()
    {
        var batch = Batch(priceFen: 3000);
        var order = PendingReview(batch);

        order.Withdraw(order.Batch!, Student, Now);
        Assert.Equal(OrderStatus.Draft, order.Status);
        Assert.True(order.IsPaid);

        order.AttachPhoto(Photo(), order.Batch!, Student, Now);
        order.Submit(batch, Student, Now);
        Assert.Equal(OrderStatus.PendingReview, order.Status);
        Assert.Equal(2, order.SubmissionCount);
    }

    [Fact]
    public void Withdraw_ThenSubmitAfterBatchClosed_AllowedBecauseNotFirstSubmission()
    {
        var batch = Batch(priceFen: 0);
        var order = PendingReview(batch);
        order.Withdraw(order.Batch!, Student, Now);
        batch.Close(Reviewer, Now);

        order.Submit(batch, Student, Now);

        Assert.Equal(OrderStatus.PendingReview, order.Status);
    }

    [Fact]
    public void Cancel_Draft_IsCancelled()
    {
        var order = NewOrder(Batch());
        order.Cancel(Student, Now);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(Now, order.CancelledAt);
    }

    [Fact]
    public void Cancel_AwaitingPayment_IsCancelled()
    {
        var batch = Batch(priceFen: 3000);
        var order = DraftWithPhoto(batch);
        order.Submit(batch, Student, Now);
        order.Cancel(Student, Now);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
    }

    [Fact]
    public void Cancel_PaidDraft_RefusedMustRefund()
    {
        var order = PendingReview(Batch(priceFen: 3000));
        order.Withdraw(order.Batch!, Student, Now);
        AssertFails(OrderErrors.PaidMustRefund.Code, () => order.Cancel(Student, Now));
    }

    [Theory]
    [InlineData(OrderStatus.PendingReview)]
    [InlineData(OrderStatus.Approved)]
    [InlineData(OrderStatus.Rejected)]
    [InlineData(OrderStatus.Draft)]
    public void MarkRefunded_PaidOrder_IsRefunded(OrderStatus from)
    {
        var order = PendingReview(Batch(priceFen: 3000));
        switch (from)
        {
            case OrderStatus.Approved: order.Approve(Reviewer, Now); break;
            case OrderStatus.Rejected: order.Reject(["other"], null, Reviewer, Now); break;
            case OrderStatus.Draft: order.Withdraw(order.Batch!, Student, Now); break;
        }

        order.MarkRefunded(Reviewer, Now);

        Assert.Equal(OrderStatus.Refunded, order.Status);
        Assert.Equal(Now, order.RefundedAt);
    }

    [Fact]
    public void MarkRefunded_UnpaidOrder_Refused()
    {
        var batch = Batch(priceFen: 0);
        var order = PendingReview(batch);
        AssertFails(OrderErrors.NotPaid.Code, () => order.MarkRefunded(Reviewer, Now));
    }

    [Fact]
    public void MarkRefunded_Exported_Refused()
    {
        var order = PendingReview(Batch(priceFen: 3000));
        order.Approve(Reviewer, Now);
        order.MarkExported(Actor.System, Now);
        AssertFails(OrderErrors.AlreadyExported.Code, () => order.MarkRefunded(Reviewer, Now));
    }

    [Fact]
    public void AttachPhoto_WhileUnderReview_Refused()
    {
        var order = PendingReview(Batch());
        AssertFails(OrderErrors.PhotoLocked.Code, () => order.AttachPhoto(Photo(), order.Batch!, Student, Now));
    }

    /// <summary>Every (state, action) pair that the state machine does not allow.</summary>
    public static TheoryData<OrderStatus, string> IllegalMoves()
    {
        var legal = new HashSet<(OrderStatus, string)>
        {
            (OrderStatus.Draft, "submit"), (OrderStatus.Draft, "cancel"),
            (OrderStatus.AwaitingPayment, "pay"), (OrderStatus.AwaitingPayment, "cancel"),
            (OrderStatus.PendingReview, "approve"), (OrderStatus.PendingReview, "reject"), (OrderStatus.PendingReview, "withdraw"),
            (OrderStatus.Approved, "export"), (OrderStatus.Rejected, "resubmit"),
            (OrderStatus.Draft, "refund"), (OrderStatus.PendingReview, "refund"), (OrderStatus.Approved, "refund"), (OrderStatus.Rejected, "refund"),
        };
        var data = new TheoryData<OrderStatus, string>();
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            foreach (var action in Actions.Keys)
            {
                if (!legal.Contains((status, action)))
                {
                    data.Add(status, action);
                }
            }
        }

        return data;
    }

    private static readonly Dictionary<string, Action<Order, CollectionBatch>> Actions = new()
    {
        ["submit"] = (o, b) => o.Submit(b, Student, Now),
        ["pay"] = (o, _) => o.ConfirmPayment(o.PriceFen, Actor.System, Now),
        ["approve"] = (o, _) => o.Approve(Reviewer, Now),
        ["reject"] = (o, _) => o.Reject(["other"], null, Reviewer, Now),
        ["resubmit"] = (o, b) => o.Resubmit(b, Student, Now),
        ["withdraw"] = (o, b) => o.Withdraw(b, Student, Now),
        ["cancel"] = (o, _) => o.Cancel(Student, Now),
        ["refund"] = (o, _) => o.MarkRefunded(Reviewer, Now),
        ["export"] = (o, _) => o.MarkExported(Actor.System, Now),
    };

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void IllegalTransition_RefusedWithStableCodeAndStateUnchanged(OrderStatus from, string action)
    {
        var batch = Batch(priceFen: 3000);
        var order = InState(batch, from);
        var auditCount = order.PendingAuditEvents.Count;

        var error = Assert.Throws<DomainException>(() => Actions[action](order, batch));

        Assert.Equal(OrderErrors.InvalidTransition.Code, error.Code);
        Assert.Contains(from.ToChinese(), error.Message);
        Assert.Equal(from, order.Status);
        Assert.Equal(auditCount, order.PendingAuditEvents.Count);
    }

    private static Order InState(CollectionBatch batch, OrderStatus status)
    {
        var order = DraftWithPhoto(batch);
        if (status == OrderStatus.Draft)
        {
            return order;
        }

        if (status == OrderStatus.Cancelled)
        {
            order.Cancel(Student, Now);
            return order;
        }

        order.Submit(batch, Student, Now);
        if (status == OrderStatus.AwaitingPayment)
        {
            return order;
        }

        order.ConfirmPayment(order.PriceFen, Actor.System, Now);
        switch (status)
        {
            case OrderStatus.Approved: order.Approve(Reviewer, Now); break;
            case OrderStatus.Rejected: order.Reject(["other"], null, Reviewer, Now); break;
            case OrderStatus.Refunded: order.MarkRefunded(Reviewer, Now); break;
        }

        Assert.Equal(status, order.Status);
        return order;
    }
}
