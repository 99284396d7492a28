using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
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
    public const string SchoolCode = "99001";

    public static readonly DemoAccount Teacher = new(Roles.Teacher, "teacher@demo.local", "Demo#Teacher2026");
    public static readonly DemoAccount Reviewer = new(Roles.Reviewer, "reviewer@demo.local", "Demo#Reviewer2026");

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
        var school = new School { Name = SchoolName, ChsiCode = SchoolCode, Branch = branch, CreatedAt = now };
        db.AddRange(branch, school);
        await db.SaveChangesAsync(cancellationToken);

        var teacher = await CreateUserAsync(Teacher, "王老师", u => u.SchoolId = school.Id);
        var reviewer = await CreateUserAsync(Reviewer, "李审核", u => u.BranchId = branch.Id);
        var reviewerActor = Actor.Staff(reviewer.Id, reviewer.DisplayName);

        var paidBatch = await AddBatchAsync(db, school, teacher, "2027届本科毕业生图像采集", CollectionType.Centralised, 3000, 120, now, cancellationToken);
        var freeBatch = await AddBatchAsync(db, school, teacher, "2027届专科个人采集", CollectionType.Individual, 0, 20, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var plan = DemoPlan.For(paidBatch, freeBatch);
        var orders = new DemoOrders(files, protector, orderNumbers, inspector, photoSpec.Value);
        for (var i = 0; i < plan.Count; i++)
        {
            // Spread the history over the last days so lists and charts look lived-in.
            var start = now.AddHours(-(plan.Count - i) * 3);
            await orders.AddAsync(db, i, plan[i].Batch, plan[i].State, reviewer.Id, reviewerActor, start, cancellationToken);
        }

        db.AuditEvents.Add(Audit.AuditEvent.For(Actor.System, now, DemoAuditActions.Seeded, "Demo", BranchName, $"{plan.Count} orders"));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded demo data: {Orders} orders in 2 batches", plan.Count);
        return [Teacher, Reviewer];
    }

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
}
