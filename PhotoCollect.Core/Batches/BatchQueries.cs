using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;

namespace PhotoCollect.Core.Batches;

/// <summary>
/// The portal's read side of collection batches: the list with progress, a batch's figures and
/// chart, its orders table and what the user may do with it. Every method applies the caller's
/// <see cref="StaffScope"/> in the query, so a batch outside it is "not found" whatever the UI shows.
/// </summary>
public sealed class BatchQueries(IDbContextFactory<PhotoCollectDbContext> factory, TimeProvider time)
{
    /// <summary>Orders that reached the reviewer's side at least once (the progress bar's "submitted").</summary>
    private static readonly OrderStatus[] SubmittedStatuses =
        [OrderStatus.AwaitingPayment, OrderStatus.PendingReview, OrderStatus.Approved, OrderStatus.Rejected];

    private const int ChartDays = 30;

    /// <summary>A page of the batches the user can see, filtered and sorted, with each row's progress.</summary>
    public async Task<PagedResult<BatchListItem>> ListAsync(StaffScope scope, BatchListQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var batches = Filter(scope.Apply(db.CollectionBatches.AsNoTracking()), query);
        var total = await batches.CountAsync(cancellationToken);
        var page = query.Page;
        var sorted = (page.SortBy, page.Descending) switch
        {
            (BatchSort.Name, false) => batches.OrderBy(b => b.Name),
            (BatchSort.Name, true) => batches.OrderByDescending(b => b.Name),
            (BatchSort.School, false) => batches.OrderBy(b => b.School!.Name),
            (BatchSort.School, true) => batches.OrderByDescending(b => b.School!.Name),
            (BatchSort.ClosesAt, false) => batches.OrderBy(b => b.ClosesAt),
            (BatchSort.ClosesAt, true) => batches.OrderByDescending(b => b.ClosesAt),
            (BatchSort.Status, false) => batches.OrderBy(b => b.Status),
            (BatchSort.Status, true) => batches.OrderByDescending(b => b.Status),
            (BatchSort.CreatedAt, false) => batches.OrderBy(b => b.CreatedAt),
            _ => batches.OrderByDescending(b => b.CreatedAt),
        };

        var rows = await sorted.ThenByDescending(b => b.Id)
            .Skip(page.Skip).Take(page.Take)
            .Select(b => new
            {
                b.Id, b.Name, b.FeatureCode, SchoolName = b.School!.Name, BranchName = b.Branch!.Name, b.Type, b.Status,
                b.OpensAt, b.ClosesAt, b.PriceFen, b.ExpectedHeadcount,
            })
            .ToListAsync(cancellationToken);

        // Progress for the page only: one grouped query over the (BatchId, Status) index.
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.Orders.AsNoTracking()
            .Where(o => ids.Contains(o.BatchId))
            .GroupBy(o => new { o.BatchId, o.Status })
            .Select(g => new { g.Key.BatchId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var items = rows.Select(r => new BatchListItem(
                r.Id, r.Name, r.FeatureCode, r.SchoolName, r.BranchName, r.Type, r.Status, r.OpensAt, r.ClosesAt, r.PriceFen, r.ExpectedHeadcount,
                counts.Where(c => c.BatchId == r.Id && SubmittedStatuses.Contains(c.Status)).Sum(c => c.Count),
                counts.Where(c => c.BatchId == r.Id && c.Status == OrderStatus.Approved).Sum(c => c.Count)))
            .ToList();
        return new PagedResult<BatchListItem>(items, total);
    }

    /// <summary>The batch with its figures, or <see cref="BatchErrors.NotFound"/> outside the scope.</summary>
    public async Task<BatchDetails> GetAsync(StaffScope scope, int batchId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var batch = await scope.Apply(db.CollectionBatches.AsNoTracking())
            .Include(b => b.School).Include(b => b.Branch)
            .FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken) ?? throw new DomainException(BatchErrors.NotFound);

        var byStatus = await db.Orders.AsNoTracking()
            .Where(o => o.BatchId == batchId)
            .GroupBy(o => o.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var figures = Enum.GetValues<OrderStatus>().ToDictionary(s => s, s => byStatus.GetValueOrDefault(s));

        var createdBy = batch.CreatedById is null
            ? null
            : await db.Users.Where(u => u.Id == batch.CreatedById).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);

        var now = time.GetUtcNow();
        return new BatchDetails(
            batch,
            batch.School!.Name,
            batch.School.ChsiCode,
            batch.Branch!.Name,
            createdBy,
            figures,
            SubmittedStatuses.Sum(s => figures[s]),
            figures[OrderStatus.Approved],
            await DailySubmissionsAsync(db, batch, now, cancellationToken),
            PermissionsFor(scope, batch, now));
    }

    /// <summary>A page of one batch's orders; the ID number only in its masked form.</summary>
    public async Task<PagedResult<BatchOrderRow>> ListOrdersAsync(StaffScope scope, int batchId, BatchOrderQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await scope.Apply(db.CollectionBatches).AnyAsync(b => b.Id == batchId, cancellationToken))
        {
            throw new DomainException(BatchErrors.NotFound);
        }

        var orders = db.Orders.AsNoTracking().Where(o => o.BatchId == batchId);
        if (query.Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            var orderNo = text.ToUpperInvariant();
            orders = orders.Where(o => o.OrderNo == orderNo || o.StudentRecord!.Name.Contains(text) || o.StudentRecord.StudentNo == text);
        }

        var total = await orders.CountAsync(cancellationToken);
        var page = query.Page;
        var sorted = (page.SortBy, page.Descending) switch
        {
            (BatchOrderSort.OrderNo, false) => orders.OrderBy(o => o.OrderNo),
            (BatchOrderSort.OrderNo, true) => orders.OrderByDescending(o => o.OrderNo),
            (BatchOrderSort.StudentName, false) => orders.OrderBy(o => o.StudentRecord!.Name),
            (BatchOrderSort.StudentName, true) => orders.OrderByDescending(o => o.StudentRecord!.Name),
            (BatchOrderSort.Status, false) => orders.OrderBy(o => o.Status),
            (BatchOrderSort.Status, true) => orders.OrderByDescending(o => o.Status),
            (BatchOrderSort.Submissions, false) => orders.OrderBy(o => o.SubmissionCount),
            (BatchOrderSort.Submissions, true) => orders.OrderByDescending(o => o.SubmissionCount),
            (BatchOrderSort.UpdatedAt, false) => orders.OrderBy(o => o.UpdatedAt),
            _ => orders.OrderByDescending(o => o.UpdatedAt),
        };

        var items = await sorted.ThenByDescending(o => o.Id)
            .Skip(page.Skip).Take(page.Take)
            .Select(o => new BatchOrderRow(
                o.Id, o.OrderNo, o.StudentRecord!.Name, o.StudentRecord.StudentNo, o.StudentRecord.IdNumberMasked, o.Status, o.SubmissionCount, o.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<BatchOrderRow>(items, total);
    }

    /// <summary>Schools the user may create batches for (active ones only).</summary>
    public async Task<IReadOnlyList<SchoolOption>> SchoolsForAsync(StaffScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await scope.Apply(db.Schools.AsNoTracking())
            .Where(s => s.IsActive)
            .OrderBy(s => s.Name)
            .Select(s => new SchoolOption(s.Id, s.Name, s.Branch!.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Which buttons the batch page shows: the batch's own rules (the ones its transitions check)
    /// plus the one rule about people, that archiving is for branch staff and admins.
    /// </summary>
    public static BatchPermissions PermissionsFor(StaffScope scope, CollectionBatch batch, DateTimeOffset now) => new(
        CanEdit: batch.CanEdit(),
        CanClose: batch.CanClose(),
        CanReopen: batch.CanReopen(now),
        CanArchive: batch.CanArchive() && scope.CanArchive,
        CanRegenerateCode: batch.CanRegenerateFeatureCode());

    private static IQueryable<CollectionBatch> Filter(IQueryable<CollectionBatch> batches, BatchListQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            var code = FeatureCodeGenerator.Normalize(text);
            batches = batches.Where(b => b.Name.Contains(text) || b.FeatureCode == code);
        }

        if (query.SchoolId is { } schoolId)
        {
            batches = batches.Where(b => b.SchoolId == schoolId);
        }

        if (query.BranchId is { } branchId)
        {
            batches = batches.Where(b => b.BranchId == branchId);
        }

        if (query.Type is { } type)
        {
            batches = batches.Where(b => b.Type == type);
        }

        if (query.Status is { } status)
        {
            batches = batches.Where(b => b.Status == status);
        }

        if (query.DeadlineFrom is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            batches = batches.Where(b => b.ClosesAt >= start);
        }

        if (query.DeadlineTo is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            batches = batches.Where(b => b.ClosesAt < end);
        }

        return batches;
    }

    /// <summary>Submissions per China day over the last 30 days of the batch (by the order's latest submission).</summary>
    private static async Task<IReadOnlyList<DailyCount>> DailySubmissionsAsync(PhotoCollectDbContext db, CollectionBatch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var last = ChinaTime.DayOf(batch.ClosesAt < now ? batch.ClosesAt : now);
        var first = ChinaTime.DayOf(batch.OpensAt);
        if (first < last.AddDays(-(ChartDays - 1)))
        {
            first = last.AddDays(-(ChartDays - 1));
        }

        if (first > last)
        {
            return [];
        }

        var from = ChinaTime.StartOfDayUtc(first);
        var to = ChinaTime.StartOfDayUtc(last.AddDays(1));
        var times = await db.Orders.AsNoTracking()
            .Where(o => o.BatchId == batch.Id && o.SubmittedAt >= from && o.SubmittedAt < to)
            .Select(o => o.SubmittedAt!.Value)
            .ToListAsync(cancellationToken);
        var byDay = times.GroupBy(ChinaTime.DayOf).ToDictionary(g => g.Key, g => g.Count());
        var days = new List<DailyCount>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add(new DailyCount(day, byDay.GetValueOrDefault(day)));
        }

        return days;
    }
}
