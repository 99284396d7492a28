using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Notifications;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Core.Reviews;

public sealed class ReviewServiceTests
{
    /// <summary>Two branches; orders pending review in branch A (oldest first as listed) and one in branch B.</summary>
    internal sealed class Arrangement : IAsyncDisposable
    {
        public required TestServices Services { get; init; }
        public required StaffScope ReviewerA { get; init; }
        public required StaffScope ReviewerA2 { get; init; }
        public required StaffScope ReviewerB { get; init; }
        public required int BatchA { get; init; }
        public required int SchoolA { get; init; }
        public required List<long> OrdersA { get; init; }
        public required long OrderB { get; init; }

        public ReviewService Reviews => Services.Provider.GetRequiredService<ReviewService>();

        public static Actor Actor(StaffScope scope) => PhotoCollect.Core.Common.Actor.Staff(scope.UserId, scope.UserId == "reviewer2" ? "王审核" : StaffScopes.ActorFor(scope).Name);

        public async Task<ReviewDecisionInput> InputAsync(long orderId, params string[] reasons)
        {
            await using var db = Services.Database.CreateDbContext();
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId);
            return new ReviewDecisionInput(orderId, order.CurrentPhotoVersionNo!.Value, order.Version, reasons);
        }

        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    /// <param name="outcomes">Current photo outcome of each branch-A order; a second entry in <paramref name="resubmitted"/> marks a resubmission.</param>
    internal static async Task<Arrangement> ArrangeAsync(PhotoCheckOutcome[]? outcomes = null, int[]? resubmitted = null, TestDatabase? database = null)
    {
        outcomes ??= [PhotoCheckOutcome.Pass, PhotoCheckOutcome.PassWithWarnings, PhotoCheckOutcome.Pass];
        var services = await TestServices.CreateAsync(database: database);
        await services.Provider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        await using var db = services.Database.CreateDbContext();
        var (branchA, schoolA) = await AddSchoolAsync(db, "甲分社", "甲大学");
        var (_, schoolB) = await AddSchoolAsync(db, "乙分社", "乙大学");
        var reviewerA = StaffScopes.Reviewer(branchA.Id);
        var reviewerA2 = new StaffScope("reviewer2", false, branchA.Id, null);
        var reviewerB = StaffScopes.Reviewer(schoolB.BranchId);
        await StaffScopes.AddUsersAsync(db, StaffScopes.Admin, reviewerA, reviewerB);
        db.Users.Add(new AppUser { Id = "reviewer2", UserName = "r2@test.local", Email = "r2@test.local", DisplayName = "王审核", BranchId = branchA.Id, CreatedAt = Now });

        var batchA = Batch(priceFen: 0, school: schoolA);
        var batchB = Batch(priceFen: 0, school: schoolB, featureCode: "ZZZZZZZZ");
        db.CollectionBatches.AddRange(batchA, batchB);
        await db.SaveChangesAsync();

        var ordersA = new List<long>();
        for (var i = 0; i < outcomes.Length; i++)
        {
            var order = await SavedOrderAsync(db, batchA);
            var photo = Photo(outcomes[i]);
            photo.CheckReportJson = Report(outcomes[i]).ToJson();
            order.AttachPhoto(photo, batchA, PhotoCollect.Core.Common.Actor.System, Now);
            order.Submit(batchA, PhotoCollect.Core.Common.Actor.System, Now.AddMinutes(-100 + i));
            if (resubmitted?.Contains(i) == true)
            {
                order.Reject(["blurry"], null, Arrangement.Actor(reviewerA), Now.AddMinutes(-90 + i));
                order.AttachPhoto(Photo(outcomes[i]), batchA, PhotoCollect.Core.Common.Actor.System, Now.AddMinutes(-80 + i));
                order.Resubmit(batchA, PhotoCollect.Core.Common.Actor.System, Now.AddMinutes(-70 + i));
            }

            await db.SaveChangesAsync();
            ordersA.Add(order.Id);
        }

        var orderB = await SavedOrderAsync(db, batchB);
        orderB.AttachPhoto(Photo(), batchB, PhotoCollect.Core.Common.Actor.System, Now);
        orderB.Submit(batchB, PhotoCollect.Core.Common.Actor.System, Now.AddMinutes(-200));
        await db.SaveChangesAsync();

        return new Arrangement
        {
            Services = services, ReviewerA = reviewerA, ReviewerA2 = reviewerA2, ReviewerB = reviewerB,
            BatchA = batchA.Id, SchoolA = schoolA.Id, OrdersA = ordersA, OrderB = orderB.Id,
        };
    }

