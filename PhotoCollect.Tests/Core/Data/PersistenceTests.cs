using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Exports;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Notifications;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Payments;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Core.Settings;
using PhotoCollect.Core.Students;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Core.Data;

public sealed class PersistenceTests : IAsyncLifetime
{
    private const string IdNumber = "11010519491231002X";
    private TestDatabase _database = null!;
    private readonly PersonalDataProtector _protector = TestKeys.Protector();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>Saves one of every entity, linked as in real use; returns the order id.</summary>
    private async Task<long> SaveFullGraphAsync()
    {
        await using var db = _database.CreateDbContext();
        var (branch, school) = await AddSchoolAsync(db);
        school.ChsiCode = "10001";
        var reviewer = new AppUser { UserName = "r@x.cn", Email = "r@x.cn", DisplayName = "审核员", BranchId = branch.Id, CreatedAt = Now };
        db.Users.Add(reviewer);
        var batch = Batch(priceFen: 3000, school: school, createdBy: Actor.Staff(reviewer.Id, reviewer.DisplayName));
        db.CollectionBatches.Add(batch);
        db.RejectionReasons.AddRange(RejectionReasonCatalogue.CreateStandard());
        await db.SaveChangesAsync();

        var record = Record(_protector, IdNumber);
        record.Major = "软件工程";
        record.ContactEmail = "s@example.com";
        db.StudentRecords.Add(record);
        await db.SaveChangesAsync();

        var student = Actor.Student(record.StudentAccountId);
        var order = Order.Create("PC20261128ROUNDTRP", batch, record, student, Now);
        db.Orders.Add(order);
        order.AttachPhoto(new PhotoVersion
        {
            StorageKey = new string('b', 64) + ".jpg",
            Sha256 = new string('b', 64),
            SizeBytes = 41_000,
            Width = 480,
            Height = 640,
            Source = PhotoSource.Camera,
            CheckReportJson = "{\"outcome\":\"Pass\"}",
            Outcome = PhotoCheckOutcome.Pass,
            UploadedAt = Now,
        }, batch, student, Now);
        order.Submit(batch, student, Now);
        var payment = new Payment { Order = order, OutTradeNo = order.OrderNo, AmountFen = 3000, PrepayId = "wx123", TransactionId = "4200000001", Status = PaymentStatus.Paid, CreatedAt = Now, PaidAt = Now };
        db.Payments.Add(payment);
        order.ConfirmPayment(3000, Actor.System, Now);
        order.Reject(["background_color", "crown_space"], "请重拍", Actor.Staff(reviewer.Id, "审核员"), Now);
        db.ReviewDecisions.Add(new ReviewDecision { Order = order, PhotoVersion = order.CurrentPhoto, ReviewerId = reviewer.Id, Approved = false, ReasonCodes = ["background_color", "crown_space"], Comment = "请重拍", DecidedAt = Now });
        db.Refunds.Add(new Refund { Payment = payment, OutRefundNo = "RF" + order.OrderNo, AmountFen = 3000, Reason = "学生申请", Status = RefundStatus.Requested, RequestedById = reviewer.Id, RequestedAt = Now });
        db.PaymentNotifications.Add(new PaymentNotification { NotificationId = "notify-1", EventType = "TRANSACTION.SUCCESS", OutTradeNo = order.OrderNo, ReceivedAt = Now, ResourceJson = "{}", Processed = true });
        db.Notifications.Add(new Notification { StudentAccountId = record.StudentAccountId, Kind = "order.rejected", TemplateId = "tmpl-1", PayloadJson = "{\"thing1\":\"背景颜色不符\"}", NextAttemptAt = Now, CreatedAt = Now });
        db.SubscriptionCredits.Add(new SubscriptionCredit { StudentAccountId = record.StudentAccountId, TemplateId = "tmpl-1", Remaining = 2, UpdatedAt = Now });
        db.Exports.Add(new Export { BatchId = batch.Id, Kind = ExportKind.ChsiPackage, Status = ExportStatus.Succeeded, FileKey = new string('c', 64) + ".zip", FileName = "包.zip", Count = 1, Sha256 = new string('c', 64), RequestedById = reviewer.Id, RequestedAt = Now, CompletedAt = Now });
        await db.SaveChangesAsync();
        return order.Id;
    }

