using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;

namespace PhotoCollect.Core.Reviews;

/// <summary>
/// Who has which order open in the workspace. Opening an order claims it for a few minutes
/// (<see cref="ReviewOptions.ClaimDuration"/>) unless another reviewer holds it; the claim row's
/// key and expiry are the database's guarantee that two reviewers never both hold one order.
/// </summary>
public sealed class ReviewClaims(
    IDbContextFactory<PhotoCollectDbContext> factory,
    IOptionsMonitor<PhotoSpec> spec,
    IOptions<ReviewOptions> options,
    TimeProvider time)
{
    /// <summary>
    /// Opens one order in the workspace and claims it for <paramref name="actor"/> unless another
    /// reviewer holds it (then the view is read-only and names them).
    /// </summary>
    public async Task<ReviewWorkspace> OpenAsync(StaffScope scope, Actor actor, long orderId, CancellationToken cancellationToken = default)
    {
        ReviewErrors.EnsureReviewer(scope);
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var order = await scope.Apply(db.Orders.AsNoTracking()).WithBatchStudentAndPhotos()
            .FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order?.CurrentPhoto is null)
        {
            throw new DomainException(OrderErrors.NotFound);
        }

        var claimedByOther = order.Status == OrderStatus.PendingReview
            ? await TryClaimAsync(db, orderId, actor, now, cancellationToken)
            : null;
        return await ReviewWorkspaceReader.ReadAsync(db, scope, order, actor.Id, claimedByOther, ReviewSpecWindows.From(spec.CurrentValue), now, cancellationToken);
    }

    /// <summary>Gives the order back to the queue (the reviewer moved on without deciding).</summary>
    public async Task ReleaseAsync(StaffScope scope, Actor actor, long orderId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.ReviewClaims
            .Where(c => c.OrderId == orderId && c.ReviewerId == actor.Id)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Claims the order unless another reviewer's claim is live; returns that reviewer's name then.</summary>
    private async Task<string?> TryClaimAsync(PhotoCollectDbContext db, long orderId, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var duration = options.Value.ClaimDuration;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var claim = await db.ReviewClaims.FirstOrDefaultAsync(c => c.OrderId == orderId, cancellationToken);
            if (claim is not null && claim.IsHeldByOther(actor.Id, now))
            {
                return claim.ReviewerName;
            }

            if (claim is null)
            {
                db.ReviewClaims.Add(new ReviewClaim { OrderId = orderId, ReviewerId = actor.Id, ReviewerName = actor.Name, ClaimedAt = now, ExpiresAt = now + duration });
            }
            else
            {
                // A lapsed claim (anyone's) or our own: take it over; our own keeps its start for the timing.
                if (claim.ReviewerId != actor.Id || claim.ExpiresAt <= now)
                {
                    claim.ClaimedAt = now;
                }

                claim.ReviewerId = actor.Id;
                claim.ReviewerName = actor.Name;
                claim.ExpiresAt = now + duration;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return null;
            }
            catch (DbUpdateException)
            {
                // Another reviewer claimed it in the same instant: read again and respect theirs.
                db.ChangeTracker.Clear();
            }
        }

        return await db.ReviewClaims.Where(c => c.OrderId == orderId).Select(c => c.ReviewerName).FirstOrDefaultAsync(cancellationToken) ?? "其他审核员";
    }
}
