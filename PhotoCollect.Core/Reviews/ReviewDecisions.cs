using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Notifications;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;

namespace PhotoCollect.Core.Reviews;

/// <summary>
/// The write side of reviewing: approve, reject with catalogue reasons, and bulk approval of
/// clean passes. A decision carries the photo version and order version the reviewer saw and is
/// refused when the order has moved on since, with the order's concurrency token as the last
/// guard; the decision, the order's transition (with its audit event), the student's
/// notification and the end of the claim are saved in one transaction.
/// </summary>
public sealed class ReviewDecisions(
    IDbContextFactory<PhotoCollectDbContext> factory,
    IOptionsMonitor<PhotoSpec> spec,
    IOptions<ReviewOptions> options,
    TimeProvider time)
{
    public const int MaxCommentLength = 500;

    private ReviewOptions Options => options.Value;

    public Task<ReviewDecisionResult> ApproveAsync(StaffScope scope, Actor actor, ReviewDecisionInput input, CancellationToken cancellationToken = default) =>
        DecideAsync(scope, actor, input, approve: true, requireCleanPass: false, cancellationToken);

    /// <summary>Rejects with at least one active catalogue reason; the student gets the reasons' guidance.</summary>
    public Task<ReviewDecisionResult> RejectAsync(StaffScope scope, Actor actor, ReviewDecisionInput input, CancellationToken cancellationToken = default) =>
        DecideAsync(scope, actor, input, approve: false, requireCleanPass: false, cancellationToken);

    /// <summary>
    /// Approves the confirmed candidates (from <see cref="ReviewQueue.BulkApproveCandidatesAsync"/>)
    /// one by one, each with its own decision, audit event and notification. Anything that is no
    /// longer a clean Pass at the same version, or that another reviewer holds, is skipped, not approved.
    /// </summary>
    public async Task<BulkApproveResult> BulkApproveAsync(StaffScope scope, Actor actor, IReadOnlyList<BulkApproveCandidate> candidates, CancellationToken cancellationToken = default)
    {
        ReviewErrors.EnsureReviewer(scope);
        var approved = 0;
        foreach (var candidate in candidates.Take(Options.BulkApproveLimit))
        {
            try
            {
                var input = new ReviewDecisionInput(candidate.OrderId, candidate.PhotoVersionNo, candidate.OrderVersion);
                await DecideAsync(scope, actor, input, approve: true, requireCleanPass: true, cancellationToken);
                approved++;
            }
            catch (DomainException)
            {
                // Stale, claimed, not found or not a clean pass: left for a person to look at.
            }
        }

        var skipped = candidates.Count - approved;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.AuditEvents.Add(AuditEvent.For(actor, time.GetUtcNow(), ReviewAuditActions.BulkApproved, "Review", "bulk", $"批量通过 {approved} 单，跳过 {skipped} 单"));
        await db.SaveChangesAsync(cancellationToken);
        return new BulkApproveResult(approved, skipped);
    }

    private async Task<ReviewDecisionResult> DecideAsync(
        StaffScope scope, Actor actor, ReviewDecisionInput input, bool approve, bool requireCleanPass, CancellationToken cancellationToken)
    {
        ReviewErrors.EnsureReviewer(scope);
        // An approval carries no reasons, whatever the dialog still had ticked.
        var codes = approve ? [] : (input.ReasonCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).ToList();
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        if (!approve && codes.Count == 0)
        {
            throw new DomainException(OrderErrors.ReasonsRequired);
        }

        if (comment is { Length: > MaxCommentLength })
        {
            throw new DomainException(ReviewErrors.CommentTooLong, MaxCommentLength);
        }

        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var order = await scope.Apply(db.Orders)
            .Include(o => o.Photos)
            .FirstOrDefaultAsync(o => o.Id == input.OrderId, cancellationToken)
            ?? throw new DomainException(OrderErrors.NotFound);

        if (order.Status != OrderStatus.PendingReview || order.CurrentPhotoVersionNo != input.PhotoVersionNo || order.Version != input.OrderVersion)
        {
            throw Stale(order);
        }

        if (requireCleanPass && order.CurrentPhoto!.Outcome != PhotoCheckOutcome.Pass)
        {
            throw new DomainException(OrderErrors.NotCleanPass);
        }

        var claim = await db.ReviewClaims.FirstOrDefaultAsync(c => c.OrderId == order.Id, cancellationToken);
        if (claim is not null && claim.IsHeldByOther(actor.Id, now))
        {
            throw new DomainException(ReviewErrors.ClaimedByOther, claim.ReviewerName);
        }

        var reasons = approve ? [] : await ActiveReasonsAsync(db, codes, cancellationToken);

        // The database compares the version the reviewer saw, not the one just read: the final guard.
        db.Entry(order).Property(o => o.Version).OriginalValue = input.OrderVersion;
        if (approve)
        {
            order.Approve(actor, now);
        }
        else
        {
            order.Reject(codes, comment, actor, now);
        }

        var decision = new ReviewDecision
        {
            OrderId = order.Id,
            PhotoVersionId = order.CurrentPhoto!.Id,
            ReviewerId = actor.Id,
            Approved = approve,
            ReasonCodes = codes,
            Comment = comment,
            DecidedAt = now,
            // Bulk approvals were not looked at one by one: no review time to count.
            ReviewMilliseconds = claim is not null && claim.ReviewerId == actor.Id && !requireCleanPass
                ? (int)Math.Clamp((now - claim.ClaimedAt).TotalMilliseconds, 0, int.MaxValue)
                : null,
        };
        db.ReviewDecisions.Add(decision);
        var studentReasons = reasons.Select(r => RejectionReasonView.From(r, spec.CurrentValue)).ToList();
        db.Notifications.Add(ReviewResultNotification.For(order, decision, studentReasons, Options.ResultTemplateId));
        if (claim is not null)
        {
            db.ReviewClaims.Remove(claim);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(ReviewErrors.Stale);
        }

        return new ReviewDecisionResult(order.Id, approve, decision.Id);
    }

    /// <summary>The chosen reasons in the order they were ticked; refused if any is unknown or retired.</summary>
    private static async Task<IReadOnlyList<RejectionReason>> ActiveReasonsAsync(PhotoCollectDbContext db, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        var found = await db.RejectionReasons.AsNoTracking()
            .Where(r => r.IsActive && codes.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, cancellationToken);
        var unknown = codes.Where(c => !found.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException(ReviewErrors.UnknownReason, string.Join("、", unknown));
        }

        return codes.Select(c => found[c]).ToList();
    }

    private static DomainException Stale(Order order) => order.Status switch
    {
        OrderStatus.Draft => new(ReviewErrors.StaleWithdrawn),
        OrderStatus.Approved or OrderStatus.Rejected => new(ReviewErrors.StaleDecided),
        OrderStatus.PendingReview => new(ReviewErrors.StaleResubmitted),
        _ => new(ReviewErrors.StaleStatus, order.Status.ToChinese()),
    };
}