    [Fact]
    public async Task EveryEntity_RoundTripsThroughSqlite()
    {
        var orderId = await SaveFullGraphAsync();

        await using var db = _database.CreateDbContext();
        var order = await db.Orders
            .Include(o => o.Batch).ThenInclude(b => b!.School).ThenInclude(s => s!.Branch)
            .Include(o => o.StudentRecord).ThenInclude(r => r!.StudentAccount)
            .Include(o => o.Photos)
            .SingleAsync(o => o.Id == orderId);

        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Equal(1, order.SubmissionCount);
        Assert.Equal(Now, order.PaidAt);
        Assert.Equal(Now, order.SubmittedAt);
        Assert.NotEqual(Guid.Empty, order.Version);
        Assert.Equal("测试大学", order.Batch!.School!.Name);
        Assert.Equal("10001", order.Batch.School.ChsiCode);
        Assert.Equal("测试分社", order.Batch.School.Branch!.Name);
        Assert.Equal("软件工程", order.StudentRecord!.Major);
        Assert.Equal("110105********002X", order.StudentRecord.IdNumberMasked);
        Assert.StartsWith("openid-", order.StudentRecord.StudentAccount!.OpenId);
        Assert.Equal(1, order.CurrentPhoto!.VersionNo);
        Assert.Equal("{\"outcome\":\"Pass\"}", order.CurrentPhoto.CheckReportJson);
        Assert.Single(order.Photos);

        var decision = await db.ReviewDecisions.SingleAsync();
        Assert.Equal(["background_color", "crown_space"], decision.ReasonCodes);
        Assert.Equal(order.CurrentPhoto.Id, decision.PhotoVersionId);
        Assert.Equal(17, await db.RejectionReasons.CountAsync());
        Assert.Equal("背景颜色不符", (await db.RejectionReasons.OrderBy(r => r.SortOrder).FirstAsync()).Label);
        var payment = await db.Payments.SingleAsync();
        Assert.Equal((3000, PaymentStatus.Paid, "4200000001"), (payment.AmountFen, payment.Status, payment.TransactionId));
        Assert.Equal(RefundStatus.Requested, (await db.Refunds.SingleAsync()).Status);
        Assert.True((await db.PaymentNotifications.SingleAsync()).Processed);
        Assert.Contains("背景颜色不符", (await db.Notifications.SingleAsync()).PayloadJson);
        Assert.Equal(2, (await db.SubscriptionCredits.SingleAsync()).Remaining);
        var export = await db.Exports.SingleAsync();
        Assert.Equal(("包.zip", ExportKind.ChsiPackage, Now), (export.FileName, export.Kind, export.CompletedAt!.Value));
        var reviewer = await db.Users.SingleAsync();
        Assert.Equal(order.Batch.BranchId, reviewer.BranchId);

        // Every transition was audited in the same save.
        var actions = await db.AuditEvents.Where(a => a.EntityId == order.OrderNo).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["order.created", "order.photo_attached", "order.submitted", "order.paid", "order.rejected"], actions);
    }

    [Fact]
    public async Task IdNumber_StoredEncrypted_FoundByBlindIndex()
    {
        await SaveFullGraphAsync();

        // The raw column, read without EF, holds no plaintext.
        await using (var command = _database.Connection.CreateCommand())
        {
            command.CommandText = "SELECT IdNumberCipher, IdNumberIndex FROM StudentRecords";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            var raw = reader.GetString(0) + reader.GetString(1);
            Assert.DoesNotContain(IdNumber, raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("19491231", raw);
        }

        await using var db = _database.CreateDbContext();
        var index = _protector.BlindIndex(IdNumber.ToLowerInvariant());
        var found = await db.StudentRecords.SingleAsync(r => r.IdNumberIndex == index);
        Assert.Equal(IdNumber, _protector.RevealIdNumber(found));
        Assert.Empty(await db.StudentRecords.Where(r => r.IdNumberIndex == _protector.BlindIndex("110105194912310011")).ToListAsync());
    }

    [Fact]
    public async Task Order_StaleVersion_ThrowsConcurrencyException()
    {
        var orderId = await SaveFullGraphAsync();
        await using var first = _database.CreateDbContext();
        await using var second = _database.CreateDbContext();
        var a = await first.Orders.Include(o => o.Photos).Include(o => o.Batch).SingleAsync(o => o.Id == orderId);
        var b = await second.Orders.Include(o => o.Photos).Include(o => o.Batch).SingleAsync(o => o.Id == orderId);

        a.AttachPhoto(Photo(), a.Batch!, Actor.Student(1), Now);
        await first.SaveChangesAsync();
        b.AttachPhoto(Photo(), b.Batch!, Actor.Student(1), Now);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Batch_StaleVersion_ThrowsConcurrencyException()
    {
        await SaveFullGraphAsync();
        await using var first = _database.CreateDbContext();
        await using var second = _database.CreateDbContext();
        var a = await first.CollectionBatches.SingleAsync();
        var b = await second.CollectionBatches.SingleAsync();

        a.Close(Actor.System, Now);
        await first.SaveChangesAsync();
        b.Update(b.Terms with { Name = "改名" }, Actor.System, Now);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task SecondLiveOrder_SameChsiStudentFromAnotherWeChatAccount_Rejected()
    {
        await using var db = _database.CreateDbContext();
        var (_, school) = await AddSchoolAsync(db);
        var batch = Batch(school: school);
        db.CollectionBatches.Add(batch);
        var first = Record(_protector);
        var second = Record(_protector);
        second.ChsiStudentId = first.ChsiStudentId;
        db.StudentRecords.AddRange(first, second);
        await db.SaveChangesAsync();
        db.Orders.Add(Order.Create("PC20261128ACCOUNT1", batch, first, Actor.System, Now));
        await db.SaveChangesAsync();

        db.Orders.Add(Order.Create("PC20261128ACCOUNT2", batch, second, Actor.System, Now));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task StudentRecord_SameAccountAndChsiStudentTwice_Rejected()
    {
        await using var db = _database.CreateDbContext();
        var first = Record(_protector);
        db.StudentRecords.Add(first);
        await db.SaveChangesAsync();
        var again = Record(_protector);
        again.StudentAccount = null;
        again.StudentAccountId = first.StudentAccountId;
        again.ChsiStudentId = first.ChsiStudentId;
        db.StudentRecords.Add(again);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task SecondLiveOrder_ForSameStudentAndBatch_RejectedByIndex_ButAllowedAfterCancel()
    {
        await using var db = _database.CreateDbContext();
        var (_, school) = await AddSchoolAsync(db);
        var batch = Batch(school: school);
        db.CollectionBatches.Add(batch);
        var record = Record(_protector);
        db.StudentRecords.Add(record);
        await db.SaveChangesAsync();
        var first = Order.Create("PC20261128FIRST001", batch, record, Actor.System, Now);
        db.Orders.Add(first);
        await db.SaveChangesAsync();

        await using (var other = _database.CreateDbContext())
        {
            var otherBatch = await other.CollectionBatches.SingleAsync();
            var otherRecord = await other.StudentRecords.SingleAsync();
            other.Orders.Add(Order.Create("PC20261128SECOND01", otherBatch, otherRecord, Actor.System, Now));
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => other.SaveChangesAsync());
            Assert.IsType<SqliteException>(error.InnerException);
        }

        first.Cancel(Actor.System, Now);
        await db.SaveChangesAsync();
        db.Orders.Add(Order.Create("PC20261128THIRD001", batch, record, Actor.System, Now));
        await db.SaveChangesAsync();
        Assert.Equal(2, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task FeatureCode_Unique()
    {
        await using var db = _database.CreateDbContext();
        var (_, school) = await AddSchoolAsync(db);
        var a = Batch(school: school);
        var b = Batch(school: school, featureCode: a.FeatureCode);
        db.CollectionBatches.AddRange(a, b);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task DateTimeOffset_WithMixedOffsets_ComparesAndSortsAsInstantsInSql()
    {
        var china = TimeSpan.FromHours(8);
        await using (var db = _database.CreateDbContext())
        {
            // "0" is the earliest instant although its China clock time (09:00) reads latest.
            db.AuditEvents.Add(AuditEvent.For(Actor.System, new DateTimeOffset(2026, 11, 28, 9, 0, 0, china), SettingsAuditActions.Updated, "Test", "0", null));
            db.AuditEvents.Add(AuditEvent.For(Actor.System, new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero), SettingsAuditActions.Updated, "Test", "1", null));
            db.AuditEvents.Add(AuditEvent.For(Actor.System, new DateTimeOffset(2026, 11, 28, 3, 30, 0, TimeSpan.Zero), SettingsAuditActions.Updated, "Test", "2", null));
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateDbContext();
        var after = new DateTimeOffset(2026, 11, 28, 9, 30, 0, china);
        var ids = await read.AuditEvents.Where(a => a.OccurredAt > after).OrderByDescending(a => a.OccurredAt).Select(a => a.EntityId).ToListAsync();
        Assert.Equal(["2", "1"], ids);
        var first = await read.AuditEvents.OrderBy(a => a.OccurredAt).FirstAsync();
        Assert.Equal("0", first.EntityId);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero), first.OccurredAt);
    }
}
