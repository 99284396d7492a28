using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Notifications;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Core.Settings;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Core.Reviews;

/// <summary>Approve, reject and bulk approval, and the refusals that keep a decision from landing on an order that moved on.</summary>
public sealed class ReviewDecisionsTests
{
    [Fact]
    public async Task ApproveAsync_PendingOrder_ApprovesWritesDecisionAuditAndNotification()
    {
        await using var a = await ReviewArrangement.CreateAsync();
        var orderId = a.OrdersA[0];
        await a.Claims.OpenAsync(a.ReviewerA, ReviewArrangement.Actor(a.ReviewerA), orderId);
        a.Services.Time.Advance(TimeSpan.FromSeconds(3));

        await a.Decisions.ApproveAsync(a.ReviewerA, ReviewArrangement.Actor(a.ReviewerA), await a.InputAsync(orderId));

        await using var db = a.Services.Database.CreateDbContext();
        var order = await db.Orders.Include(o => o.Photos).SingleAsync(o => o.Id == orderId);
        Assert.Equal(OrderStatus.Approved, order.Status);
        var decision = await db.ReviewDecisions.SingleAsync(d => d.OrderId == orderId);
        Assert.True(decision.Approved);
        Assert.Equal(order.CurrentPhoto!.Id, decision.PhotoVersionId);
        Assert.Equal(a.ReviewerA.UserId, decision.ReviewerId);
        Assert.Equal(3000, decision.ReviewMilliseconds);
        Assert.Single(await db.AuditEvents.Where(e => e.Action == "order.approved" && e.EntityId == order.OrderNo && e.ActorId == a.ReviewerA.UserId).ToListAsync());
        var notification = await db.Notifications.SingleAsync();
        Assert.Equal("order.approved", notification.Kind);
        Assert.Equal(order.StudentAccountId, notification.StudentAccountId);
        Assert.Equal(NotificationStatus.Pending, notification.Status);
        Assert.False(await db.ReviewClaims.AnyAsync(), "the claim ends with the decision");
    }

    [Fact]
    public async Task RejectAsync_WithoutReasons_RefusedAndNothingChanges()
    {
        await using var a = await ReviewArrangement.CreateAsync();
        var orderId = a.OrdersA[0];

        var error = await Assert.ThrowsAsync<DomainException>(() => a.Decisions.RejectAsync(a.ReviewerA, ReviewArrangement.Actor(a.ReviewerA), a.InputAsync(orderId).Result));

        Assert.Equal(OrderErrors.ReasonsRequired.Code, error.Code);
        Assert.Equal("驳回时至少选择一个驳回原因。", error.Message);
        await using var db = a.Services.Database.CreateDbContext();
        Assert.Equal(OrderStatus.PendingReview, (await db.Orders.SingleAsync(o => o.Id == orderId)).Status);
        Assert.False(await db.ReviewDecisions.AnyAsync());
    }

    [Fact]
    public async Task Teacher_CannotOpenDecideOrBulkApprove_EvenForOwnSchool()
    {
        await using var a = await ReviewArrangement.CreateAsync();
        var orderId = a.OrdersA[0];
        await using (var db = a.Services.Database.CreateDbContext())
        {
            var schoolId = await db.Orders.Where(o => o.Id == orderId).Select(o => o.Batch!.SchoolId).SingleAsync();
            var teacher = StaffScopes.Teacher(schoolId);
            var input = await a.InputAsync(orderId);

            Assert.Equal(ReviewErrors.NotReviewer.Code, (await Assert.ThrowsAsync<DomainException>(() => a.Claims.OpenAsync(teacher, ReviewArrangement.Actor(teacher), orderId))).Code);
            Assert.Equal(ReviewErrors.NotReviewer.Code, (await Assert.ThrowsAsync<DomainException>(() => a.Decisions.ApproveAsync(teacher, ReviewArrangement.Actor(teacher), input))).Code);
            Assert.Equal(ReviewErrors.NotReviewer.Code, (await Assert.ThrowsAsync<DomainException>(() => a.Decisions.BulkApproveAsync(teacher, ReviewArrangement.Actor(teacher), []))).Code);
        }

        await using var check = a.Services.Database.CreateDbContext();
        Assert.Equal(OrderStatus.PendingReview, (await check.Orders.SingleAsync(o => o.Id == orderId)).Status);
    }

    [Fact]
    public async Task RejectAsync_UnknownReason_Refused()
    {
        await using var a = await ReviewArrangement.CreateAsync();

        var error = await Assert.ThrowsAsync<DomainException>(async () =>
            await a.Decisions.RejectAsync(a.ReviewerA, ReviewArrangement.Actor(a.ReviewerA), await a.InputAsync(a.OrdersA[0], "no_such_reason")));

        Assert.Equal(ReviewErrors.UnknownReason.Code, error.Code);
    }

