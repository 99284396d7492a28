using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Identity;

namespace PhotoCollect.Core.Reviews;

/// <summary>
/// The dashboard's review figures for one China calendar day, in the user's scope: decisions per
/// reviewer, the median time from opening an order to deciding it, and the rejection reasons.
/// </summary>
public sealed class ReviewStats(IDbContextFactory<PhotoCollectDbContext> factory, TimeProvider time)
{
    /// <summary>Today's figures (China calendar day).</summary>
    public async Task<ReviewDayStats> TodayAsync(StaffScope scope, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var startOfDay = ChinaTime.StartOfDayUtc(now);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var inScope = scope.Apply(db.Orders.AsNoTracking()).Select(o => o.Id);
        var today = await db.ReviewDecisions.AsNoTracking()
            .Where(d => d.DecidedAt >= startOfDay && inScope.Contains(d.OrderId))
            .Select(d => new
            {
                d.ReviewerId, d.Approved, d.ReasonCodes, d.ReviewMilliseconds,
                ReviewerName = db.Users.Where(u => u.Id == d.ReviewerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var reviewers = today
            .GroupBy(d => d.ReviewerId)
            .Select(g => new ReviewerDayStats(
                g.Key,
                g.First().ReviewerName ?? g.Key,
                g.Count(),
                g.Count(d => d.Approved),
                g.Count(d => !d.Approved),
                MedianSeconds(g.Select(d => d.ReviewMilliseconds))))
            .OrderByDescending(r => r.Decisions).ThenBy(r => r.ReviewerName, StringComparer.Ordinal)
            .ToList();

        var labels = await db.RejectionReasons.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Label, cancellationToken);
        var reasons = today.Where(d => !d.Approved)
            .SelectMany(d => d.ReasonCodes)
            .GroupBy(c => c, StringComparer.Ordinal)
            .Select(g => new ReasonCount(g.Key, labels.GetValueOrDefault(g.Key, g.Key), g.Count()))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();

        return new ReviewDayStats(ChinaTime.DayOf(now), reviewers, MedianSeconds(today.Select(d => d.ReviewMilliseconds)), reasons);
    }

    /// <summary>Median of the timed decisions in seconds (one decimal); null when none was timed.</summary>
    private static double? MedianSeconds(IEnumerable<int?> milliseconds)
    {
        var sorted = milliseconds.OfType<int>().Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        var ms = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + (double)sorted[middle]) / 2;
        return Math.Round(ms / 1000, 1);
    }
}
