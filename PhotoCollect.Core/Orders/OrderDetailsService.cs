using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Payments;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Students;

namespace PhotoCollect.Core.Orders;

/// <summary>
/// One order as staff see it: read-only for teachers and reviewers outside the review
/// workspace. Scoped like the batches; only admins may reveal the full ID number, and every
/// reveal is audited.
/// </summary>
public sealed class OrderDetailsService(IDbContextFactory<PhotoCollectDbContext> factory, PersonalDataProtector protector, TimeProvider time)
{
    public async Task<OrderDetails> GetAsync(StaffScope scope, long orderId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var order = await scope.Apply(db.Orders.AsNoTracking()).WithBatchStudentAndPhotos()
            .FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken) ?? throw NotFound();

        var photos = order.Photos.OrderByDescending(p => p.VersionNo).Select(p => new OrderPhoto(
                p.VersionNo,
                p.VersionNo == order.CurrentPhotoVersionNo,
                p.UploadedAt,
                p.Source,
                p.Outcome,
                p.SizeBytes,
                p.Width,
                p.Height,
                PhotoCheckReport.ReadStored(p.CheckReportJson)?.Issues ?? []))
            .ToList();

        var reasonLabels = await db.RejectionReasons.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Label, cancellationToken);
        var decisions = await db.ReviewDecisions.AsNoTracking()
            .Where(d => d.OrderId == orderId)
            .OrderByDescending(d => d.DecidedAt)
            .Select(d => new
            {
                d.DecidedAt, d.ReviewerId, d.Approved, VersionNo = (int?)d.PhotoVersion!.VersionNo, d.ReasonCodes, d.Comment,
                ReviewerName = db.Users.Where(u => u.Id == d.ReviewerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.OrderId == orderId)
            .OrderBy(p => p.CreatedAt)
            .Select(p => new OrderPayment(p.OutTradeNo, p.AmountFen, p.Status, p.TransactionId, p.CreatedAt, p.PaidAt))
            .ToListAsync(cancellationToken);
        var refunds = await db.Refunds.AsNoTracking()
            .Where(r => r.Payment!.OrderId == orderId)
            .OrderBy(r => r.RequestedAt)
            .Select(r => new OrderRefund(r.OutRefundNo, r.AmountFen, r.Status, r.Reason, r.RequestedAt, r.CompletedAt))
            .ToListAsync(cancellationToken);
        var timeline = await db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == nameof(Order) && a.EntityId == order.OrderNo)
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);

        return new OrderDetails(
            order.Id,
            order.OrderNo,
            order.BatchId,
            order.Batch!.Name,
            order.Batch.School!.Name,
            order.Status,
            order.SubmissionCount,
            order.Batch.MaxSubmissions,
            order.PriceFen,
            order.CreatedAt,
            order.UpdatedAt,
            order.SubmittedAt,
            order.PaidAt,
            order.ReviewedAt,
            order.ExportedAt,
            OrderStudent.From(order.StudentRecord!),
            photos,
            decisions.Select(d => new OrderDecision(
                    d.DecidedAt, d.ReviewerName ?? d.ReviewerId, d.Approved, d.VersionNo,
                    d.ReasonCodes.Select(c => reasonLabels.GetValueOrDefault(c, c)).ToList(), d.Comment))
                .ToList(),
            payments,
            refunds,
            timeline,
            scope.IsAdmin);
    }

    /// <summary>The full ID number, for admins only; writes <c>student.id_revealed</c> before returning it.</summary>
    public async Task<string> RevealIdNumberAsync(StaffScope scope, Actor actor, long orderId, CancellationToken cancellationToken = default)
    {
        if (!scope.IsAdmin)
        {
            throw new DomainException(OrderErrors.RevealForbidden);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.AsNoTracking()
            .Where(o => o.Id == orderId)
            .Select(o => new { o.OrderNo, o.StudentRecord })
            .FirstOrDefaultAsync(cancellationToken) ?? throw NotFound();

        var record = order.StudentRecord!;
        db.AuditEvents.Add(AuditEvent.For(actor, time.GetUtcNow(), OrderAuditActions.IdRevealed, nameof(Order), order.OrderNo,
            $"查看 {record.Name}（{record.IdNumberMasked}）的完整证件号"));
        await db.SaveChangesAsync(cancellationToken);
        return protector.RevealIdNumber(record);
    }

    /// <summary>The stored photo of one version, in scope; the caller streams it with <c>no-store</c>.</summary>
    public async Task<string?> PhotoKeyAsync(StaffScope scope, long orderId, int versionNo, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await scope.Apply(db.Orders.AsNoTracking())
            .Where(o => o.Id == orderId)
            .SelectMany(o => o.Photos)
            .Where(p => p.VersionNo == versionNo)
            .Select(p => p.StorageKey)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static DomainException NotFound() => new(OrderErrors.NotFound);
}