    /// <summary>The record first: an order takes its student account id from the saved record.</summary>
    private static async Task<Order> SavedOrderAsync(PhotoCollect.Core.Data.PhotoCollectDbContext db, PhotoCollect.Core.Batches.CollectionBatch batch)
    {
        var record = Record();
        db.StudentRecords.Add(record);
        await db.SaveChangesAsync();
        var order = NewOrder(batch, record);
        db.Orders.Add(order);
        return order;
    }

    internal static PhotoCheckReport Report(PhotoCheckOutcome outcome) => new()
    {
        Outcome = outcome,
        Issues = outcome == PhotoCheckOutcome.Pass ? [] : [new PhotoIssue("photo.head_tilted", PhotoIssueSeverity.Warning, "头部略有倾斜。", "5.2°", "≤ 5°")],
        Measurements = new PhotoMeasurements { Width = 480, Height = 640, FileBytes = 40_000, EyeLineY = 250, CrownY = 70, FaceWidth = 220, FaceCentreX = 240 },
        Geometry = new PhotoGeometry { FaceBox = new BoxF(130, 150, 220, 240), CrownY = 70, EyeLineY = 250 },
        EngineVersion = "test",
        SpecVersion = "test",
    };

    [Fact]
    public async Task GetQueueAsync_Reviewer_OwnBranchOldestFirstWithCountsPerFilter()
    {
        await using var a = await ArrangeAsync(
            [PhotoCheckOutcome.Pass, PhotoCheckOutcome.PassWithWarnings, PhotoCheckOutcome.Pass, PhotoCheckOutcome.PassWithWarnings], resubmitted: [2]);
        a.Services.Time.Advance(TimeSpan.FromHours(30));

        var queue = await a.Reviews.GetQueueAsync(a.ReviewerA, new ReviewQueueFilter());

        // Order 2 was resubmitted later, so it waits behind the others.
        Assert.Equal([a.OrdersA[0], a.OrdersA[1], a.OrdersA[3], a.OrdersA[2]], queue.Items.Select(i => i.OrderId));
        Assert.DoesNotContain(queue.Items, i => i.OrderId == a.OrderB);
        Assert.Equal(new ReviewQueueCounts(4, 2, 2, 1, 4), queue.Counts);
        Assert.True(queue.Items.Single(i => i.OrderId == a.OrdersA[2]).IsResubmission);

        var warnings = await a.Reviews.GetQueueAsync(a.ReviewerA, new ReviewQueueFilter { Outcome = PhotoCheckOutcome.PassWithWarnings });
        Assert.Equal([a.OrdersA[1], a.OrdersA[3]], warnings.Items.Select(i => i.OrderId));
        Assert.Equal(2, warnings.TotalCount);
        var resubmissions = await a.Reviews.GetQueueAsync(a.ReviewerA, new ReviewQueueFilter { ResubmissionsOnly = true });
        Assert.Equal([a.OrdersA[2]], resubmissions.Items.Select(i => i.OrderId));
        var otherSchool = await a.Reviews.GetQueueAsync(a.ReviewerA, new ReviewQueueFilter { SchoolId = a.SchoolA + 1000 });
        Assert.Empty(otherSchool.Items);

        var admin = await a.Reviews.GetQueueAsync(StaffScopes.Admin, new ReviewQueueFilter());
        Assert.Equal(5, admin.TotalCount);
        Assert.Equal(a.OrderB, admin.Items[0].OrderId);
    }

