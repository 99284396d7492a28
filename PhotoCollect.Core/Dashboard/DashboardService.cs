using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;

namespace PhotoCollect.Core.Dashboard;

public sealed record DashboardFigures(
    string ScopeName,
    IReadOnlyDictionary<OrderStatus, int> OrdersByStatus,
    int TotalOrders,
    int OpenBatches,
    int SubmittedToday,
    int ApprovedToday);

/// <summary>Headline figures for the portal's first page, within the user's scope.</summary>
public sealed class DashboardService(IDbContextFactory<PhotoCollectDbContext> factory, TimeProvider time)
{
    public async Task<DashboardFigures> GetAsync(StaffScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var orders = scope.Apply(db.Orders.AsNoTracking());

        var byStatus = await orders
            .GroupBy(o => o.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var figures = Enum.GetValues<OrderStatus>().ToDictionary(s => s, s => byStatus.GetValueOrDefault(s));

        var now = time.GetUtcNow();
        var startOfToday = ChinaTime.StartOfDayUtc(now);
        var submittedToday = await orders.CountAsync(o => o.SubmittedAt >= startOfToday, cancellationToken);
        var approvedToday = await orders.CountAsync(o => o.Status == OrderStatus.Approved && o.ReviewedAt >= startOfToday, cancellationToken);
        var openBatches = await scope.Apply(db.CollectionBatches.AsNoTracking()).CountAsync(b => b.Status == BatchStatus.Open && b.ClosesAt > now, cancellationToken);

        return new DashboardFigures(await ScopeNameAsync(db, scope, cancellationToken), figures, figures.Values.Sum(), openBatches, submittedToday, approvedToday);
    }

    private static async Task<string> ScopeNameAsync(PhotoCollectDbContext db, StaffScope scope, CancellationToken cancellationToken)
    {
        if (scope.IsAdmin)
        {
            return "全部分社";
        }

        var names = new List<string>();
        if (scope.BranchId is { } branchId)
        {
            names.Add(await db.Branches.Where(b => b.Id == branchId).Select(b => b.Name).FirstOrDefaultAsync(cancellationToken) ?? "未知分社");
        }

        if (scope.SchoolId is { } schoolId)
        {
            names.Add(await db.Schools.Where(s => s.Id == schoolId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken) ?? "未知学校");
        }

        return names.Count == 0 ? "未分配分社或学校" : string.Join("、", names);
    }
}