    [Fact]
    public async Task RejectAsync_TwoReasonsAndComment_StoredForTheStudentWithGuidanceInTheNotification()
    {
        await using var a = await ReviewArrangement.CreateAsync();
        var orderId = a.OrdersA[0];
        var input = (await a.InputAsync(orderId, "background_color", "glasses")) with { Comment = "  眼镜反光明显  " };

        await a.Decisions.RejectAsync(a.ReviewerA, ReviewArrangement.Actor(a.ReviewerA), input);

        await using var db = a.Services.Database.CreateDbContext();
        Assert.Equal(OrderStatus.Rejected, (await db.Orders.SingleAsync(o => o.Id == orderId)).Status);
        var decision = await db.ReviewDecisions.SingleAsync(d => d.OrderId == orderId);
        Assert.False(decision.Approved);
        Assert.Equal(["background_color", "glasses"], decision.ReasonCodes);
        Assert.Equal("眼镜反光明显", decision.Comment);
        var notification = await db.Notifications.SingleAsync();
        Assert.Equal("order.rejected", notification.Kind);
        using var payload = JsonDocument.Parse(notification.PayloadJson);
        var guidance = payload.RootElement.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("guidance").GetString()).ToList();
        Assert.Equal(2, guidance.Count);
        Assert.Contains(guidance, g => g!.Contains("28BEFA", StringComparison.Ordinal));
        Assert.Single(await db.AuditEvents.Where(e => e.Action == "order.rejected").ToListAsync());
    }

    [Fact]
    public async Task RejectAsync_AdminChangedTheBackgroundColour_TheStudentIsToldTheNewColour()
    {
        await using var a = await ReviewArrangement.CreateAsync();
        var settings = a.Services.Provider.GetRequiredService<SettingsService>();
        var values = await settings.LoadAsync();
        values.BackgroundColor = "#FFFFFF";
        await settings.SaveAsync(StaffScopes.ActorFor(StaffScopes.Admin), values);

        await a.Decisions.RejectAsync(a.ReviewerA, ReviewArrangement.Actor(a.ReviewerA), await a.InputAsync(a.OrdersA[0], "background_color"));

        await using var db = a.Services.Database.CreateDbContext();
        using var payload = JsonDocument.Parse((await db.Notifications.SingleAsync()).PayloadJson);
        var guidance = payload.RootElement.GetProperty("reasons")[0].GetProperty("guidance").GetString();
        Assert.Equal("请使用白色背景（色号 FFFFFF）重新拍摄，或使用“一键修正”替换背景。", guidance);
    }

    [Fact]
    public async Task DecideAsync_StudentWithdrewMeanwhile_RefusedAsStale()
    {
        await using var a = await ReviewArrangement.CreateAsync();
        var orderId = a.OrdersA[0];
        var seen = await a.InputAsync(orderId);
        await using (var db = a.Services.Database.CreateDbContext())
        {
            var order = await db.Orders.Include(o => o.Photos).Include(o => o.Batch).SingleAsync(o => o.Id == orderId);
            order.Withdraw(order.Batch!, PhotoCollect.Core.Common.Actor.System, Now);
            await db.SaveChangesAsync();
        }

        var error = await Assert.ThrowsAsync<DomainException>(() => a.Decisions.ApproveAsync(a.ReviewerA, ReviewArrangement.Actor(a.ReviewerA), seen));

        Assert.Equal(ReviewErrors.Stale.Code, error.Code);
        Assert.Equal("学生已撤回该订单，本次审核未保存。", error.Message);
    }

    [Fact]
    public async Task DecideAsync_StudentWithdrewAndResubmittedMeanwhile_RefusedAsStale()
    {
        await using var a = await ReviewArrangement.CreateAsync();
        var orderId = a.OrdersA[0];
        var seen = await a.InputAsync(orderId, "blurry");
        await using (var db = a.Services.Database.CreateDbContext())
        {
            // Back in 待审核 with the same photo: only the order version tells the difference.
            var order = await db.Orders.Include(o => o.Photos).Include(o => o.Batch).SingleAsync(o => o.Id == orderId);
            order.Withdraw(order.Batch!, PhotoCollect.Core.Common.Actor.System, Now);
            order.Submit(order.Batch!, PhotoCollect.Core.Common.Actor.System, Now);
            await db.SaveChangesAsync();
        }

        var error = await Assert.ThrowsAsync<DomainException>(() => a.Decisions.RejectAsync(a.ReviewerA, ReviewArrangement.Actor(a.ReviewerA), seen));

        Assert.Equal(ReviewErrors.Stale.Code, error.Code);
        Assert.Contains("重新提交", error.Message);
        await using var check = a.Services.Database.CreateDbContext();
        Assert.False(await check.ReviewDecisions.AnyAsync());
        Assert.False(await check.Notifications.AnyAsync());
    }

    [Fact]
    public async Task DecideAsync_OtherBranch_NotFound()
    {
        await using var a = await ReviewArrangement.CreateAsync();

        var error = await Assert.ThrowsAsync<DomainException>(async () =>
            await a.Decisions.ApproveAsync(a.ReviewerA, ReviewArrangement.Actor(a.ReviewerA), await a.InputAsync(a.OrderB)));
        var open = await Assert.ThrowsAsync<DomainException>(() => a.Claims.OpenAsync(a.ReviewerA, ReviewArrangement.Actor(a.ReviewerA), a.OrderB));

        Assert.Equal(OrderErrors.NotFound.Code, error.Code);
        Assert.Equal(OrderErrors.NotFound.Code, open.Code);
    }

    [Fact]
    public async Task BulkApprove_ApprovesCleanPassesOnly_EachRecordedIndividually()
    {
        await using var a = await ReviewArrangement.CreateAsync([PhotoCheckOutcome.Pass, PhotoCheckOutcome.PassWithWarnings, PhotoCheckOutcome.Pass, PhotoCheckOutcome.Pass]);
        var actor = ReviewArrangement.Actor(a.ReviewerA);
        // Another reviewer has order 3 open: not offered.
        await a.Claims.OpenAsync(a.ReviewerA2, ReviewArrangement.Actor(a.ReviewerA2), a.OrdersA[3]);

        var candidates = await a.Queue.BulkApproveCandidatesAsync(a.ReviewerA, actor, new ReviewQueueFilter());
        Assert.Equal([a.OrdersA[0], a.OrdersA[2]], candidates.Select(c => c.OrderId));

        // A forged list with the warnings order and the other branch's order: both skipped.
        var warnings = await a.InputAsync(a.OrdersA[1]);
        var otherBranch = await a.InputAsync(a.OrderB);
        var result = await a.Decisions.BulkApproveAsync(a.ReviewerA, actor,
        [
            .. candidates,
            new BulkApproveCandidate(warnings.OrderId, warnings.PhotoVersionNo, warnings.OrderVersion),
            new BulkApproveCandidate(otherBranch.OrderId, otherBranch.PhotoVersionNo, otherBranch.OrderVersion),
        ]);

        Assert.Equal(new BulkApproveResult(2, 2), result);
        await using var db = a.Services.Database.CreateDbContext();
        var statuses = await db.Orders.ToDictionaryAsync(o => o.Id, o => o.Status);
        Assert.Equal(OrderStatus.Approved, statuses[a.OrdersA[0]]);
        Assert.Equal(OrderStatus.PendingReview, statuses[a.OrdersA[1]]);
        Assert.Equal(OrderStatus.Approved, statuses[a.OrdersA[2]]);
        Assert.Equal(OrderStatus.PendingReview, statuses[a.OrdersA[3]]);
        Assert.Equal(OrderStatus.PendingReview, statuses[a.OrderB]);
        var decisions = await db.ReviewDecisions.ToListAsync();
        Assert.Equal(2, decisions.Count);
        Assert.All(decisions, d => Assert.Null(d.ReviewMilliseconds));
        Assert.Equal(2, await db.Notifications.CountAsync());
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == "order.approved"));
        Assert.Equal("批量通过 2 单，跳过 2 单", (await db.AuditEvents.SingleAsync(e => e.Action == ReviewAuditActions.BulkApproved.Code)).Details);
    }

    [Fact]
    public async Task DecideAsync_TwoReviewersAtOnce_ExactlyOneDecisionStored()
    {
        await using var database = await TestDatabase.CreateFileAsync();
        await using var a = await ReviewArrangement.CreateAsync([PhotoCheckOutcome.Pass], database: database);
        var orderId = a.OrdersA[0];
        var seen = await a.InputAsync(orderId, "blurry");

        var attempts = await Task.WhenAll(
            Task.Run(() => Attempt(() => a.Decisions.ApproveAsync(a.ReviewerA, ReviewArrangement.Actor(a.ReviewerA), seen))),
            Task.Run(() => Attempt(() => a.Decisions.RejectAsync(a.ReviewerA2, ReviewArrangement.Actor(a.ReviewerA2), seen))),
            Task.Run(() => Attempt(() => a.Decisions.ApproveAsync(StaffScopes.Admin, ReviewArrangement.Actor(StaffScopes.Admin), seen))));

        Assert.Single(attempts, e => e is null);
        Assert.All(attempts.OfType<DomainException>(), e => Assert.Equal(ReviewErrors.Stale.Code, e.Code));
        await using var db = a.Services.Database.CreateDbContext();
        Assert.Equal(1, await db.ReviewDecisions.CountAsync(d => d.OrderId == orderId));
        Assert.Equal(1, await db.Notifications.CountAsync());
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "order.approved" || e.Action == "order.rejected"));

        static async Task<DomainException?> Attempt(Func<Task> decide)
        {
            try
            {
                await decide();
                return null;
            }
            catch (DomainException error)
            {
                return error;
            }
        }
    }
}