    [Fact]
    public async Task ApproveAsync_PendingOrder_ApprovesWritesDecisionAuditAndNotification()
    {
        await using var a = await ArrangeAsync();
        var orderId = a.OrdersA[0];
        await a.Reviews.OpenAsync(a.ReviewerA, Arrangement.Actor(a.ReviewerA), orderId);
        a.Services.Time.Advance(TimeSpan.FromSeconds(3));

        await a.Reviews.ApproveAsync(a.ReviewerA, Arrangement.Actor(a.ReviewerA), await a.InputAsync(orderId));

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
        await using var a = await ArrangeAsync();
        var orderId = a.OrdersA[0];

        var error = await Assert.ThrowsAsync<DomainException>(() => a.Reviews.RejectAsync(a.ReviewerA, Arrangement.Actor(a.ReviewerA), a.InputAsync(orderId).Result));

        Assert.Equal(OrderErrors.ReasonsRequired.Code, error.Code);
        Assert.Equal("驳回时至少选择一个驳回原因。", error.Message);
        await using var db = a.Services.Database.CreateDbContext();
        Assert.Equal(OrderStatus.PendingReview, (await db.Orders.SingleAsync(o => o.Id == orderId)).Status);
        Assert.False(await db.ReviewDecisions.AnyAsync());
    }

    [Fact]
    public async Task Teacher_CannotOpenDecideOrBulkApprove_EvenForOwnSchool()
    {
        await using var a = await ArrangeAsync();
        var orderId = a.OrdersA[0];
        await using (var db = a.Services.Database.CreateDbContext())
        {
            var schoolId = await db.Orders.Where(o => o.Id == orderId).Select(o => o.Batch!.SchoolId).SingleAsync();
            var teacher = StaffScopes.Teacher(schoolId);
            var input = await a.InputAsync(orderId);

            Assert.Equal(ReviewErrors.NotReviewer, (await Assert.ThrowsAsync<DomainException>(() => a.Reviews.OpenAsync(teacher, Arrangement.Actor(teacher), orderId))).Code);
            Assert.Equal(ReviewErrors.NotReviewer, (await Assert.ThrowsAsync<DomainException>(() => a.Reviews.ApproveAsync(teacher, Arrangement.Actor(teacher), input))).Code);
            Assert.Equal(ReviewErrors.NotReviewer, (await Assert.ThrowsAsync<DomainException>(() => a.Reviews.BulkApproveAsync(teacher, Arrangement.Actor(teacher), []))).Code);
        }

        await using var check = a.Services.Database.CreateDbContext();
        Assert.Equal(OrderStatus.PendingReview, (await check.Orders.SingleAsync(o => o.Id == orderId)).Status);
    }

    [Fact]
    public async Task RejectAsync_UnknownReason_Refused()
    {
        await using var a = await ArrangeAsync();

        var error = await Assert.ThrowsAsync<DomainException>(async () =>
            await a.Reviews.RejectAsync(a.ReviewerA, Arrangement.Actor(a.ReviewerA), await a.InputAsync(a.OrdersA[0], "no_such_reason")));

        Assert.Equal(ReviewErrors.UnknownReason, error.Code);
    }

