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

/// <summary>The queue (read side): scoped, oldest first, counts per filter.</summary>
public sealed class ReviewQueueTests
{
    [Fact]
    public async Task GetPageAsync_Reviewer_OwnBranchOldestFirstWithCountsPerFilter()
    {
        await using var a = await ReviewArrangement.CreateAsync(
            [PhotoCheckOutcome.Pass, PhotoCheckOutcome.PassWithWarnings, PhotoCheckOutcome.Pass, PhotoCheckOutcome.PassWithWarnings], resubmitted: [2]);
        a.Services.Time.Advance(TimeSpan.FromHours(30));

        var queue = await a.Queue.GetPageAsync(a.ReviewerA, new ReviewQueueFilter());

        // Order 2 was resubmitted later, so it waits behind the others.
        Assert.Equal([a.OrdersA[0], a.OrdersA[1], a.OrdersA[3], a.OrdersA[2]], queue.Items.Select(i => i.OrderId));
        Assert.DoesNotContain(queue.Items, i => i.OrderId == a.OrderB);
        Assert.Equal(new ReviewQueueCounts(4, 2, 2, 1, 4), queue.Counts);
        Assert.True(queue.Items.Single(i => i.OrderId == a.OrdersA[2]).IsResubmission);

        var warnings = await a.Queue.GetPageAsync(a.ReviewerA, new ReviewQueueFilter { Outcome = PhotoCheckOutcome.PassWithWarnings });
        Assert.Equal([a.OrdersA[1], a.OrdersA[3]], warnings.Items.Select(i => i.OrderId));
        Assert.Equal(2, warnings.TotalCount);
        var resubmissions = await a.Queue.GetPageAsync(a.ReviewerA, new ReviewQueueFilter { ResubmissionsOnly = true });
        Assert.Equal([a.OrdersA[2]], resubmissions.Items.Select(i => i.OrderId));
        var otherSchool = await a.Queue.GetPageAsync(a.ReviewerA, new ReviewQueueFilter { SchoolId = a.SchoolA + 1000 });
        Assert.Empty(otherSchool.Items);

        var admin = await a.Queue.GetPageAsync(StaffScopes.Admin, new ReviewQueueFilter());
        Assert.Equal(5, admin.TotalCount);
        Assert.Equal(a.OrderB, admin.Items[0].OrderId);
    }
}
