using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Notifications;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Core.Reviews;

/// <summary>Opening an order claims it; the workspace view; giving it back.</summary>
public sealed class ReviewClaimsTests
{
    [Fact]
    public async Task OpenAsync_ClaimsTheOrder_SecondReviewerSeesItTakenUntilTheClaimExpires()
    {
        await using var a = await ReviewArrangement.CreateAsync();
        var orderId = a.OrdersA[0];
        var first = await a.Claims.OpenAsync(a.ReviewerA, ReviewArrangement.Actor(a.ReviewerA), orderId);
        Assert.Null(first.ClaimedByOther);
        Assert.True(first.CanDecide);

        var second = await a.Claims.OpenAsync(a.ReviewerA2, ReviewArrangement.Actor(a.ReviewerA2), orderId);
        Assert.Equal("李审核", second.ClaimedByOther);
        Assert.False(second.CanDecide);
        var refused = await Assert.ThrowsAsync<DomainException>(async () =>
            await a.Decisions.ApproveAsync(a.ReviewerA2, ReviewArrangement.Actor(a.ReviewerA2), await a.InputAsync(orderId)));
        Assert.Equal(ReviewErrors.ClaimedByOther.Code, refused.Code);

        // The second reviewer's queue neighbours skip the claimed order, and the queue names who has it.
        var other = await a.Claims.OpenAsync(a.ReviewerA2, ReviewArrangement.Actor(a.ReviewerA2), a.OrdersA[1]);
        Assert.NotEqual(orderId, other.Previous?.OrderId);
        Assert.Equal("李审核", (await a.Queue.GetPageAsync(a.ReviewerA2, new ReviewQueueFilter())).Items.Single(i => i.OrderId == orderId).ClaimedBy);

        a.Services.Time.Advance(TimeSpan.FromMinutes(5).Add(TimeSpan.FromSeconds(1)));
        var afterExpiry = await a.Claims.OpenAsync(a.ReviewerA2, ReviewArrangement.Actor(a.ReviewerA2), orderId);
        Assert.Null(afterExpiry.ClaimedByOther);
        await a.Decisions.ApproveAsync(a.ReviewerA2, ReviewArrangement.Actor(a.ReviewerA2), await a.InputAsync(orderId));

        // Now the first reviewer's claim is gone and the order decided: their decision is stale.
        var late = await Assert.ThrowsAsync<DomainException>(() =>
            a.Decisions.ApproveAsync(a.ReviewerA, ReviewArrangement.Actor(a.ReviewerA), new ReviewDecisionInput(orderId, 1, first.Version)));
        Assert.Equal(ReviewErrors.Stale.Code, late.Code);
    }

    [Fact]
    public async Task ReleaseAsync_GivesTheOrderBack()
    {
        await using var a = await ReviewArrangement.CreateAsync();
        var orderId = a.OrdersA[0];
        await a.Claims.OpenAsync(a.ReviewerA, ReviewArrangement.Actor(a.ReviewerA), orderId);

        await a.Claims.ReleaseAsync(a.ReviewerA, ReviewArrangement.Actor(a.ReviewerA), orderId);

        Assert.Null((await a.Claims.OpenAsync(a.ReviewerA2, ReviewArrangement.Actor(a.ReviewerA2), orderId)).ClaimedByOther);
    }

    [Fact]
    public async Task OpenAsync_ShowsReportSpecNeighboursAndEarlierVersionsWithDecisions()
    {
        await using var a = await ReviewArrangement.CreateAsync([PhotoCheckOutcome.Pass, PhotoCheckOutcome.PassWithWarnings, PhotoCheckOutcome.Pass], resubmitted: [1]);

        var view = await a.Claims.OpenAsync(a.ReviewerA, ReviewArrangement.Actor(a.ReviewerA), a.OrdersA[1]);

        Assert.Equal(2, view.Current.VersionNo);
        Assert.True(view.IsResubmission);
        var earlier = Assert.Single(view.Earlier);
        Assert.Equal(1, earlier.VersionNo);
        Assert.Equal(250, earlier.Report!.Geometry!.EyeLineY);
        Assert.Equal(200, view.Spec.EyeLineMinY);
        Assert.Contains("****", view.Student.IdNumberMasked);
        // Order 1 resubmitted last, so it is the newest in the queue: next wraps to the oldest.
        Assert.Equal(a.OrdersA[2], view.Previous?.OrderId);
        Assert.Equal(a.OrdersA[0], view.Next?.OrderId);
        Assert.Equal(3, view.PendingInQueue);
    }

    [Fact]
    public async Task OpenAsync_TwoReviewersTakingOverALapsedClaimAtOnce_OnlyOneHoldsIt()
    {
        await using var database = await TestDatabase.CreateFileAsync();
        await using var a = await ReviewArrangement.CreateAsync([PhotoCheckOutcome.Pass], database: database);
        var orderId = a.OrdersA[0];
        await a.Claims.OpenAsync(StaffScopes.Admin, ReviewArrangement.Actor(StaffScopes.Admin), orderId);
        a.Services.Time.Advance(TimeSpan.FromMinutes(6));

        for (var round = 0; round < 5; round++)
        {
            var views = await Task.WhenAll(
                Task.Run(() => a.Claims.OpenAsync(a.ReviewerA, ReviewArrangement.Actor(a.ReviewerA), orderId)),
                Task.Run(() => a.Claims.OpenAsync(a.ReviewerA2, ReviewArrangement.Actor(a.ReviewerA2), orderId)));

            Assert.Single(views, v => v.CanDecide);
            a.Services.Time.Advance(TimeSpan.FromMinutes(6));
        }
    }
}
