using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Core.Storage;
using PhotoCollect.Core.Students;
using PhotoCollect.Core.Students.Chsi;

namespace PhotoCollect.Core.Orders;

/// <summary>
/// The student's side of orders: confirm a 采集码 into an order, upload and fix photos, submit,
/// withdraw, resubmit, and read the orders back. Every method takes the student's account id
/// and only ever finds that student's orders: another student's order is "not found", never
/// "forbidden", so its existence does not leak.
/// </summary>
public sealed class StudentOrderService(
    IDbContextFactory<PhotoCollectDbContext> factory,
    ChsiCodeReader codeReader,
    PersonalDataProtector protector,
    OrderNumberGenerator orderNumbers,
    PhotoInspector inspector,
    PhotoNormalizer normalizer,
    IOptionsMonitor<PhotoSpec> spec,
    IFileStore files,
    TimeProvider time)
{
    public const string NotFoundCode = "order.not_found";
    public const string PhotoNotFoundCode = "order.photo_not_found";
    public const string ConcurrentChangeCode = "order.concurrent_change";

    /// <summary>
    /// Creates the student record (or refreshes the one this account already has for the same
    /// CHSI student) and a draft order in the batch.
    /// </summary>
    public async Task<StudentOrderDetail> ConfirmAsync(long accountId, ConfirmOrderRequest request, string? ipAddress, CancellationToken cancellationToken)
    {
        var code = FeatureCodeLookup.Normalize(request.FeatureCode);
        var (student, _) = codeReader.Resolve(request.CodeText, request.IdLast4);
        var email = ContactDetails.NormalizeEmail(request.Email);
        var phone = ContactDetails.NormalizeMobile(request.Phone);
        var actor = Actor.Student(accountId, ipAddress);
        var now = time.GetUtcNow();

        for (var attempt = 0; ; attempt++)
        {
            var orderId = await TryConfirmAsync(accountId, code, request.CollectionType, student, email, phone, actor, now, cancellationToken);
            if (orderId is { } id)
            {
                return await GetAsync(accountId, id, cancellationToken);
            }

            if (attempt > 0)
            {
                throw new DomainException(ConcurrentChangeCode, "订单刚刚发生了变化（可能在另一台设备上操作过），请刷新后重试。");
            }
        }
    }

    /// <summary>The new order's id, or null when a concurrent confirmation created the same student record first (try again).</summary>
    private async Task<long?> TryConfirmAsync(long accountId, string code, CollectionType type, ChsiStudent student, string email, string phone, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var batch = await FeatureCodeLookup.FindBatchAsync(db.CollectionBatches, code, type, cancellationToken);
        batch.EnsureAcceptsSubmissions(now);
        await EnsureNoLiveOrderAsync(db, batch.Id, student.ChsiStudentId, accountId, cancellationToken);

        var record = await db.StudentRecords.SingleOrDefaultAsync(r => r.StudentAccountId == accountId && r.ChsiStudentId == student.ChsiStudentId, cancellationToken);
        if (record is null)
        {
            record = new StudentRecord
            {
                StudentAccountId = accountId,
                ChsiStudentId = student.ChsiStudentId,
                Name = student.Name,
                IdNumberCipher = "",
                IdNumberIndex = "",
                IdNumberMasked = "",
                SchoolName = student.SchoolName,
                CreatedAt = now,
            };
            db.StudentRecords.Add(record);
        }

        // The latest code is the truth: 学信网 may have corrected a detail since the last confirmation.
        record.Name = student.Name;
        protector.SetIdNumber(record, student.IdNumber);
        record.SchoolName = student.SchoolName;
        record.SchoolCode = student.SchoolCode;
        record.StudentNo = student.StudentNo;
        record.Major = student.Major;
        record.EducationLevel = student.EducationLevel;
        record.EducationCategory = student.EducationCategory;
        record.GraduationYear = student.GraduationYear;
        record.ContactEmail = email;
        record.ContactPhone = phone;

        var order = Order.Create(orderNumbers.Next(), batch, record, actor, now);
        db.Orders.Add(order);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent request won the race: for the same batch the live-order index says so;
            // otherwise it created this account's record for the student, which the next attempt reuses.
            await using var check = await factory.CreateDbContextAsync(cancellationToken);
            await EnsureNoLiveOrderAsync(check, batch.Id, student.ChsiStudentId, accountId, cancellationToken);
            return null;
        }

        return order.Id;

    }

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
        var reasons = await LatestRejectionsAsync(db, rejected, cancellationToken);
        return orders.Select(o => new StudentOrderSummary(
            o.Id,
            o.OrderNo,
            o.Status,
            o.Status.ToChinese(),
            NextStep(o, o.Batch!),
            o.Batch!.Name,
            o.Batch.School?.Name ?? o.StudentRecord!.SchoolName,
            Masking.Name(o.StudentRecord!.Name),
            o.PriceFen,
            Money.FormatYuan(o.PriceFen),
            o.IsPaid,
            o.SubmissionCount,
            o.Batch.MaxSubmissions,
            o.CurrentPhotoOutcome,
            reasons.TryGetValue(o.Id, out var r) ? r.Reasons.Select(x => x.Label).ToList() : [],
            o.CreatedAt,
            o.UpdatedAt)).ToList();
    }

    public async Task<StudentOrderDetail> GetAsync(long accountId, long orderId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var order = await OwnedOrders(db, accountId).AsNoTracking()
            .Include(o => o.StudentRecord)
            .AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken) ?? throw NotFound();
        var batch = order.Batch!;

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
        var record = order.StudentRecord!;
        var current = order.CurrentPhoto;
        var submissionsLeft = Math.Max(0, batch.MaxSubmissions - order.SubmissionCount);

        return new StudentOrderDetail(
            order.Id,
            order.OrderNo,
            order.Status,
            order.Status.ToChinese(),
            NextStep(order, batch),
            FeatureCodeLookup.ToView(batch),
            new StudentDetailsView(
                Masking.Name(record.Name),
                record.IdNumberMasked,
                record.StudentNo,
                record.SchoolName,
                record.Major,
                record.EducationLevel,
                record.EducationCategory,
                record.GraduationYear,
                record.ContactEmail,
                record.ContactPhone is null ? null : Masking.Phone(record.ContactPhone)),
            order.PriceFen,
            Money.FormatYuan(order.PriceFen),
            order.IsPaid,
            order.PaidAt,
            order.SubmissionCount,
            batch.MaxSubmissions,
            submissionsLeft,
            current?.CheckReportJson is { } json && PhotoCheckReport.FromJson(json) is { } report ? PhotoVerdict.From(report) : null,
            order.CurrentPhotoVersionNo,
            lastRejection is null ? null : ToRejection(lastRejection, order, catalogue),
            order.Photos.OrderByDescending(p => p.VersionNo).Select(p =>
            {
                var decision = decisions.LastOrDefault(d => d.PhotoVersionId == p.Id);
                return new PhotoVersionView(
                    p.VersionNo,
                    p.VersionNo == order.CurrentPhotoVersionNo,
                    p.Source,
                    p.Outcome,
                    p.Outcome.ToChinese(),
                    p.UploadedAt,
                    decision is null ? null : decision.Approved ? "审核通过" : "已驳回",
                    decision is null || decision.Approved ? [] : decision.ReasonCodes.Select(c => catalogue.GetValueOrDefault(c)?.Label ?? c).ToList());
            }).ToList(),
            events.Select(e => new TimelineEntry(e.OccurredAt, e.Action, AuditActionText.ToChinese(e.Action), ActorText(e, accountId))).ToList(),
            Actions(order, batch),
            order.CreatedAt,
            order.UpdatedAt,
            order.SubmittedAt,
            order.ReviewedAt);
    }

    /// <summary>
    /// Inspects the photo and, only if nothing blocks it, stores it as the order's new current
    /// version. The verdict comes back either way.
    /// </summary>
    public async Task<PhotoUploadResult> UploadPhotoAsync(long accountId, long orderId, byte[] bytes, PhotoSource source, string? ipAddress, CancellationToken cancellationToken)
    {
        if (source == PhotoSource.Staff)
        {
            source = PhotoSource.Album;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var order = await OwnedOrders(db, accountId).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken) ?? throw NotFound();
        EnsurePhotoChangeable(order);

        var report = inspector.Inspect(bytes, spec.CurrentValue);
        var verdict = PhotoVerdict.From(report);
        if (report.HasBlockingIssue)
        {
            return new PhotoUploadResult(false, null, verdict, "照片不合格，未保存：请按提示重新拍摄或选择照片，也可以试试“一键修正”。");
        }

        var now = time.GetUtcNow();
        StoredFile stored;
        using (var content = new MemoryStream(bytes, writable: false))
        {
            stored = await files.PutAsync(content, "jpg", cancellationToken);
        }

        var photo = new PhotoVersion
        {
            StorageKey = stored.Key,
            Sha256 = stored.Sha256,
            SizeBytes = stored.Length,
            Width = report.Measurements.Width,
            Height = report.Measurements.Height,
            Source = source,
            CheckReportJson = report.ToJson(),
            Outcome = report.Outcome,
            UploadedAt = now,
        };
        order.AttachPhoto(photo, Actor.Student(accountId, ipAddress), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Only a concurrent change can fail here: the order's version token, or another upload taking the same version number.
            await DeleteIfUnreferencedAsync(stored.Key);
            throw ConcurrentChange();
        }

        return new PhotoUploadResult(
            true,
            photo.VersionNo,
            verdict,
            report.Outcome == PhotoCheckOutcome.Pass ? "照片合格，已保存。" : "照片合格（有提示），已保存：可以提交，也可以按提示换一张更好的照片。");
    }

    /// <summary>一键修正: reframes and re-backgrounds the photo; nothing is stored until the student uploads the result.</summary>
    public async Task<PhotoFixView> FixPhotoAsync(long accountId, long orderId, byte[] bytes, CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var order = await OwnedOrders(db, accountId).AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken) ?? throw NotFound();
            EnsurePhotoChangeable(order);
        }

        var result = normalizer.Fix(bytes, spec.CurrentValue);
        if (!result.Succeeded)
        {
            var refusal = result.Refusal!;
            throw new DomainException(refusal.Code, refusal.Message);
        }

        return new PhotoFixView(result.Jpeg!, PhotoVerdict.From(result.Report!));
    }

    public Task<StudentOrderDetail> SubmitAsync(long accountId, long orderId, string? ipAddress, CancellationToken cancellationToken) =>
        ChangeAsync(accountId, orderId, (order, batch, actor, now) => order.Submit(batch, actor, now), ipAddress, cancellationToken);

    public Task<StudentOrderDetail> ResubmitAsync(long accountId, long orderId, string? ipAddress, CancellationToken cancellationToken) =>
        ChangeAsync(accountId, orderId, (order, batch, actor, now) => order.Resubmit(batch, actor, now), ipAddress, cancellationToken);

    public Task<StudentOrderDetail> WithdrawAsync(long accountId, long orderId, string? ipAddress, CancellationToken cancellationToken) =>
        ChangeAsync(accountId, orderId, (order, _, actor, now) => order.Withdraw(actor, now), ipAddress, cancellationToken);

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
            throw new DomainException(PhotoNotFoundCode, "没有找到这张照片。");
        }

        return files.OpenRead(key);
    }

    private async Task<StudentOrderDetail> ChangeAsync(long accountId, long orderId, Action<Order, CollectionBatch, Actor, DateTimeOffset> change, string? ipAddress, CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var order = await OwnedOrders(db, accountId).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken) ?? throw NotFound();
            change(order, order.Batch!, Actor.Student(accountId, ipAddress), time.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw ConcurrentChange();
            }
        }

        return await GetAsync(accountId, orderId, cancellationToken);
    }

    private static IQueryable<Order> OwnedOrders(PhotoCollectDbContext db, long accountId) =>
        db.Orders.Where(o => o.StudentAccountId == accountId)
            .Include(o => o.Batch!).ThenInclude(b => b.School)
            .Include(o => o.Photos);

    private static void EnsurePhotoChangeable(Order order)
    {
        order.Batch!.EnsureNotArchived();
        if (order.Status is not (OrderStatus.Draft or OrderStatus.Rejected))
        {
            throw new DomainException(OrderErrors.PhotoLocked, order.Status == OrderStatus.PendingReview
                ? "订单正在审核中，不能更换照片：如需修改，请先撤回订单。"
                : $"订单当前状态为“{order.Status.ToChinese()}”，不能更换照片。");
        }
    }

    private static async Task EnsureNoLiveOrderAsync(PhotoCollectDbContext db, int batchId, string chsiStudentId, long accountId, CancellationToken cancellationToken)
    {
        var live = await db.Orders.AsNoTracking()
            .Where(o => o.BatchId == batchId && o.ChsiStudentId == chsiStudentId && o.Status != OrderStatus.Cancelled && o.Status != OrderStatus.Refunded)
            .Select(o => new { o.OrderNo, o.StudentAccountId })
            .FirstOrDefaultAsync(cancellationToken);
        if (live is null)
        {
            return;
        }

        throw new DomainException(OrderErrors.DuplicateLiveOrder, live.StudentAccountId == accountId
            ? $"你已在本批次创建过订单（订单号 {live.OrderNo}），请在“我的订单”中继续，不需要重复提交。"
            : "该学生在本批次已有订单（由另一个微信账号创建）。如果不是本人操作，请联系老师或分社处理。");
    }

    private static string NextStep(Order order, CollectionBatch batch)
    {
        var left = batch.MaxSubmissions - order.SubmissionCount;
        return order.Status switch
        {
            OrderStatus.Draft when order.CurrentPhotoVersionNo is null => "请上传符合要求的证件照。",
            OrderStatus.Draft when left <= 0 => $"已达到本批次最多提交次数（{batch.MaxSubmissions} 次），请联系老师或分社处理。",
            OrderStatus.Draft => "照片已合格，请提交订单。",
            OrderStatus.AwaitingPayment => "请完成支付，支付成功后进入审核。",
            OrderStatus.PendingReview => "照片审核中，请耐心等待审核结果；如需更换照片，可以先撤回订单。",
            OrderStatus.Approved => "照片审核通过，无需其他操作。",
            OrderStatus.Rejected when left <= 0 => $"照片未通过审核，且已达到最多提交次数（{batch.MaxSubmissions} 次），请联系老师或分社处理。",
            OrderStatus.Rejected => $"照片未通过审核：请按驳回原因重新拍摄，上传新照片后重新提交（还可提交 {left} 次）。",
            OrderStatus.Cancelled => "订单已取消。",
            OrderStatus.Refunded => "订单已退款。",
            _ => "",
        };
    }

    private OrderActions Actions(Order order, CollectionBatch batch)
    {
        var left = order.SubmissionCount < batch.MaxSubmissions;
        var photoOk = order.CurrentPhoto is { Outcome: not PhotoCheckOutcome.Fail };
        var batchOpen = order.SubmissionCount > 0 || batch.AcceptsSubmissions(time.GetUtcNow());
        return new OrderActions(
            UploadPhoto: order.Status is OrderStatus.Draft or OrderStatus.Rejected,
            Submit: order.Status == OrderStatus.Draft && photoOk && left && batchOpen,
            Withdraw: order.Status == OrderStatus.PendingReview,
            Resubmit: order.Status == OrderStatus.Rejected && photoOk && left && order.CurrentPhotoVersionNo > order.ReviewedPhotoVersionNo,
            Pay: order.Status == OrderStatus.AwaitingPayment);
    }

    private static RejectionView ToRejection(ReviewDecision decision, Order order, IReadOnlyDictionary<string, RejectionReason> catalogue) => new(
        decision.ReasonCodes.Select(c => catalogue.GetValueOrDefault(c) is { } reason
            ? new RejectionReasonView(reason.Code, reason.Label, reason.Guidance)
            : new RejectionReasonView(c, "其他", "请按审核意见重新拍摄照片。")).ToList(),
        decision.Comment,
        order.Photos.FirstOrDefault(p => p.Id == decision.PhotoVersionId)?.VersionNo ?? 0,
        decision.DecidedAt);

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
            .ToDictionary(g => g.Key, g =>
            {
                var last = g.OrderBy(d => d.DecidedAt).ThenBy(d => d.Id).Last();
                return new RejectionView(
                    last.ReasonCodes.Select(c => catalogue.GetValueOrDefault(c) is { } r ? new RejectionReasonView(r.Code, r.Label, r.Guidance) : new RejectionReasonView(c, "其他", "")).ToList(),
                    last.Comment,
                    0,
                    last.DecidedAt);
            });
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

    private async Task DeleteIfUnreferencedAsync(string key)
    {
        // Identical content shares a key: keep the file if any other photo already uses it.
        await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
        if (!await db.PhotoVersions.AnyAsync(p => p.StorageKey == key))
        {
            await files.DeleteAsync(key, CancellationToken.None);
        }
    }

    private static DomainException NotFound() => new(NotFoundCode, "没有找到该订单。");

    private static DomainException ConcurrentChange() => new(ConcurrentChangeCode, "订单刚刚发生了变化（可能在另一台设备上操作过），请刷新后重试。");
}
