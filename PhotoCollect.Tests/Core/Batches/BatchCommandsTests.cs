using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Schools;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Core.Batches.BatchArrangements;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Core.Batches;

public sealed class BatchCommandsTests
{
    [Fact]
    public async Task CreateAsync_ValidInput_StoresFenChinaTimesAndAudits()
    {
        await using var services = await TestServices.CreateAsync();
        var (school, _, _) = await AddSchoolsAsync(services);
        var batches = services.Provider.GetRequiredService<BatchCommands>();
        var teacher = StaffScopes.Teacher(school.Id);

        var batch = await batches.CreateAsync(teacher, StaffScopes.ActorFor(teacher), Input(school.Id));

        await using var db = services.Database.CreateDbContext();
        var stored = await db.CollectionBatches.SingleAsync(b => b.Id == batch.Id);
        Assert.Equal(3050, stored.PriceFen);
        Assert.Equal(school.BranchId, stored.BranchId);
        Assert.Equal(BatchStatus.Open, stored.Status);
        Assert.True(FeatureCodeGenerator.IsWellFormed(stored.FeatureCode));
        Assert.Equal(new DateTimeOffset(2026, 12, 20, 10, 0, 0, TimeSpan.Zero), stored.ClosesAt);
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "batch.created");
        Assert.Equal(batch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), audit.EntityId);
        Assert.Equal(teacher.UserId, audit.ActorId);
        Assert.Contains(stored.FeatureCode, audit.Details);
    }


    [Fact]
    public async Task CreateAsync_InvalidInput_RefusedWithChineseMessages()
    {
        await using var services = await TestServices.CreateAsync();
        var (school, _, _) = await AddSchoolsAsync(services);
        var batches = services.Provider.GetRequiredService<BatchCommands>();
        var input = Input(school.Id, name: "");
        input.ClosesAtLocal = input.OpensAtLocal!.Value.AddHours(-1);

        var error = await Assert.ThrowsAsync<DomainException>(() => batches.CreateAsync(StaffScopes.Admin, StaffScopes.ActorFor(StaffScopes.Admin), input));

        Assert.Equal(BatchErrors.Invalid.Code, error.Code);
        Assert.Contains("请填写批次名称。", error.Message);
        await using var db = services.Database.CreateDbContext();
        Assert.False(await db.CollectionBatches.AnyAsync());
    }


    [Fact]
    public async Task CreateAsync_TeacherForAnotherSchool_Refused()
    {
        await using var services = await TestServices.CreateAsync();
        var (a, b, _) = await AddSchoolsAsync(services);
        var batches = services.Provider.GetRequiredService<BatchCommands>();
        var teacher = StaffScopes.Teacher(a.Id);

        var error = await Assert.ThrowsAsync<DomainException>(() => batches.CreateAsync(teacher, StaffScopes.ActorFor(teacher), Input(b.Id)));

        Assert.Equal(BatchErrors.SchoolNotAllowed.Code, error.Code);
    }


    [Fact]
    public async Task CreateAsync_ConcurrentCreationsDrawingTheSameCode_AllSucceedWithUniqueCodes()
    {
        // Every creation's first draw is the same code; the loser of each race must draw again.
        await using var database = await TestDatabase.CreateFileAsync();
        await using var services = await TestServices.CreateAsync(database: database, random: new FirstDrawsCollide("SAMECODE", 6));
        var (school, _, _) = await AddSchoolsAsync(services);
        var batches = services.Provider.GetRequiredService<BatchCommands>();

        var created = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => batches.CreateAsync(StaffScopes.Admin, StaffScopes.ActorFor(StaffScopes.Admin), Input(school.Id, $"并发批次 {i}")))));

        var codes = created.Select(b => b.FeatureCode).ToList();
        Assert.Equal(6, codes.Distinct().Count());
        Assert.Single(codes, c => c == "SAMECODE");
        await using var db = services.Database.CreateDbContext();
        Assert.Equal(6, await db.CollectionBatches.CountAsync());
        Assert.Equal(6, await db.AuditEvents.CountAsync(a => a.Action == "batch.created"));
    }


    [Fact]
    public async Task CloseReopenArchive_FollowTheRulesAndAuditEachChange()
    {
        await using var services = await TestServices.CreateAsync();
        var (school, _, _) = await AddSchoolsAsync(services);
        var batches = services.Provider.GetRequiredService<BatchCommands>();
        var teacher = StaffScopes.Teacher(school.Id);
        var actor = StaffScopes.ActorFor(teacher);
        var batch = await batches.CreateAsync(teacher, actor, Input(school.Id));

        batch = await batches.CloseAsync(teacher, actor, batch.Id, batch.Version);
        Assert.Equal(BatchStatus.Closed, batch.Status);
        Assert.False(batch.AcceptsSubmissions(services.Time.GetUtcNow()));
        Assert.Equal(BatchErrors.CannotClose.Code, (await Assert.ThrowsAsync<DomainException>(() => batches.CloseAsync(teacher, actor, batch.Id, batch.Version))).Code);

        batch = await batches.ReopenAsync(teacher, actor, batch.Id, batch.Version);
        Assert.Equal(BatchStatus.Open, batch.Status);
        Assert.True(batch.AcceptsSubmissions(services.Time.GetUtcNow()));

        // Teachers close and reopen; archiving (the retention clock) is for branch staff and admins.
        batch = await batches.CloseAsync(teacher, actor, batch.Id, batch.Version);
        Assert.Equal(BatchErrors.Forbidden.Code, (await Assert.ThrowsAsync<DomainException>(() => batches.ArchiveAsync(teacher, actor, batch.Id, batch.Version))).Code);
        var reviewer = StaffScopes.Reviewer(school.BranchId);
        batch = await batches.ArchiveAsync(reviewer, StaffScopes.ActorFor(reviewer), batch.Id, batch.Version);
        Assert.Equal(BatchStatus.Archived, batch.Status);
        Assert.Equal(BatchErrors.CannotReopen.Code, (await Assert.ThrowsAsync<DomainException>(() => batches.ReopenAsync(reviewer, actor, batch.Id, batch.Version))).Code);

        await using var db = services.Database.CreateDbContext();
        var actions = await db.AuditEvents.Where(a => a.EntityType == nameof(CollectionBatch)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["batch.created", "batch.closed", "batch.reopened", "batch.closed", "batch.archived"], actions);
    }


    [Fact]
    public async Task ReopenAsync_DeadlinePassed_AsksToExtendFirst()
    {
        await using var services = await TestServices.CreateAsync();
        var (school, _, _) = await AddSchoolsAsync(services);
        var batches = services.Provider.GetRequiredService<BatchCommands>();
        var actor = StaffScopes.ActorFor(StaffScopes.Admin);
        var batch = await batches.CreateAsync(StaffScopes.Admin, actor, Input(school.Id));
        batch = await batches.CloseAsync(StaffScopes.Admin, actor, batch.Id, batch.Version);
        services.Time.Advance(TimeSpan.FromDays(60));

        var error = await Assert.ThrowsAsync<DomainException>(() => batches.ReopenAsync(StaffScopes.Admin, actor, batch.Id, batch.Version));

        Assert.Equal(BatchErrors.DeadlinePassed.Code, error.Code);
    }


    [Fact]
    public async Task RegenerateFeatureCodeAsync_OldCodeStopsWorkingAtOnce()
    {
        await using var services = await TestServices.CreateAsync(random: new SequenceRandom("OLDCODE2", "NEWCODE3"));
        var (school, _, _) = await AddSchoolsAsync(services);
        var batches = services.Provider.GetRequiredService<BatchCommands>();
        var actor = StaffScopes.ActorFor(StaffScopes.Admin);
        var batch = await batches.CreateAsync(StaffScopes.Admin, actor, Input(school.Id));

        batch = await batches.RegenerateFeatureCodeAsync(StaffScopes.Admin, actor, batch.Id, batch.Version);

        Assert.Equal("NEWCODE3", batch.FeatureCode);
        await using var db = services.Database.CreateDbContext();
        Assert.False(await db.CollectionBatches.AnyAsync(b => b.FeatureCode == "OLDCODE2"));
        Assert.Equal("OLDCODE2 → NEWCODE3", (await db.AuditEvents.SingleAsync(a => a.Action == "batch.feature_code_regenerated")).Details);
    }


    [Fact]
    public async Task UpdateAsync_PriceAfterAnOrderPaid_RefusedOtherChangesStillAllowed()
    {
        await using var services = await TestServices.CreateAsync();
        var (school, _, _) = await AddSchoolsAsync(services);
        var batches = services.Provider.GetRequiredService<BatchCommands>();
        var actor = StaffScopes.ActorFor(StaffScopes.Admin);
        var batch = await batches.CreateAsync(StaffScopes.Admin, actor, Input(school.Id, price: 30m));
        await AddSubmittedOrdersAsync(services, batch.Id, submitted: 0, approved: 1);

        var error = await Assert.ThrowsAsync<DomainException>(() => batches.UpdateAsync(StaffScopes.Admin, actor, batch.Id, batch.Version, Input(school.Id, price: 25m)));
        var renamed = await batches.UpdateAsync(StaffScopes.Admin, actor, batch.Id, batch.Version, Input(school.Id, "改名后的批次", price: 30m));

        Assert.Equal(BatchErrors.PriceLocked.Code, error.Code);
        Assert.Equal(3000, renamed.PriceFen);
        Assert.Equal("改名后的批次", renamed.Name);
    }

    [Fact]
    public async Task UpdateAsync_PriceBeforeAnyPayment_Changes()
    {
        await using var services = await TestServices.CreateAsync();
        var (school, _, _) = await AddSchoolsAsync(services);
        var batches = services.Provider.GetRequiredService<BatchCommands>();
        var actor = StaffScopes.ActorFor(StaffScopes.Admin);
        var batch = await batches.CreateAsync(StaffScopes.Admin, actor, Input(school.Id, price: 30m));
        await AddSubmittedOrdersAsync(services, batch.Id, submitted: 2, approved: 0);

        var updated = await batches.UpdateAsync(StaffScopes.Admin, actor, batch.Id, batch.Version, Input(school.Id, price: 25m));

        Assert.Equal(2500, updated.PriceFen);
    }

    [Fact]
    public async Task UpdateAsync_StaleVersion_RefusedAndNothingChanges()
    {
        await using var services = await TestServices.CreateAsync();
        var (school, _, _) = await AddSchoolsAsync(services);
        var batches = services.Provider.GetRequiredService<BatchCommands>();
        var actor = StaffScopes.ActorFor(StaffScopes.Admin);
        var batch = await batches.CreateAsync(StaffScopes.Admin, actor, Input(school.Id));
        var staleVersion = batch.Version;
        await batches.UpdateAsync(StaffScopes.Admin, actor, batch.Id, staleVersion, Input(school.Id, "第一次修改"));

        var error = await Assert.ThrowsAsync<DomainException>(() => batches.UpdateAsync(StaffScopes.Admin, actor, batch.Id, staleVersion, Input(school.Id, "第二次修改")));

        Assert.Equal(BatchErrors.Concurrency.Code, error.Code);
        await using var db = services.Database.CreateDbContext();
        Assert.Equal("第一次修改", (await db.CollectionBatches.SingleAsync()).Name);
        Assert.Contains("名称：2027届毕业生采集 → 第一次修改", (await db.AuditEvents.SingleAsync(a => a.Action == "batch.updated")).Details);
    }


    /// <summary>The first <paramref name="count"/> draws return <paramref name="code"/>; later ones are random. Thread-safe.</summary>
    private sealed class FirstDrawsCollide(string code, int count) : ISecureRandom
    {
        private readonly CryptoRandom _random = new();
        private int _draws;

        public string NextString(string alphabet, int length) =>
            Interlocked.Increment(ref _draws) <= count ? code : _random.NextString(alphabet, length);
    }
}
