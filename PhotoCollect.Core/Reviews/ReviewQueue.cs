using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;

namespace PhotoCollect.Core.Reviews;

/// <summary>
/// The read side of the review queue (issue 6): the paged list of 待审核 orders with the count
/// behind each filter, the filter lists, and the orders a bulk approval would take. Every query
/// is scoped, so another branch's orders never show.
/// </summary>
public sealed class ReviewQueue(IDbContextFactory<PhotoCollectDbContext> factory, IOptions<ReviewOptions> options, TimeProvider time)
{
    private ReviewOptions Options => options.Value;

    /// <summary>One page of the queue, oldest submission first, with the count behind each filter.</summary>
    public async Task<ReviewQueueResult> GetPageAsync(StaffScope scope, ReviewQueueFilter filter, int page = 0, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var longWaitBefore = now - Options.LongWait;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var selection = PendingReviews.Selection(db, scope, filter);

        var groups = await selection
            .Select(o => new
            {
                Outcome = o.CurrentPhotoOutcome,
                Resubmission = o.ReviewedPhotoVersionNo != null,
                LongWait = o.SubmittedAt <= longWaitBefore,
            })
            .GroupBy(x => new { x.Outcome, x.Resubmission, x.LongWait })
            .Select(g => new { g.Key.Outcome, g.Key.Resubmission, g.Key.LongWait, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var counts = new ReviewQueueCounts(
            groups.Sum(g => g.Count),
            groups.Where(g => g.Outcome == PhotoCheckOutcome.Pass).Sum(g => g.Count),
            groups.Where(g => g.Outcome == PhotoCheckOutcome.PassWithWarnings).Sum(g => g.Count),
            groups.Where(g => g.Resubmission).Sum(g => g.Count),
            groups.Where(g => g.LongWait).Sum(g => g.Count));

        var filtered = selection.Filtered(filter, longWaitBefore);
        var total = filter.Outcome is null && !filter.ResubmissionsOnly && !filter.LongWaitOnly
            ? counts.All
            : await filtered.CountAsync(cancellationToken);
        var take = Math.Clamp(pageSize, 1, PageRequest.MaxPageSize);
        var items = await filtered
            .OldestFirst()
            .Skip(Math.Max(0, page) * take)
            .Take(take)
            .Select(o => new ReviewQueueItem(
                o.Id,
                o.OrderNo,
                o.StudentRecord!.Name,
                o.StudentRecord.StudentNo,
                o.Batch!.Name,
                o.Batch.School!.Name,
                o.CurrentPhotoOutcome ?? PhotoCheckOutcome.Pass,
                o.SubmissionCount,
                o.ReviewedPhotoVersionNo != null,
                o.SubmittedAt ?? o.CreatedAt,
                db.ReviewClaims.Where(c => c.OrderId == o.Id && c.ExpiresAt > now && c.ReviewerId != scope.UserId).Select(c => c.ReviewerName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new ReviewQueueResult(items, total, counts);
    }

    /// <summary>Batches and schools that have orders waiting, for the queue's filter lists.</summary>
    public async Task<ReviewFilterOptions> FilterOptionsAsync(StaffScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var batchIds = scope.Apply(db.Orders.AsNoTracking()).Where(o => o.Status == OrderStatus.PendingReview).Select(o => o.BatchId).Distinct();
        var batches = await db.CollectionBatches.AsNoTracking()
            .Where(b => batchIds.Contains(b.Id))
            .OrderBy(b => b.Name)
            .Select(b => new { b.Id, b.Name, b.SchoolId, SchoolName = b.School!.Name })
            .ToListAsync(cancellationToken);
        return new ReviewFilterOptions(
            batches.Select(b => new FilterOption(b.Id, b.Name)).ToList(),
            batches.DistinctBy(b => b.SchoolId).OrderBy(b => b.SchoolName, StringComparer.Ordinal).Select(b => new FilterOption(b.SchoolId, b.SchoolName)).ToList());
    }

    /// <summary>
    /// The orders a bulk approval would take: the filter's orders whose current photo is a clean
    /// Pass (no warnings) and that no other reviewer has open. The confirmation shows their count;
    /// <see cref="ReviewDecisions.BulkApproveAsync"/> checks each again before approving it.
    /// </summary>
    public async Task<IReadOnlyList<BulkApproveCandidate>> BulkApproveCandidatesAsync(StaffScope scope, Actor actor, ReviewQueueFilter filter, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await PendingReviews.Selection(db, scope, filter)
            .Filtered(filter with { Outcome = PhotoCheckOutcome.Pass }, now - Options.LongWait)
            .NotClaimedByOthers(db, actor.Id, now)
            .OldestFirst()
            .Take(Options.BulkApproveLimit)
            .Select(o => new BulkApproveCandidate(o.Id, o.CurrentPhotoVersionNo!.Value, o.Version))
            .ToListAsync(cancellationToken);
    }
}
