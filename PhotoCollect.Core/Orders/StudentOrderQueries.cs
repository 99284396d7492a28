using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Core.Storage;
using PhotoCollect.Core.Students;

namespace PhotoCollect.Core.Orders;

/// <summary>
/// The student's orders read back: 我的订单, one order in full (photos, rejection guidance,
/// timeline, the actions offered) and the order's photos. Every method takes the student's
/// account id and only ever finds that student's orders: another student's order is "not
/// found", never "forbidden", so its existence does not leak.
/// </summary>
public sealed class StudentOrderQueries(IDbContextFactory<PhotoCollectDbContext> factory, IFileStore files, TimeProvider time)
{
    public async Task<IReadOnlyList<StudentOrderSummary>> ListAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.StudentAccountId == accountId)
            .Include(o => o.Batch!).ThenInclude(b => b.School)
            .Include(o => o.StudentRecord)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .ToListAsync(cancellationToken);

        var rejected = orders.Where(o => o.Status == OrderStatus.Rejected).Select(o => o.Id).ToList();
        var rejections = await LatestRejectionsAsync(db, rejected, cancellationToken);
        var now = time.GetUtcNow();
        return orders.Select(o => new StudentOrderSummary(
            o.Id,
            o.OrderNo,
            o.Status,
            o.Status.ToChinese(),
            StudentOrderGuidance.NextStep(o, o.Batch!, now),
            o.Batch!.Name,
            o.Batch.School?.Name ?? o.StudentRecord!.SchoolName,
            Masking.Name(o.StudentRecord!.Name),
            o.PriceFen,
            Money.FormatYuan(o.PriceFen),
            o.IsPaid,
            o.SubmissionCount,
            o.Batch.MaxSubmissions,
            o.CurrentPhotoOutcome,
            rejections.TryGetValue(o.Id, out var r) ? r.Reasons.Select(x => x.Label).ToList() : [],
            o.CreatedAt,
            o.UpdatedAt)).ToList();
    }

    public async Task<StudentOrderDetail> GetAsync(long accountId, long orderId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.AsNoTracking().Where(o => o.StudentAccountId == accountId).WithBatchStudentAndPhotos()
            .SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken) ?? throw new DomainException(OrderErrors.NotFound);
        var batch = order.Batch!;
        var now = time.GetUtcNow();

        var decisions = await db.ReviewDecisions.AsNoTracking()
            .Where(d => d.OrderId == order.Id)
            .OrderBy(d => d.DecidedAt).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        var catalogue = await ReasonCatalogueAsync(db, decisions.SelectMany(d => d.ReasonCodes), cancellationToken);
        var events = await db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == nameof(Order) && a.EntityId == order.OrderNo)
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);

        var lastRejection = order.Status == OrderStatus.Rejected ? decisions.LastOrDefault(d => !d.Approved) : null;
        var report = PhotoCheckReport.ReadStored(order.CurrentPhoto?.CheckReportJson);

        return new StudentOrderDetail(
            order.Id,
            order.OrderNo,
            order.Status,
            order.Status.ToChinese(),
            StudentOrderGuidance.NextStep(order, batch, now),
            FeatureCodeLookup.ToView(batch),
            StudentDetailsView.From(order.StudentRecord!),
            order.PriceFen,
            Money.FormatYuan(order.PriceFen),
            order.IsPaid,
            order.PaidAt,
            order.SubmissionCount,
            batch.MaxSubmissions,
            order.SubmissionsLeft(batch),
            report is null ? null : PhotoVerdict.From(report),
            order.CurrentPhotoVersionNo,
            lastRejection is null ? null : RejectionView.From(lastRejection, catalogue, VersionNoOf(order, lastRejection)),
            order.Photos.OrderByDescending(p => p.VersionNo).Select(p => PhotoView(order, p, decisions, catalogue)).ToList(),
            events.Select(e => new TimelineEntry(e.OccurredAt, e.Action, AuditActionText.ToChinese(e.Action), ActorText(e, accountId))).ToList(),
            StudentOrderGuidance.Actions(order, batch, now),
            order.CreatedAt,
            order.UpdatedAt,
            order.SubmittedAt,
            order.ReviewedAt);
    }

    /// <summary>Opens one photo version of the student's own order.</summary>
    public async Task<Stream> OpenPhotoAsync(long accountId, long orderId, int versionNo, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = await db.PhotoVersions.AsNoTracking()
            .Where(p => p.OrderId == orderId && p.VersionNo == versionNo && p.Order!.StudentAccountId == accountId)
            .Select(p => p.StorageKey)
            .SingleOrDefaultAsync(cancellationToken);
        if (key is null || !files.Exists(key))
        {
            throw new DomainException(OrderErrors.PhotoNotFound);
        }

        return files.OpenRead(key);
    }

    private static int VersionNoOf(Order order, ReviewDecision decision) =>
        order.Photos.FirstOrDefault(p => p.Id == decision.PhotoVersionId)?.VersionNo ?? 0;

    private static PhotoVersionView PhotoView(Order order, PhotoVersion photo, List<ReviewDecision> decisions, IReadOnlyDictionary<string, RejectionReason> catalogue)
    {
        var decision = decisions.LastOrDefault(d => d.PhotoVersionId == photo.Id);
        return new PhotoVersionView(
            photo.VersionNo,
            photo.VersionNo == order.CurrentPhotoVersionNo,
            photo.Source,
            photo.Outcome,
            photo.Outcome.ToChinese(),
            photo.UploadedAt,
            decision is null ? null : decision.Approved ? "审核通过" : "已驳回",
            decision is null || decision.Approved ? [] : decision.ReasonCodes.Select(c => RejectionReasonView.For(c, catalogue).Label).ToList());
    }

    private static async Task<Dictionary<long, RejectionView>> LatestRejectionsAsync(PhotoCollectDbContext db, List<long> orderIds, CancellationToken cancellationToken)
    {
        if (orderIds.Count == 0)
        {
            return [];
        }

        var decisions = await db.ReviewDecisions.AsNoTracking()
            .Where(d => orderIds.Contains(d.OrderId) && !d.Approved)
            .ToListAsync(cancellationToken);
        var catalogue = await ReasonCatalogueAsync(db, decisions.SelectMany(d => d.ReasonCodes), cancellationToken);
        return decisions
            .GroupBy(d => d.OrderId)
            .ToDictionary(g => g.Key, g => RejectionView.From(g.OrderBy(d => d.DecidedAt).ThenBy(d => d.Id).Last(), catalogue, 0));
    }

    private static async Task<IReadOnlyDictionary<string, RejectionReason>> ReasonCatalogueAsync(PhotoCollectDbContext db, IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<string, RejectionReason>();
        }

        return await db.RejectionReasons.AsNoTracking().Where(r => wanted.Contains(r.Code)).ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, cancellationToken);
    }

    private static string ActorText(AuditEvent e, long accountId) => e.ActorKind switch
    {
        ActorKind.Student when e.ActorId == accountId.ToString(CultureInfo.InvariantCulture) => "本人",
        ActorKind.Student => "学生",
        ActorKind.Staff => "工作人员",
        _ => "系统",
    };
}