    [Fact]
    public async Task RejectAsync_TwoReasonsAndComment_StoredForTheStudentWithGuidanceInTheNotification()
    {
        await using var a = await ArrangeAsync();
        var orderId = a.OrdersA[0];
        var input = (await a.InputAsync(orderId, "background_color", "glasses")) with { Comment = "  眼镜反光明显  " };

        await a.Reviews.RejectAsync(a.ReviewerA, Arrangement.Actor(a.ReviewerA), input);

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
    public async Task DecideAsync_StudentWithdrewMeanwhile_RefusedAsStale()
    {
        await using var a = await ArrangeAsync();
        var orderId = a.OrdersA[0];
        var seen = await a.InputAsync(orderId);
        await using (var db = a.Services.Database.CreateDbContext())
        {
            var order = await db.Orders.Include(o => o.Photos).Include(o => o.Batch).SingleAsync(o => o.Id == orderId);
            order.Withdraw(order.Batch!, PhotoCollect.Core.Common.Actor.System, Now);
            await db.SaveChangesAsync();
        }

        var error = await Assert.ThrowsAsync<DomainException>(() => a.Reviews.ApproveAsync(a.ReviewerA, Arrangement.Actor(a.ReviewerA), seen));

        Assert.Equal(ReviewErrors.Stale, error.Code);
        Assert.Equal("学生已撤回该订单，本次审核未保存。", error.Message);
    }

    [Fact]
    public async Task DecideAsync_StudentWithdrewAndResubmittedMeanwhile_RefusedAsStale()
    {
        await using var a = await ArrangeAsync();
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

        var error = await Assert.ThrowsAsync<DomainException>(() => a.Reviews.RejectAsync(a.ReviewerA, Arrangement.Actor(a.ReviewerA), seen));

        Assert.Equal(ReviewErrors.Stale, error.Code);
        Assert.Contains("重新提交", error.Message);
        await using var check = a.Services.Database.CreateDbContext();
        Assert.False(await check.ReviewDecisions.AnyAsync());
        Assert.False(await check.Notifications.AnyAsync());
    }

    [Fact]
    public async Task DecideAsync_OtherBranch_NotFound()
    {
        await using var a = await ArrangeAsync();

        var error = await Assert.ThrowsAsync<DomainException>(async () =>
            await a.Reviews.ApproveAsync(a.ReviewerA, Arrangement.Actor(a.ReviewerA), await a.InputAsync(a.OrderB)));
        var open = await Assert.ThrowsAsync<DomainException>(() => a.Reviews.OpenAsync(a.ReviewerA, Arrangement.Actor(a.ReviewerA), a.OrderB));

        Assert.Equal(OrderErrors.NotFound.Code, error.Code);
        Assert.Equal(OrderErrors.NotFound.Code, open.Code);
    }

    [Fact]
    public async Task OpenAsync_ClaimsTheOrder_SecondReviewerSeesItTakenUntilTheClaimExpires()
    {
        await using var a = await ArrangeAsync();
        var orderId = a.OrdersA[0];
        var first = await a.Reviews.OpenAsync(a.ReviewerA, Arrangement.Actor(a.ReviewerA), orderId);
        Assert.Null(first.ClaimedByOther);
        Assert.True(first.CanDecide);

        var second = await a.Reviews.OpenAsync(a.ReviewerA2, Arrangement.Actor(a.ReviewerA2), orderId);
        Assert.Equal("李审核", second.ClaimedByOther);
        Assert.False(second.CanDecide);
        var refused = await Assert.ThrowsAsync<DomainException>(async () =>
            await a.Reviews.ApproveAsync(a.ReviewerA2, Arrangement.Actor(a.ReviewerA2), await a.InputAsync(orderId)));
        Assert.Equal(ReviewErrors.ClaimedByOther, refused.Code);

        // The second reviewer's queue neighbours skip the claimed order, and the queue names who has it.
        var other = await a.Reviews.OpenAsync(a.ReviewerA2, Arrangement.Actor(a.ReviewerA2), a.OrdersA[1]);
        Assert.NotEqual(orderId, other.Previous?.OrderId);
        Assert.Equal("李审核", (await a.Reviews.GetQueueAsync(a.ReviewerA2, new ReviewQueueFilter())).Items.Single(i => i.OrderId == orderId).ClaimedBy);

        a.Services.Time.Advance(TimeSpan.FromMinutes(5).Add(TimeSpan.FromSeconds(1)));
        var afterExpiry = await a.Reviews.OpenAsync(a.ReviewerA2, Arrangement.Actor(a.ReviewerA2), orderId);
        Assert.Null(afterExpiry.ClaimedByOther);
        await a.Reviews.ApproveAsync(a.ReviewerA2, Arrangement.Actor(a.ReviewerA2), await a.InputAsync(orderId));

        // Now the first reviewer's claim is gone and the order decided: their decision is stale.
        var late = await Assert.ThrowsAsync<DomainException>(() =>
            a.Reviews.ApproveAsync(a.ReviewerA, Arrangement.Actor(a.ReviewerA), new ReviewDecisionInput(orderId, 1, first.Version)));
        Assert.Equal(ReviewErrors.Stale, late.Code);
    }

    [Fact]
    public async Task ReleaseAsync_GivesTheOrderBack()
    {
        await using var a = await ArrangeAsync();
        var orderId = a.OrdersA[0];
        await a.Reviews.OpenAsync(a.ReviewerA, Arrangement.Actor(a.ReviewerA), orderId);

        await a.Reviews.ReleaseAsync(a.ReviewerA, Arrangement.Actor(a.ReviewerA), orderId);

        Assert.Null((await a.Reviews.OpenAsync(a.ReviewerA2, Arrangement.Actor(a.ReviewerA2), orderId)).ClaimedByOther);
    }

    [Fact]
    public async Task OpenAsync_ShowsReportSpecNeighboursAndEarlierVersionsWithDecisions()
    {
        await using var a = await ArrangeAsync([PhotoCheckOutcome.Pass, PhotoCheckOutcome.PassWithWarnings, PhotoCheckOutcome.Pass], resubmitted: [1]);

        var view = await a.Reviews.OpenAsync(a.ReviewerA, Arrangement.Actor(a.ReviewerA), a.OrdersA[1]);

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
    public async Task BulkApprove_ApprovesCleanPassesOnly_EachRecordedIndividually()
    {
        await using var a = await ArrangeAsync([PhotoCheckOutcome.Pass, PhotoCheckOutcome.PassWithWarnings, PhotoCheckOutcome.Pass, PhotoCheckOutcome.Pass]);
        var actor = Arrangement.Actor(a.ReviewerA);
        // Another reviewer has order 3 open: not offered.
        await a.Reviews.OpenAsync(a.ReviewerA2, Arrangement.Actor(a.ReviewerA2), a.OrdersA[3]);

        var candidates = await a.Reviews.BulkApproveCandidatesAsync(a.ReviewerA, actor, new ReviewQueueFilter());
        Assert.Equal([a.OrdersA[0], a.OrdersA[2]], candidates.Select(c => c.OrderId));

        // A forged list with the warnings order and the other branch's order: both skipped.
        var warnings = await a.InputAsync(a.OrdersA[1]);
        var otherBranch = await a.InputAsync(a.OrderB);
        var result = await a.Reviews.BulkApproveAsync(a.ReviewerA, actor,
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
        await using var a = await ArrangeAsync([PhotoCheckOutcome.Pass], database: database);
        var orderId = a.OrdersA[0];
        var seen = await a.InputAsync(orderId, "blurry");

        var attempts = await Task.WhenAll(
            Task.Run(() => Attempt(() => a.Reviews.ApproveAsync(a.ReviewerA, Arrangement.Actor(a.ReviewerA), seen))),
            Task.Run(() => Attempt(() => a.Reviews.RejectAsync(a.ReviewerA2, Arrangement.Actor(a.ReviewerA2), seen))),
            Task.Run(() => Attempt(() => a.Reviews.ApproveAsync(StaffScopes.Admin, Arrangement.Actor(StaffScopes.Admin), seen))));

        Assert.Single(attempts, e => e is null);
        Assert.All(attempts.OfType<DomainException>(), e => Assert.Equal(ReviewErrors.Stale, e.Code));
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

    [Fact]
    public async Task OpenAsync_TwoReviewersTakingOverALapsedClaimAtOnce_OnlyOneHoldsIt()
    {
        await using var database = await TestDatabase.CreateFileAsync();
        await using var a = await ArrangeAsync([PhotoCheckOutcome.Pass], database: database);
        var orderId = a.OrdersA[0];
        await a.Reviews.OpenAsync(StaffScopes.Admin, Arrangement.Actor(StaffScopes.Admin), orderId);
        a.Services.Time.Advance(TimeSpan.FromMinutes(6));

        for (var round = 0; round < 5; round++)
        {
            var views = await Task.WhenAll(
                Task.Run(() => a.Reviews.OpenAsync(a.ReviewerA, Arrangement.Actor(a.ReviewerA), orderId)),
                Task.Run(() => a.Reviews.OpenAsync(a.ReviewerA2, Arrangement.Actor(a.ReviewerA2), orderId)));

            Assert.Single(views, v => v.CanDecide);
            a.Services.Time.Advance(TimeSpan.FromMinutes(6));
        }
    }

    [Fact]
    public async Task GetStatsAsync_TodayPerReviewer_MedianTimeAndReasons()
    {
        await using var a = await ArrangeAsync([PhotoCheckOutcome.Pass, PhotoCheckOutcome.Pass, PhotoCheckOutcome.Pass, PhotoCheckOutcome.Pass]);
        var actor = Arrangement.Actor(a.ReviewerA);
        var seconds = new[] { 2, 4, 9 };
        for (var i = 0; i < 3; i++)
        {
            await a.Reviews.OpenAsync(a.ReviewerA, actor, a.OrdersA[i]);
            a.Services.Time.Advance(TimeSpan.FromSeconds(seconds[i]));
            var input = await a.InputAsync(a.OrdersA[i], i == 0 ? [] : ["blurry", "glasses"]);
            if (i == 0)
            {
                await a.Reviews.ApproveAsync(a.ReviewerA, actor, input);
            }
            else
            {
                await a.Reviews.RejectAsync(a.ReviewerA, actor, input with { ReasonCodes = i == 1 ? ["blurry", "glasses"] : ["blurry"] });
            }
        }

        await a.Reviews.OpenAsync(a.ReviewerA2, Arrangement.Actor(a.ReviewerA2), a.OrdersA[3]);
        a.Services.Time.Advance(TimeSpan.FromSeconds(1));
        await a.Reviews.ApproveAsync(a.ReviewerA2, Arrangement.Actor(a.ReviewerA2), await a.InputAsync(a.OrdersA[3]));

        var stats = await a.Reviews.GetStatsAsync(a.ReviewerA);

        Assert.Equal(new DateOnly(2026, 11, 28), stats.Day);
        var first = stats.Reviewers[0];
        Assert.Equal(("李审核", 3, 1, 2, 4.0), (first.ReviewerName, first.Decisions, first.Approved, first.Rejected, first.MedianSeconds));
        Assert.Equal(("王审核", 1, 1.0), (stats.Reviewers[1].ReviewerName, stats.Reviewers[1].Decisions, stats.Reviewers[1].MedianSeconds));
        Assert.Equal(3.0, stats.MedianSeconds);
        Assert.Equal([("blurry", "照片模糊", 2), ("glasses", "眼镜反光或有色眼镜", 1)], stats.Reasons.Select(r => (r.Code, r.Label, r.Count)));

        // The other branch sees none of it; tomorrow (China day) starts at zero.
        Assert.Empty((await a.Reviews.GetStatsAsync(a.ReviewerB)).Reviewers);
        a.Services.Time.Advance(TimeSpan.FromHours(24));
        Assert.Empty((await a.Reviews.GetStatsAsync(a.ReviewerA)).Reviewers);
    }
}
