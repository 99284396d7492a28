using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Payments;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Core.Schools;
using PhotoCollect.Core.Storage;
using PhotoCollect.Core.Students;

namespace PhotoCollect.Core.Demo;

public sealed record DemoAccount(string Role, string Email, string Password);

/// <summary>
/// Development demo data: a branch, a school, a teacher and a reviewer, two batches and
/// orders in every state, each with a stored photo. Runs once: its last write is a
/// <c>demo.seeded</c> audit event, and later starts that find it do nothing. The host
/// refuses to run it in Production.
/// </summary>
public sealed class DemoDataSeeder(
    IDbContextFactory<PhotoCollectDbContext> factory,
    UserManager<AppUser> users,
    IFileStore files,
    PersonalDataProtector protector,
    FeatureCodeGenerator featureCodes,
    OrderNumberGenerator orderNumbers,
    PhotoInspector inspector,
    IOptions<PhotoSpec> photoSpec,
    TimeProvider time,
    ILogger<DemoDataSeeder> logger)
{
    public const string BranchName = "北京分社（演示）";
    public const string SchoolName = "示例理工大学";

    public static readonly DemoAccount Teacher = new(Roles.Teacher, "teacher@demo.local", "Demo#Teacher2026");
    public static readonly DemoAccount Reviewer = new(Roles.Reviewer, "reviewer@demo.local", "Demo#Reviewer2026");

    private static readonly string[] StudentNames =
    [
        "孙小芳", "李明轩", "王思雨", "张子涵", "刘浩然", "陈雨桐", "杨博文", "赵欣怡", "黄俊杰", "周梓萱",
        "吴宇航", "徐诗涵", "孙嘉怡", "胡一鸣", "朱晓彤", "高子墨", "林若曦", "何志强", "郭佳琪", "马天宇",
        "罗梦瑶", "梁晨阳", "宋雅婷", "郑凯文", "谢婉清", "韩雪", "唐睿", "冯嘉豪", "于静怡", "董天佑",
        "萧雨萌", "程子健", "曹欣然", "袁博", "邓雅雯", "许晨曦", "傅明哲", "沈佳宁", "曾浩宇", "彭思琪",
    ];

    private static readonly string[] Majors = ["计算机科学与技术", "软件工程", "电子信息工程", "机械设计制造及其自动化", "工商管理", "会计学"];

    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.AuditEvents.AnyAsync(a => a.Action == DemoAuditActions.Seeded.Code, cancellationToken))
        {
            return [Teacher, Reviewer];
        }

        if (await db.Branches.AnyAsync(b => b.Name == BranchName, cancellationToken))
        {
            logger.LogWarning("Demo data is incomplete (an earlier seeding was interrupted). Delete the data folder to seed again.");
            return [];
        }

        var now = time.GetUtcNow();
        var branch = new Branch { Name = BranchName, City = "北京", ContactPhone = "010-6000 0000", CreatedAt = now };
        var school = new School { Name = SchoolName, ChsiCode = "99001", Branch = branch, CreatedAt = now };
        db.AddRange(branch, school);
        await db.SaveChangesAsync(cancellationToken);

        var teacher = await CreateUserAsync(Teacher, "王老师", u => u.SchoolId = school.Id);
        var reviewer = await CreateUserAsync(Reviewer, "李审核", u => u.BranchId = branch.Id);
        var reviewerActor = Actor.Staff(reviewer.Id, reviewer.DisplayName);

        var paidBatch = await AddBatchAsync(db, school, teacher, "2027届本科毕业生图像采集", CollectionType.Centralised, 3000, 120, now, cancellationToken);
        var freeBatch = await AddBatchAsync(db, school, teacher, "2027届专科个人采集", CollectionType.Individual, 0, 20, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var plan = new List<(CollectionBatch Batch, DemoState State)>();
        plan.AddRange(Repeat(paidBatch, DemoState.DraftNoPhoto, 1));
        plan.AddRange(Repeat(paidBatch, DemoState.Draft, 1));
        plan.AddRange(Repeat(paidBatch, DemoState.AwaitingPayment, 2));
        plan.AddRange(Repeat(paidBatch, DemoState.PendingReview, 18));
        plan.AddRange(Repeat(paidBatch, DemoState.Resubmitted, 2));
        plan.AddRange(Repeat(paidBatch, DemoState.Approved, 3));
        plan.AddRange(Repeat(paidBatch, DemoState.Exported, 1));
        plan.AddRange(Repeat(paidBatch, DemoState.Rejected, 2));
        plan.AddRange(Repeat(paidBatch, DemoState.Cancelled, 1));
        plan.AddRange(Repeat(paidBatch, DemoState.Refunded, 1));
        plan.AddRange(Repeat(freeBatch, DemoState.PendingReview, 3));
        plan.AddRange(Repeat(freeBatch, DemoState.Approved, 1));
        plan.AddRange(Repeat(freeBatch, DemoState.Draft, 1));

        for (var i = 0; i < plan.Count; i++)
        {
            // Spread the history over the last days so lists and charts look lived-in.
            var start = now.AddHours(-(plan.Count - i) * 3);
            await AddOrderAsync(db, i, plan[i].Batch, plan[i].State, reviewer.Id, reviewerActor, start, cancellationToken);
        }

        db.AuditEvents.Add(Audit.AuditEvent.For(Actor.System, now, DemoAuditActions.Seeded, "Demo", BranchName, $"{plan.Count} orders"));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded demo data: {Orders} orders in 2 batches", plan.Count);
        return [Teacher, Reviewer];
    }

    private enum DemoState
    {
        DraftNoPhoto,
        Draft,
        AwaitingPayment,
        PendingReview,
        Resubmitted,
        Approved,
        Exported,
        Rejected,
        Cancelled,
        Refunded,
    }

    private static IEnumerable<(CollectionBatch, DemoState)> Repeat(CollectionBatch batch, DemoState state, int count) =>
        Enumerable.Repeat((batch, state), count);

    private async Task<AppUser> CreateUserAsync(DemoAccount account, string displayName, Action<AppUser> scope)
    {
        var user = new AppUser
        {
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true,
            DisplayName = displayName,
            LockoutEnabled = true,
            CreatedAt = time.GetUtcNow(),
        };
        scope(user);
        var created = await users.CreateAsync(user, account.Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create demo user: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, account.Role);
        return user;
    }

    private async Task<CollectionBatch> AddBatchAsync(
        PhotoCollectDbContext db, School school, AppUser teacher, string name, CollectionType type, int priceFen, int expected, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var terms = new BatchTerms(name, type, now.AddDays(-7), now.AddDays(30), priceFen, expected, CollectionBatch.DefaultMaxSubmissions, "演示数据");
        var batch = CollectionBatch.Create(school, terms, await featureCodes.NextUniqueAsync(db, cancellationToken), Actor.Staff(teacher.Id, teacher.DisplayName), now.AddDays(-7));
        db.CollectionBatches.Add(batch);
        return batch;
    }

    private async Task AddOrderAsync(
        PhotoCollectDbContext db, int index, CollectionBatch batch, DemoState state, string reviewerId, Actor reviewer, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var account = new StudentAccount
        {
            OpenId = $"demo-openid-{index:D3}",
            Nickname = "同学" + (index + 1).ToString(CultureInfo.InvariantCulture),
            Phone = $"138{index:D4}{(index * 7919) % 10000:D4}",
            ConsentVersion = "2026-09",
            ConsentedAt = at,
            ProfileCompletedAt = at,
            CreatedAt = at,
            LastLoginAt = at,
        };
        var name = StudentNames[index % StudentNames.Length];
        var record = new StudentRecord
        {
            StudentAccount = account,
            ChsiStudentId = "DEMO" + (20270000 + index).ToString(CultureInfo.InvariantCulture),
            Name = name,
            IdNumberCipher = "",
            IdNumberIndex = "",
            IdNumberMasked = "",
            SchoolName = SchoolName,
            SchoolCode = "99001",
            StudentNo = "2023" + (10000 + index).ToString(CultureInfo.InvariantCulture),
            Major = Majors[index % Majors.Length],
            EducationLevel = batch.Type == CollectionType.Centralised ? "本科" : "专科",
            EducationCategory = "普通全日制",
            GraduationYear = 2027,
            ContactEmail = $"student{index}@example.com",
            ContactPhone = account.Phone,
            CreatedAt = at,
        };
        protector.SetIdNumber(record, DemoIdNumber(index));
        db.StudentRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);

        var student = Actor.Student(account.Id);
        var order = Order.Create(orderNumbers.Next(), batch, record, student, at);
        db.Orders.Add(order);
        if (state == DemoState.DraftNoPhoto)
        {
            return;
        }

        await AttachPhotoAsync(order, index * 10, student, at.AddMinutes(5), cancellationToken);
        if (state == DemoState.Draft)
        {
            return;
        }

        order.Submit(batch, student, at.AddMinutes(6));
        if (state == DemoState.AwaitingPayment)
        {
            return;
        }

        if (state == DemoState.Cancelled)
        {
            order.Cancel(student, at.AddMinutes(30));
            return;
        }

        if (order.Status == OrderStatus.AwaitingPayment)
        {
            var paidAt = at.AddMinutes(8);
            db.Payments.Add(new Payment
            {
                Order = order,
                OutTradeNo = order.OrderNo,
                AmountFen = order.PriceFen,
                PrepayId = "wx_demo_prepay_" + order.OrderNo,
                TransactionId = "4200" + (100000000 + index).ToString(CultureInfo.InvariantCulture),
                Status = PaymentStatus.Paid,
                CreatedAt = at.AddMinutes(7),
                PaidAt = paidAt,
            });
            order.ConfirmPayment(order.PriceFen, Actor.System, paidAt);
        }

        if (state == DemoState.PendingReview)
        {
            return;
        }

        if (state == DemoState.Refunded)
        {
            order.MarkRefunded(Actor.System, at.AddHours(1));
            return;
        }

        if (state is DemoState.Rejected or DemoState.Resubmitted)
        {
            string[] reasons = index % 2 == 0 ? ["background_uneven", "crown_space"] : ["head_tilted"];
            order.Reject(reasons, "请参照要求重新拍摄", reviewer, at.AddHours(1));
            db.ReviewDecisions.Add(Decision(order, reviewerId, false, reasons, at.AddHours(1)));
            if (state == DemoState.Resubmitted)
            {
                await AttachPhotoAsync(order, index * 10 + 1, student, at.AddHours(2), cancellationToken);
                order.Resubmit(batch, student, at.AddHours(2).AddMinutes(1));
            }

            return;
        }

        order.Approve(reviewer, at.AddHours(1));
        db.ReviewDecisions.Add(Decision(order, reviewerId, true, [], at.AddHours(1)));
        if (state == DemoState.Exported)
        {
            order.MarkExported(Actor.System, at.AddHours(2));
        }
    }

    private async Task AttachPhotoAsync(Order order, int seed, Actor student, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Only photos the engine passes become demo photos, each stored with its report.
        var (bytes, report) = Enumerable.Range(seed * 7, 20)
            .Select(s => DemoPhotoFactory.Create(s))
            .Select(b => (Bytes: b, Report: inspector.Inspect(b, photoSpec.Value)))
            .FirstOrDefault(c => c.Report.Outcome == PhotoCheckOutcome.Pass);
        if (bytes is null)
        {
            throw new InvalidOperationException("The photo engine rejected every generated demo photo; check the PhotoSpec settings.");
        }

        using var content = new MemoryStream(bytes);
        var stored = await files.PutAsync(content, "jpg", cancellationToken);
        var photo = new PhotoVersion
        {
            StorageKey = stored.Key,
            Sha256 = stored.Sha256,
            SizeBytes = stored.Length,
            Width = DemoPhotoFactory.Width,
            Height = DemoPhotoFactory.Height,
            Source = PhotoSource.Album,
            Outcome = report!.Outcome,
            CheckReportJson = report.ToJson(),
            UploadedAt = at,
        };
        order.AttachPhoto(photo, order.Batch!, student, at);
    }

    private static ReviewDecision Decision(Order order, string reviewerId, bool approved, string[] reasons, DateTimeOffset at) => new()
    {
        Order = order,
        PhotoVersion = order.CurrentPhoto,
        ReviewerId = reviewerId,
        Approved = approved,
        ReasonCodes = [.. reasons],
        Comment = approved ? null : "请参照要求重新拍摄",
        DecidedAt = at,
    };

    /// <summary>A well-formed (checksummed) but fictitious ID number; region 110105 is Beijing Chaoyang.</summary>
    private static string DemoIdNumber(int index)
    {
        var birth = new DateOnly(2004, 1, 1).AddDays(index * 37 % 700);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"110105{birth:yyyyMMdd}{(100 + index) % 1000:D3}");
        return first17 + ChineseIdNumber.ComputeCheckCharacter(first17);
    }
}
