using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Notifications;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Students;

namespace PhotoCollect.Core.Reviews;

/// <summary>
/// The branch reviewers' work (issue 6): the queue of 待审核 orders, the workspace view with
/// claims, approve/reject, bulk approval of clean passes and the day's figures. Every query is
/// scoped (another branch's order is "not found"); a decision carries the photo version and
/// order version the reviewer saw and is refused when the order has moved on since, with the
/// order's concurrency token as the last guard.
/// </summary>
public sealed class ReviewService(
    IDbContextFactory<PhotoCollectDbContext> factory,
    IOptionsMonitor<PhotoSpec> spec,
    IOptions<ReviewOptions> options,
    TimeProvider time)
{

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private ReviewOptions Options => options.Value;

    /// <summary>One page of the queue, oldest submission first, with the count behind each filter.</summary>
    public async Task<ReviewQueueResult> GetQueueAsync(StaffScope scope, ReviewQueueFilter filter, int page = 0, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var longWaitBefore = now - Options.LongWait;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var selection = Selection(db, scope, filter);

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

        var filtered = ApplyQueueFilters(selection, filter, longWaitBefore);
        var total = filter.Outcome is null && !filter.ResubmissionsOnly && !filter.LongWaitOnly
            ? counts.All
            : await filtered.CountAsync(cancellationToken);
        var take = Math.Clamp(pageSize, 1, PageRequest.MaxPageSize);
        var items = await filtered
            .OrderBy(o => o.SubmittedAt).ThenBy(o => o.Id)
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

    /// <summary>
    /// Opens one order in the workspace and claims it for <paramref name="actor"/> unless another
    /// reviewer holds it (then the view is read-only and names them).
    /// </summary>
    public async Task<ReviewWorkspace> OpenAsync(StaffScope scope, Actor actor, long orderId, CancellationToken cancellationToken = default)
    {
        // The pages require the reviewer policy too; the service does not rely on that alone.
        ReviewErrors.EnsureReviewer(scope);
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var order = await scope.Apply(db.Orders.AsNoTracking())
            .Include(o => o.Batch).ThenInclude(b => b!.School)
            .Include(o => o.StudentRecord)
            .Include(o => o.Photos)
            .AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken) ?? throw NotFound();
        if (order.CurrentPhoto is null)
        {
            throw NotFound();
        }

        string? claimedByOther = null;
        if (order.Status == OrderStatus.PendingReview)
        {
            claimedByOther = await TryClaimAsync(db, orderId, actor, now, cancellationToken);
        }

        var reasonLabels = await db.RejectionReasons.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Label, cancellationToken);
        var decisions = await db.ReviewDecisions.AsNoTracking()
            .Where(d => d.OrderId == orderId)
            .OrderBy(d => d.DecidedAt).ThenBy(d => d.Id)
            .Select(d => new
            {
                d.PhotoVersionId, d.DecidedAt, d.Approved, d.ReasonCodes, d.Comment,
                ReviewerName = db.Users.Where(u => u.Id == d.ReviewerId).Select(u => u.DisplayName).FirstOrDefault() ?? d.ReviewerId,
            })
            .ToListAsync(cancellationToken);

        ReviewPhotoView View(PhotoVersion photo) => new(
            photo.Id, photo.VersionNo, photo.UploadedAt, photo.Source, photo.Outcome, ReadReport(photo.CheckReportJson),
            decisions.Where(d => d.PhotoVersionId == photo.Id)
                .Select(d => new ReviewDecisionView(d.DecidedAt, d.ReviewerName, d.Approved, d.ReasonCodes.Select(c => reasonLabels.GetValueOrDefault(c, c)).ToList(), d.Comment))
                .ToList());

        var current = order.CurrentPhoto;
        var earlier = order.Photos.Where(p => p.VersionNo != current.VersionNo).OrderByDescending(p => p.VersionNo).Select(View).ToList();
        var pending = scope.Apply(db.Orders.AsNoTracking()).Where(o => o.Status == OrderStatus.PendingReview);
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
            ReviewSpecWindows.From(spec.CurrentValue),
            claimedByOther,
            now,
            await NeighbourAsync(db, pending, order, actor.Id, now, next: true, cancellationToken),
            await NeighbourAsync(db, pending, order, actor.Id, now, next: false, cancellationToken),
            await pending.CountAsync(cancellationToken));
    }

    /// <summary>Gives the order back to the queue (the reviewer moved on without deciding).</summary>
    public async Task ReleaseAsync(StaffScope scope, Actor actor, long orderId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.ReviewClaims
            .Where(c => c.OrderId == orderId && c.ReviewerId == actor.Id)
            .ExecuteDeleteAsync(cancellationToken);
    }

    public Task<ReviewDecisionResult> ApproveAsync(StaffScope scope, Actor actor, ReviewDecisionInput input, CancellationToken cancellationToken = default) =>
        DecideAsync(scope, actor, input, approve: true, cancellationToken);

    /// <summary>Rejects with at least one active catalogue reason; the student gets the reasons' guidance.</summary>
    public Task<ReviewDecisionResult> RejectAsync(StaffScope scope, Actor actor, ReviewDecisionInput input, CancellationToken cancellationToken = default) =>
        DecideAsync(scope, actor, input, approve: false, cancellationToken);

    /// <summary>
    /// The orders a bulk approval would take: the filter's orders whose current photo is a clean
    /// Pass (no warnings) and that no other reviewer has open. The confirmation shows their count.
    /// </summary>
    public async Task<IReadOnlyList<BulkApproveCandidate>> BulkApproveCandidatesAsync(StaffScope scope, Actor actor, ReviewQueueFilter filter, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var clean = ApplyQueueFilters(Selection(db, scope, filter), filter with { Outcome = PhotoCheckOutcome.Pass }, now - Options.LongWait);
        return await NotClaimedByOthers(db, clean, actor.Id, now)
            .OrderBy(o => o.SubmittedAt).ThenBy(o => o.Id)
            .Take(Options.BulkApproveLimit)
            .Select(o => new BulkApproveCandidate(o.Id, o.CurrentPhotoVersionNo!.Value, o.Version))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Approves the confirmed candidates one by one, each with its own decision, audit event and
    /// notification. Anything that is no longer a clean Pass at the same version, or that another
    /// reviewer holds, is skipped, not approved.
    /// </summary>
    public async Task<BulkApproveResult> BulkApproveAsync(StaffScope scope, Actor actor, IReadOnlyList<BulkApproveCandidate> candidates, CancellationToken cancellationToken = default)
    {
        ReviewErrors.EnsureReviewer(scope);
        var approved = 0;
        foreach (var candidate in candidates.Take(Options.BulkApproveLimit))
        {
            try
            {
                await DecideAsync(scope, actor, new ReviewDecisionInput(candidate.OrderId, candidate.PhotoVersionNo, candidate.OrderVersion), approve: true, cancellationToken, requireCleanPass: true);
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

    /// <summary>
    /// The dashboard's review figures for today (China calendar day): decisions per reviewer,
    /// the median time from opening an order to deciding it, and the rejection reasons.
    /// </summary>
    public async Task<ReviewStats> GetStatsAsync(StaffScope scope, CancellationToken cancellationToken = default)
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
                Median(g.Select(d => d.ReviewMilliseconds))))
            .OrderByDescending(r => r.Decisions).ThenBy(r => r.ReviewerName, StringComparer.Ordinal)
            .ToList();

        var labels = await db.RejectionReasons.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Label, cancellationToken);
        var reasons = today.Where(d => !d.Approved)
            .SelectMany(d => d.ReasonCodes)
            .GroupBy(c => c, StringComparer.Ordinal)
            .Select(g => new ReasonCount(g.Key, labels.GetValueOrDefault(g.Key, g.Key), g.Count()))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();

        return new ReviewStats(DateOnly.FromDateTime(ChinaTime.ToChina(now).Date), reviewers, Median(today.Select(d => d.ReviewMilliseconds)), reasons);
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

    /// <summary>Active catalogue reasons in display order, for the reject dialog.</summary>
    public async Task<IReadOnlyList<RejectionReason>> ActiveReasonsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.RejectionReasons.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToListAsync(cancellationToken);
    }

    private async Task<ReviewDecisionResult> DecideAsync(
        StaffScope scope, Actor actor, ReviewDecisionInput input, bool approve, CancellationToken cancellationToken, bool requireCleanPass = false)
    {
        ReviewErrors.EnsureReviewer(scope);
        // An approval carries no reasons, whatever the dialog still had ticked.
        var codes = approve ? [] : (input.ReasonCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).ToList();
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        if (!approve && codes.Count == 0)
        {
            throw new DomainException(OrderErrors.ReasonsRequired);
        }

        if (comment is { Length: > 500 })
        {
            throw new DomainException(ReviewErrors.CommentTooLong, "备注最多 500 个字。");
        }

        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var order = await scope.Apply(db.Orders)
            .Include(o => o.Photos)
            .FirstOrDefaultAsync(o => o.Id == input.OrderId, cancellationToken) ?? throw NotFound();

        if (order.Status != OrderStatus.PendingReview || order.CurrentPhotoVersionNo != input.PhotoVersionNo || order.Version != input.OrderVersion)
        {
            throw Stale(order);
        }

        if (requireCleanPass && order.CurrentPhoto!.Outcome != PhotoCheckOutcome.Pass)
        {
            throw new DomainException(OrderErrors.InvalidTransition.Code, "只有自动检测完全合格的照片可以批量通过。");
        }

        var claim = await db.ReviewClaims.FirstOrDefaultAsync(c => c.OrderId == order.Id, cancellationToken);
        if (claim is not null && claim.IsHeldByOther(actor.Id, now))
        {
            throw new DomainException(ReviewErrors.ClaimedByOther, $"该订单正由 {claim.ReviewerName} 审核，请审核其他订单。");
        }

        Dictionary<string, RejectionReason> reasons = [];
        if (!approve)
        {
            reasons = await db.RejectionReasons.AsNoTracking().Where(r => r.IsActive && codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, cancellationToken);
            var unknown = codes.Where(c => !reasons.ContainsKey(c)).ToList();
            if (unknown.Count > 0)
            {
                throw new DomainException(ReviewErrors.UnknownReason, $"驳回原因不存在或已停用：{string.Join("、", unknown)}。请刷新页面后重新选择。");
            }
        }

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
            ReviewMilliseconds = claim is not null && claim.ReviewerId == actor.Id && !requireCleanPass
                ? (int)Math.Clamp((now - claim.ClaimedAt).TotalMilliseconds, 0, int.MaxValue)
                : null,
        };
        db.ReviewDecisions.Add(decision);
        db.Notifications.Add(ResultNotification(order, approve, codes.Select(c => reasons[c]).ToList(), comment, now));
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
            throw new DomainException(ReviewErrors.Stale, "该订单刚刚已被其他人处理或学生已修改，本次审核未保存。请刷新后重新审核。");
        }

        return new ReviewDecisionResult(order.Id, approve, decision.Id);
    }

    private Notification ResultNotification(Order order, bool approved, IReadOnlyList<RejectionReason> reasons, string? comment, DateTimeOffset now) => new()
    {
        StudentAccountId = order.StudentAccountId,
        Kind = approved ? "order.approved" : "order.rejected",
        TemplateId = Options.ResultTemplateId,
        PayloadJson = JsonSerializer.Serialize(new
        {
            orderId = order.Id,
            orderNo = order.OrderNo,
            result = approved ? "审核通过" : "审核未通过",
            reasons = reasons.Select(r => new { r.Code, r.Label, r.Guidance }),
            comment,
            decidedAt = now,
        }, PayloadJson),
        Status = NotificationStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    /// <summary>Claims the order unless another reviewer's claim is live; returns that reviewer's name then.</summary>
    private async Task<string?> TryClaimAsync(PhotoCollectDbContext db, long orderId, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var claim = await db.ReviewClaims.FirstOrDefaultAsync(c => c.OrderId == orderId, cancellationToken);
            if (claim is not null && claim.IsHeldByOther(actor.Id, now))
            {
                return claim.ReviewerName;
            }

            if (claim is null)
            {
                db.ReviewClaims.Add(new ReviewClaim { OrderId = orderId, ReviewerId = actor.Id, ReviewerName = actor.Name, ClaimedAt = now, ExpiresAt = now + Options.ClaimDuration });
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
                claim.ExpiresAt = now + Options.ClaimDuration;
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

    private static async Task<ReviewNeighbour?> NeighbourAsync(
        PhotoCollectDbContext db, IQueryable<Order> pending, Order order, string reviewerId, DateTimeOffset now, bool next, CancellationToken cancellationToken)
    {
        var at = order.SubmittedAt ?? order.CreatedAt;
        var id = order.Id;
        var open = NotClaimedByOthers(db, pending.Where(o => o.Id != id), reviewerId, now);
        var found = next
            ? await open.Where(o => o.SubmittedAt > at || (o.SubmittedAt == at && o.Id > id))
                .OrderBy(o => o.SubmittedAt).ThenBy(o => o.Id)
                .Select(o => new { o.Id, o.CurrentPhotoVersionNo }).FirstOrDefaultAsync(cancellationToken)
            : await open.Where(o => o.SubmittedAt < at || (o.SubmittedAt == at && o.Id < id))
                .OrderByDescending(o => o.SubmittedAt).ThenByDescending(o => o.Id)
                .Select(o => new { o.Id, o.CurrentPhotoVersionNo }).FirstOrDefaultAsync(cancellationToken);

        // At the end of the queue, start again from the oldest order still waiting.
        if (found is null && next)
        {
            found = await open.OrderBy(o => o.SubmittedAt).ThenBy(o => o.Id)
                .Select(o => new { o.Id, o.CurrentPhotoVersionNo }).FirstOrDefaultAsync(cancellationToken);
        }

        return found is { CurrentPhotoVersionNo: { } versionNo } ? new ReviewNeighbour(found.Id, versionNo) : null;
    }

    private static IQueryable<Order> NotClaimedByOthers(PhotoCollectDbContext db, IQueryable<Order> orders, string reviewerId, DateTimeOffset now) =>
        orders.Where(o => !db.ReviewClaims.Any(c => c.OrderId == o.Id && c.ExpiresAt > now && c.ReviewerId != reviewerId));

    private static IQueryable<Order> Selection(PhotoCollectDbContext db, StaffScope scope, ReviewQueueFilter filter)
    {
        var orders = scope.Apply(db.Orders.AsNoTracking()).Where(o => o.Status == OrderStatus.PendingReview);
        if (filter.BatchId is { } batchId)
        {
            orders = orders.Where(o => o.BatchId == batchId);
        }

        if (filter.SchoolId is { } schoolId)
        {
            orders = orders.Where(o => o.Batch!.SchoolId == schoolId);
        }

        return orders;
    }

    private static IQueryable<Order> ApplyQueueFilters(IQueryable<Order> orders, ReviewQueueFilter filter, DateTimeOffset longWaitBefore)
    {
        if (filter.Outcome is { } outcome)
        {
            orders = orders.Where(o => o.CurrentPhotoOutcome == outcome);
        }

        if (filter.ResubmissionsOnly)
        {
            orders = orders.Where(o => o.ReviewedPhotoVersionNo != null);
        }

        if (filter.LongWaitOnly)
        {
            orders = orders.Where(o => o.SubmittedAt <= longWaitBefore);
        }

        return orders;
    }

    private static double? Median(IEnumerable<int?> values)
    {
        var sorted = values.OfType<int>().Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        var ms = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + (double)sorted[middle]) / 2;
        return Math.Round(ms / 1000, 1);
    }

    private static PhotoCheckReport? ReadReport(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return PhotoCheckReport.FromJson(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DomainException Stale(Order order) => new(
        ReviewErrors.Stale,
        order.Status switch
        {
            OrderStatus.Draft => "学生已撤回该订单，本次审核未保存。",
            OrderStatus.Approved or OrderStatus.Rejected => "该订单已由其他审核员处理，本次审核未保存。",
            OrderStatus.PendingReview => "学生在您审核期间重新提交了照片，本次审核未保存。请查看新照片后重新审核。",
            _ => $"订单状态已变为“{order.Status.ToChinese()}”，本次审核未保存。",
        });

    private static DomainException NotFound() => new(OrderErrors.NotFound);
}
