using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Students;

namespace PhotoCollect.Core.Reviews;

/// <summary>
/// Reads everything the workspace shows for an order already loaded (and claimed) by
/// <see cref="ReviewClaims.OpenAsync"/>: photo versions with their decisions, the student, the
/// queue neighbours and how many orders are still waiting.
/// </summary>
internal static class ReviewWorkspaceReader
{
    public static async Task<ReviewWorkspace> ReadAsync(
        PhotoCollectDbContext db, StaffScope scope, Order order, string reviewerId, string? claimedByOther, ReviewSpecWindows spec, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reasonLabels = await db.RejectionReasons.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Label, cancellationToken);
        var decisions = await db.ReviewDecisions.AsNoTracking()
            .Where(d => d.OrderId == order.Id)
            .OrderBy(d => d.DecidedAt).ThenBy(d => d.Id)
            .Select(d => new
            {
                d.PhotoVersionId, d.DecidedAt, d.Approved, d.ReasonCodes, d.Comment,
                ReviewerName = db.Users.Where(u => u.Id == d.ReviewerId).Select(u => u.DisplayName).FirstOrDefault() ?? d.ReviewerId,
            })
            .ToListAsync(cancellationToken);

        ReviewPhotoView View(PhotoVersion photo) => new(
            photo.Id, photo.VersionNo, photo.UploadedAt, photo.Source, photo.Outcome, PhotoCheckReport.ReadStored(photo.CheckReportJson),
            decisions.Where(d => d.PhotoVersionId == photo.Id)
                .Select(d => new ReviewDecisionView(d.DecidedAt, d.ReviewerName, d.Approved, d.ReasonCodes.Select(c => reasonLabels.GetValueOrDefault(c, c)).ToList(), d.Comment))
                .ToList());

        var current = order.CurrentPhoto!;
        var earlier = order.Photos.Where(p => p.VersionNo != current.VersionNo).OrderByDescending(p => p.VersionNo).Select(View).ToList();
        var pending = PendingReviews.Selection(db, scope, new ReviewQueueFilter());
        var record = order.StudentRecord!;

        return new ReviewWorkspace(
            order.Id,
            order.OrderNo,
            order.Status,
            order.Version,
            order.Batch!.Name,
            order.Batch.School!.Name,
            order.SubmissionCount,
            order.Batch.MaxSubmissions,
            order.SubmittedAt,
            new OrderStudent(
                record.Name, record.ChsiStudentId, record.IdNumberMasked, record.SchoolName, record.SchoolCode, record.StudentNo, record.Major,
                record.EducationLevel, record.EducationCategory, record.GraduationYear, record.ContactEmail, Masking.Phone(record.ContactPhone)),
            View(current),
            earlier,
            spec,
            claimedByOther,
            now,
            await NeighbourAsync(db, pending, order, reviewerId, now, next: true, cancellationToken),
            await NeighbourAsync(db, pending, order, reviewerId, now, next: false, cancellationToken),
            await pending.CountAsync(cancellationToken));
    }

    private static async Task<ReviewNeighbour?> NeighbourAsync(
        PhotoCollectDbContext db, IQueryable<Order> pending, Order order, string reviewerId, DateTimeOffset now, bool next, CancellationToken cancellationToken)
    {
        var at = order.SubmittedAt ?? order.CreatedAt;
        var id = order.Id;
        var open = pending.Where(o => o.Id != id).NotClaimedByOthers(db, reviewerId, now);
        var found = next
            ? await open.Where(o => o.SubmittedAt > at || (o.SubmittedAt == at && o.Id > id))
                .OldestFirst()
                .Select(o => new { o.Id, o.CurrentPhotoVersionNo }).FirstOrDefaultAsync(cancellationToken)
            : await open.Where(o => o.SubmittedAt < at || (o.SubmittedAt == at && o.Id < id))
                .OrderByDescending(o => o.SubmittedAt).ThenByDescending(o => o.Id)
                .Select(o => new { o.Id, o.CurrentPhotoVersionNo }).FirstOrDefaultAsync(cancellationToken);

        // At the end of the queue, start again from the oldest order still waiting.
        if (found is null && next)
        {
            found = await open.OldestFirst()
                .Select(o => new { o.Id, o.CurrentPhotoVersionNo }).FirstOrDefaultAsync(cancellationToken);
        }

        return found is { CurrentPhotoVersionNo: { } versionNo } ? new ReviewNeighbour(found.Id, versionNo) : null;
    }
}
