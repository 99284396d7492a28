using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Students;
using PhotoCollect.Core.Students.Chsi;

namespace PhotoCollect.Core.Orders;

/// <summary>
/// The student's moves on orders: confirm a 采集码 into a draft order, submit, withdraw and
/// resubmit. The rules are the order's own (its transitions); this loads the student's own order,
/// applies the move and saves it with its audit events. Each returns the order as
/// <see cref="StudentOrderQueries.GetAsync"/> reads it.
/// </summary>
public sealed class StudentOrderCommands(
    IDbContextFactory<PhotoCollectDbContext> factory,
    ChsiCodeReader codeReader,
    PersonalDataProtector protector,
    OrderNumberGenerator orderNumbers,
    StudentOrderQueries queries,
    TimeProvider time)
{
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
                return await queries.GetAsync(accountId, id, cancellationToken);
            }

            if (attempt > 0)
            {
                throw new DomainException(OrderErrors.ConcurrentChange);
            }
        }
    }

    public Task<StudentOrderDetail> SubmitAsync(long accountId, long orderId, string? ipAddress, CancellationToken cancellationToken) =>
        ChangeAsync(accountId, orderId, (order, actor, now) => order.Submit(order.Batch!, actor, now), ipAddress, cancellationToken);

    public Task<StudentOrderDetail> ResubmitAsync(long accountId, long orderId, string? ipAddress, CancellationToken cancellationToken) =>
        ChangeAsync(accountId, orderId, (order, actor, now) => order.Resubmit(order.Batch!, actor, now), ipAddress, cancellationToken);

    public Task<StudentOrderDetail> WithdrawAsync(long accountId, long orderId, string? ipAddress, CancellationToken cancellationToken) =>
        ChangeAsync(accountId, orderId, (order, actor, now) => order.Withdraw(order.Batch!, actor, now), ipAddress, cancellationToken);

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

    private async Task<StudentOrderDetail> ChangeAsync(long accountId, long orderId, Action<Order, Actor, DateTimeOffset> change, string? ipAddress, CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var order = await db.Orders.OwnedWithBatchAndPhotos(accountId).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken)
                ?? throw new DomainException(OrderErrors.NotFound);
            change(order, Actor.Student(accountId, ipAddress), time.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new DomainException(OrderErrors.ConcurrentChange);
            }
        }

        return await queries.GetAsync(accountId, orderId, cancellationToken);
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

        throw live.StudentAccountId == accountId
            ? new DomainException(OrderErrors.DuplicateLiveOrder, live.OrderNo)
            : new DomainException(OrderErrors.DuplicateLiveOrderOtherAccount);
    }
}
