using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;

namespace PhotoCollect.Core.Batches;

/// <summary>
/// Collection batches for the portal: list, details, orders table, create/edit, 特征码 and the
/// life cycle. Every method takes the caller's <see cref="StaffScope"/> and applies it in the
/// query, so a batch outside it is "not found" whatever the UI shows. Every change is audited
/// in the same save.
/// </summary>
public sealed class BatchService(IDbContextFactory<PhotoCollectDbContext> factory, FeatureCodeGenerator featureCodes, TimeProvider time)
{
    public const string EntityType = nameof(CollectionBatch);

    /// <summary>Orders that reached the reviewer's side at least once (the progress bar's "submitted").</summary>
    private static readonly OrderStatus[] SubmittedStatuses =
        [OrderStatus.AwaitingPayment, OrderStatus.PendingReview, OrderStatus.Approved, OrderStatus.Rejected];

    private const int MaxCodeAttempts = 3;
    private const int ChartDays = 30;

    public async Task<PagedResult<BatchListItem>> ListAsync(StaffScope scope, BatchListQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var batches = scope.Apply(db.CollectionBatches.AsNoTracking());

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
            var start = ChinaStartOfDay(from);
            batches = batches.Where(b => b.ClosesAt >= start);
        }

        if (query.DeadlineTo is { } to)
        {
            var end = ChinaStartOfDay(to.AddDays(1));
            batches = batches.Where(b => b.ClosesAt < end);
        }

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
            .FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken) ?? throw NotFound();

        var byStatus = await db.Orders.AsNoTracking()
            .Where(o => o.BatchId == batchId)
            .GroupBy(o => o.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var figures = Enum.GetValues<OrderStatus>().ToDictionary(s => s, s => byStatus.GetValueOrDefault(s));

        var createdBy = batch.CreatedById is null
            ? null
            : await db.Users.Where(u => u.Id == batch.CreatedById).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);

        return new BatchDetails(
            batch,
            batch.School!.Name,
            batch.School.ChsiCode,
            batch.Branch!.Name,
            createdBy,
            figures,
            SubmittedStatuses.Sum(s => figures[s]),
            figures[OrderStatus.Approved],
            await DailySubmissionsAsync(db, batch, cancellationToken),
            PermissionsFor(scope, batch));
    }

    public async Task<PagedResult<BatchOrderRow>> ListOrdersAsync(StaffScope scope, int batchId, BatchOrderQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await scope.Apply(db.CollectionBatches).AnyAsync(b => b.Id == batchId, cancellationToken))
        {
            throw NotFound();
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

    /// <summary>Creates an open batch with a fresh 特征码.</summary>
    public async Task<CollectionBatch> CreateAsync(StaffScope scope, Actor actor, BatchInput input, CancellationToken cancellationToken = default)
    {
        input.EnsureValid();
        var priceFen = Money.YuanToFen(input.PriceYuan!.Value);

        // Two creations can draw the same unused code at once; the unique index refuses the
        // second, which then draws again.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var school = await AllowedSchoolAsync(db, scope, input.SchoolId!.Value, cancellationToken);
            var now = time.GetUtcNow();
            var batch = new CollectionBatch
            {
                Name = input.Name.Trim(),
                SchoolId = school.Id,
                BranchId = school.BranchId,
                Type = input.Type,
                FeatureCode = await featureCodes.NextUniqueAsync(db, cancellationToken),
                OpensAt = input.OpensAt,
                ClosesAt = input.ClosesAt,
                PriceFen = priceFen,
                ExpectedHeadcount = input.ExpectedHeadcount,
                MaxSubmissions = input.MaxSubmissions,
                Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
                Status = BatchStatus.Open,
                CreatedById = actor.Kind == ActorKind.Staff ? actor.Id : null,
                CreatedAt = now,
            };

            try
            {
                // The audit row needs the new id, so two saves in one transaction (inside the
                // execution strategy: SQL Server's retrying strategy refuses bare transactions).
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    db.CollectionBatches.Add(batch);
                    await db.SaveChangesAsync(ct);
                    db.AuditEvents.Add(AuditEvent.For(actor, now, BatchAuditActions.Created, EntityType, Id(batch),
                        $"{batch.Name}（{school.Name}，{batch.Type.ToChinese()}，特征码 {batch.FeatureCode}，{Money.FormatYuan(batch.PriceFen)}）"));
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }, cancellationToken);
                return batch;
            }
            catch (DbUpdateException) when (attempt < MaxCodeAttempts)
            {
                // Lost the race for this code: draw another. Any other failure is rethrown.
                if (!await CodeTakenAsync(batch.FeatureCode, cancellationToken))
                {
                    throw;
                }
            }
        }
    }

    /// <summary>Edits a batch that is not archived; <paramref name="expectedVersion"/> guards against a concurrent edit.</summary>
    public async Task<CollectionBatch> UpdateAsync(StaffScope scope, Actor actor, int batchId, Guid expectedVersion, BatchInput input, CancellationToken cancellationToken = default)
    {
        input.EnsureValid();
        var priceFen = Money.YuanToFen(input.PriceYuan!.Value);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var batch = await LoadForChangeAsync(db, scope, batchId, expectedVersion, cancellationToken);
        if (batch.Status == BatchStatus.Archived)
        {
            throw new DomainException(BatchErrors.InvalidTransition, "已归档的批次不能修改。");
        }

        var school = batch.SchoolId == input.SchoolId
            ? await db.Schools.FirstAsync(s => s.Id == batch.SchoolId, cancellationToken)
            : await AllowedSchoolAsync(db, scope, input.SchoolId!.Value, cancellationToken);
        var changes = new List<string>();
        void Track<T>(string label, T before, T after, Func<T, string> text)
        {
            if (!EqualityComparer<T>.Default.Equals(before, after))
            {
                changes.Add($"{label}：{text(before)} → {text(after)}");
            }
        }

        Track("名称", batch.Name, input.Name.Trim(), v => v);
        if (batch.SchoolId != school.Id)
        {
            var oldSchool = await db.Schools.Where(s => s.Id == batch.SchoolId).Select(s => s.Name).FirstAsync(cancellationToken);
            changes.Add($"学校：{oldSchool} → {school.Name}");
        }

        Track("采集类型", batch.Type, input.Type, v => v.ToChinese());
        Track("开始时间", batch.OpensAt, input.OpensAt, FormatTime);
        Track("截止时间", batch.ClosesAt, input.ClosesAt, FormatTime);
        Track("价格", batch.PriceFen, priceFen, Money.FormatYuan);
        Track("预计人数", batch.ExpectedHeadcount, input.ExpectedHeadcount, v => v.ToString(CultureInfo.InvariantCulture));
        Track("最多提交次数", batch.MaxSubmissions, input.MaxSubmissions, v => v.ToString(CultureInfo.InvariantCulture));
        var notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        if (notes != batch.Notes)
        {
            changes.Add("备注");
        }

        if (changes.Count == 0)
        {
            return batch;
        }

        batch.Name = input.Name.Trim();
        batch.SchoolId = school.Id;
        batch.BranchId = school.BranchId;
        batch.Type = input.Type;
        batch.OpensAt = input.OpensAt;
        batch.ClosesAt = input.ClosesAt;
        batch.PriceFen = priceFen;
        batch.ExpectedHeadcount = input.ExpectedHeadcount;
        batch.MaxSubmissions = input.MaxSubmissions;
        batch.Notes = notes;
        db.AuditEvents.Add(AuditEvent.For(actor, time.GetUtcNow(), BatchAuditActions.Updated, EntityType, Id(batch), Truncate(string.Join("；", changes))));
        await SaveAsync(db, cancellationToken);
        return batch;
    }

    /// <summary>Replaces the 特征码; the old one stops working at once (lookups go by the stored code).</summary>
    public async Task<CollectionBatch> RegenerateFeatureCodeAsync(StaffScope scope, Actor actor, int batchId, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var batch = await LoadForChangeAsync(db, scope, batchId, expectedVersion, cancellationToken);
            if (batch.Status == BatchStatus.Archived)
            {
                throw new DomainException(BatchErrors.InvalidTransition, "已归档的批次不能更换特征码。");
            }

            var old = batch.FeatureCode;
            batch.FeatureCode = await featureCodes.NextUniqueAsync(db, cancellationToken);
            db.AuditEvents.Add(AuditEvent.For(actor, time.GetUtcNow(), BatchAuditActions.FeatureCodeRegenerated, EntityType, Id(batch), $"{old} → {batch.FeatureCode}"));
            try
            {
                await SaveAsync(db, cancellationToken);
                return batch;
            }
            catch (DbUpdateException) when (attempt < MaxCodeAttempts)
            {
                // Lost the race for this code: draw another. Any other failure is rethrown.
                if (!await CodeTakenAsync(batch.FeatureCode, cancellationToken))
                {
                    throw;
                }
            }
        }
    }

    public Task<CollectionBatch> CloseAsync(StaffScope scope, Actor actor, int batchId, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(scope, actor, batchId, expectedVersion, BatchAuditActions.Closed, (b, now) => b.Close(now), cancellationToken);

    public Task<CollectionBatch> ReopenAsync(StaffScope scope, Actor actor, int batchId, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(scope, actor, batchId, expectedVersion, BatchAuditActions.Reopened, (b, now) => b.Reopen(now), cancellationToken);

    public Task<CollectionBatch> ArchiveAsync(StaffScope scope, Actor actor, int batchId, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!scope.CanArchive)
        {
            throw new DomainException(BatchErrors.Forbidden, "只有分社工作人员或管理员可以归档批次。");
        }

        return ChangeStatusAsync(scope, actor, batchId, expectedVersion, BatchAuditActions.Archived, (b, now) => b.Archive(now), cancellationToken);
    }

    public static BatchPermissions PermissionsFor(StaffScope scope, CollectionBatch batch) => new(
        CanEdit: batch.Status != BatchStatus.Archived,
        CanClose: batch.Status == BatchStatus.Open,
        CanReopen: batch.Status == BatchStatus.Closed,
        CanArchive: batch.Status == BatchStatus.Closed && scope.CanArchive,
        CanRegenerateCode: batch.Status != BatchStatus.Archived);

    private async Task<CollectionBatch> ChangeStatusAsync(
        StaffScope scope, Actor actor, int batchId, Guid expectedVersion, AuditAction action, Action<CollectionBatch, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var batch = await LoadForChangeAsync(db, scope, batchId, expectedVersion, cancellationToken);
        var now = time.GetUtcNow();
        var before = batch.Status;
        change(batch, now);
        db.AuditEvents.Add(AuditEvent.For(actor, now, action, EntityType, Id(batch), $"{batch.Name}：{before.ToChinese()} → {batch.Status.ToChinese()}"));
        await SaveAsync(db, cancellationToken);
        return batch;
    }

    private static async Task<CollectionBatch> LoadForChangeAsync(PhotoCollectDbContext db, StaffScope scope, int batchId, Guid expectedVersion, CancellationToken cancellationToken)
    {
        var batch = await scope.Apply(db.CollectionBatches).FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken) ?? throw NotFound();
        if (batch.Version != expectedVersion)
        {
            throw Stale();
        }

        return batch;
    }

    private static async Task SaveAsync(PhotoCollectDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Stale();
        }
    }

    private static async Task<Schools.School> AllowedSchoolAsync(PhotoCollectDbContext db, StaffScope scope, int schoolId, CancellationToken cancellationToken) =>
        await scope.Apply(db.Schools).FirstOrDefaultAsync(s => s.Id == schoolId && s.IsActive, cancellationToken)
        ?? throw new DomainException(BatchErrors.SchoolNotAllowed, "您不能为该学校创建或调整采集批次。");

    private async Task<bool> CodeTakenAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.CollectionBatches.AnyAsync(b => b.FeatureCode == code, cancellationToken);
    }

    /// <summary>Submissions per China day over the last 30 days of the batch (by the order's latest submission).</summary>
    private async Task<IReadOnlyList<DailyCount>> DailySubmissionsAsync(PhotoCollectDbContext db, CollectionBatch batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var last = DateOnly.FromDateTime(ChinaTime.ToChina(batch.ClosesAt < now ? batch.ClosesAt : now).DateTime);
        var first = DateOnly.FromDateTime(ChinaTime.ToChina(batch.OpensAt).DateTime);
        if (first < last.AddDays(-(ChartDays - 1)))
        {
            first = last.AddDays(-(ChartDays - 1));
        }

        if (first > last)
        {
            return [];
        }

        var from = ChinaStartOfDay(first);
        var to = ChinaStartOfDay(last.AddDays(1));
        var times = await db.Orders.AsNoTracking()
            .Where(o => o.BatchId == batch.Id && o.SubmittedAt >= from && o.SubmittedAt < to)
            .Select(o => o.SubmittedAt!.Value)
            .ToListAsync(cancellationToken);
        var byDay = times.GroupBy(t => DateOnly.FromDateTime(ChinaTime.ToChina(t).DateTime)).ToDictionary(g => g.Key, g => g.Count());
        var days = new List<DailyCount>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add(new DailyCount(day, byDay.GetValueOrDefault(day)));
        }

        return days;
    }

    private static DateTimeOffset ChinaStartOfDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();

    private static string FormatTime(DateTimeOffset value) => ChinaTime.ToChina(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Id(CollectionBatch batch) => batch.Id.ToString(CultureInfo.InvariantCulture);

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..1997] + "…";

    private static DomainException NotFound() => new(BatchErrors.NotFound, "采集批次不存在，或您无权查看。");

    private static DomainException Stale() => new(BatchErrors.Concurrency, "该批次刚被其他人修改过，请刷新页面后重试。");
}
