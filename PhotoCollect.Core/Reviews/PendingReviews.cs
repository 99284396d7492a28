using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;

namespace PhotoCollect.Core.Reviews;

/// <summary>
/// The 待审核 orders as the queue, the workspace's neighbours and bulk approval select them,
/// written once so the three can never disagree about what is waiting.
/// </summary>
internal static class PendingReviews
{
    /// <summary>Orders waiting for review in <paramref name="scope"/>, narrowed to the filter's batch and school.</summary>
    public static IQueryable<Order> Selection(PhotoCollectDbContext db, StaffScope scope, ReviewQueueFilter filter)
    {
        var orders = scope.Apply(db.Orders.AsNoTracking()).Where(o => o.Status == OrderStatus.PendingReview);
        if (filter.BatchId is { } batchId)
        {
            orders = orders.Where(o => o.BatchId == batchId);
        }

        if (filter.SchoolId is { } schoolId)
        {
            orders = orders.Where(o => o.Batch!.SchoolId == schoolId);
        }

        return orders;
    }

    /// <summary>The filter's outcome, resubmission and long-wait conditions (the counts are taken before these).</summary>
    public static IQueryable<Order> Filtered(this IQueryable<Order> orders, ReviewQueueFilter filter, DateTimeOffset longWaitBefore)
    {
        if (filter.Outcome is { } outcome)
        {
            orders = orders.Where(o => o.CurrentPhotoOutcome == outcome);
        }

        if (filter.ResubmissionsOnly)
        {
            orders = orders.Where(o => o.ReviewedPhotoVersionNo != null);
        }

        if (filter.LongWaitOnly)
        {
            orders = orders.Where(o => o.SubmittedAt <= longWaitBefore);
        }

        return orders;
    }

    /// <summary>Leaves out the orders another reviewer has open right now.</summary>
    public static IQueryable<Order> NotClaimedByOthers(this IQueryable<Order> orders, PhotoCollectDbContext db, string reviewerId, DateTimeOffset now) =>
        orders.Where(o => !db.ReviewClaims.Any(c => c.OrderId == o.Id && c.ExpiresAt > now && c.ReviewerId != reviewerId));

    /// <summary>Queue order: oldest submission first.</summary>
    public static IOrderedQueryable<Order> OldestFirst(this IQueryable<Order> orders) =>
        orders.OrderBy(o => o.SubmittedAt).ThenBy(o => o.Id);
}
