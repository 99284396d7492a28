using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Core.Schools;
using PhotoCollect.Core.Settings;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Core.Batches;

/// <summary>The services behind the admin pages and the order page: rules and audit rows.</summary>
public sealed class AdministrationServiceTests
{
    [Fact]
    public async Task RevealIdNumberAsync_AdminGetsFullNumberAndAuditRow_TeacherRefused()
    {
        await using var services = await TestServices.CreateAsync();
        long orderId;
        int schoolId;
        await using (var db = services.Database.CreateDbContext())
        {
            var (_, school) = await AddSchoolAsync(db);
            schoolId = school.Id;
            var batch = Batch(school: school);
            db.CollectionBatches.Add(batch);
            var record = Record(idNumber: "110105200401011234");
            db.StudentRecords.Add(record);
            await db.SaveChangesAsync();
            var order = NewOrder(batch, record);
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            orderId = order.Id;
        }

        var orders = services.Provider.GetRequiredService<OrderDetailsService>();
        var teacher = StaffScopes.Teacher(schoolId);

        var details = await orders.GetAsync(teacher, orderId);
        var refused = await Assert.ThrowsAsync<DomainException>(() => orders.RevealIdNumberAsync(teacher, StaffScopes.ActorFor(teacher), orderId));
        var full = await orders.RevealIdNumberAsync(StaffScopes.Admin, StaffScopes.ActorFor(StaffScopes.Admin), orderId);

        Assert.Equal("110105********1234", details.Student.IdNumberMasked);
        Assert.False(details.CanRevealIdNumber);
        Assert.Equal(OrderErrors.RevealForbidden.Code, refused.Code);
        Assert.Equal("110105200401011234", full);
        await using var check = services.Database.CreateDbContext();
        var audit = await check.AuditEvents.SingleAsync(a => a.Action == OrderAuditActions.IdRevealed.Code);
        Assert.Equal(StaffScopes.Admin.UserId, audit.ActorId);
        Assert.Contains("110105********1234", audit.Details);
        Assert.Contains(audit.EntityId, (await orders.GetAsync(StaffScopes.Admin, orderId)).Timeline.Select(t => t.EntityId));
        Assert.Equal(OrderErrors.NotFound.Code, (await Assert.ThrowsAsync<DomainException>(() => orders.GetAsync(StaffScopes.Teacher(schoolId + 1), orderId))).Code);
    }

    [Fact]
    public async Task Schools_ChsiCodeValidatedAndMovingSchoolMovesItsBatches()
    {
        await using var services = await TestServices.CreateAsync();
        var schools = services.Provider.GetRequiredService<SchoolAdministrationService>();
        var actor = StaffScopes.ActorFor(StaffScopes.Admin);
        var north = await schools.SaveBranchAsync(actor, null, new BranchInput { Name = "北分社" });
        var south = await schools.SaveBranchAsync(actor, null, new BranchInput { Name = "南分社" });

        var badCode = await Assert.ThrowsAsync<DomainException>(() => schools.SaveSchoolAsync(actor, null, new SchoolInput { Name = "某大学", ChsiCode = "1234", BranchId = north.Id }));
        var school = await schools.SaveSchoolAsync(actor, null, new SchoolInput { Name = "某大学", ChsiCode = "10001", BranchId = north.Id });
        var duplicate = await Assert.ThrowsAsync<DomainException>(() => schools.SaveSchoolAsync(actor, null, new SchoolInput { Name = "另一大学", ChsiCode = "10001", BranchId = north.Id }));
        await using (var db = services.Database.CreateDbContext())
        {
            db.CollectionBatches.Add(Batch(school: await db.Schools.SingleAsync()));
            await db.SaveChangesAsync();
        }

        await schools.SaveSchoolAsync(actor, school.Id, new SchoolInput { Name = "某大学", ChsiCode = "10001", BranchId = south.Id });

        Assert.Equal(SchoolErrors.Invalid.Code, badCode.Code);
        Assert.Contains("院校代码应为 5 位数字。", badCode.Message);
        Assert.Equal(SchoolErrors.Duplicate.Code, duplicate.Code);
        await using var check = services.Database.CreateDbContext();
        Assert.Equal(south.Id, (await check.CollectionBatches.SingleAsync()).BranchId);
        Assert.Equal(4, await check.AuditEvents.CountAsync(a => a.Action.StartsWith("branch.") || a.Action.StartsWith("school.")));
    }

    [Fact]
    public async Task Reasons_SeededStandardCatalogueEditableWithAudit()
    {
        await using var services = await TestServices.CreateAsync();
        await services.Provider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        var reasons = services.Provider.GetRequiredService<RejectionReasonService>();
        var actor = StaffScopes.ActorFor(StaffScopes.Admin);

        var all = await reasons.ListAsync();
        var glasses = all.Single(r => r.Label == "眼镜反光或有色眼镜");
        await reasons.SaveAsync(actor, glasses.Id, new ReasonInput { Code = "ignored", Label = glasses.Label, Guidance = "请摘下有色眼镜。", SortOrder = glasses.SortOrder, IsActive = false });

        Assert.Equal(17, all.Count);
        Assert.Equal("背景颜色不符", all[0].Label);
        Assert.Equal("其他", all[^1].Label);
        Assert.All(all, r => Assert.False(string.IsNullOrWhiteSpace(r.Guidance)));
        Assert.Equal(16, (await reasons.ListAsync(activeOnly: true)).Count);
        var edited = (await reasons.ListAsync()).Single(r => r.Id == glasses.Id);
        Assert.Equal(("glasses", "请摘下有色眼镜。"), (edited.Code, edited.Guidance));
        await using var db = services.Database.CreateDbContext();
        Assert.Equal("glasses", (await db.AuditEvents.SingleAsync(a => a.Action == "reason.updated")).EntityId);
    }

    [Fact]
    public async Task Settings_SavedPhotoRulesReachPhotoSpecMonitorAndAreAudited()
    {
        await using var services = await TestServices.CreateAsync();
        var settings = services.Provider.GetRequiredService<SettingsService>();
        var monitor = services.Provider.GetRequiredService<IOptionsMonitor<PhotoSpec>>();
        var actor = StaffScopes.ActorFor(StaffScopes.Admin);
        var shippedVersion = monitor.CurrentValue.Version;

        var values = await settings.LoadAsync();
        values.DefaultPriceFen = 2500;
        values.PhotoSpec["MinBytes"] = 40_960;
        values.PhotoSpec["FaceWidthMin"] = 190;
        await settings.SaveAsync(actor, values);
        var invalid = values.Clone();
        invalid.PhotoSpec["EyeLineMinY"] = 320;
        var error = await Assert.ThrowsAsync<DomainException>(() => settings.SaveAsync(actor, invalid));

        Assert.Equal(40_960, monitor.CurrentValue.MinBytes);
        Assert.Equal(190, monitor.CurrentValue.FaceWidthMin);
        Assert.StartsWith(shippedVersion + "+s", monitor.CurrentValue.Version);
        Assert.Equal(2500, settings.Current.DefaultPriceFen);
        Assert.Equal(SettingsErrors.Invalid.Code, error.Code);
        Assert.Contains("眼线距上边缘最小必须小于眼线距上边缘最大。", error.Message);
        var fractional = values.Clone();
        fractional.PhotoSpec["CrownMinY"] = 50.2;
        fractional.PhotoSpec["CrownMaxY"] = 50.8;
        var notWhole = await Assert.ThrowsAsync<DomainException>(() => settings.SaveAsync(actor, fractional));
        Assert.Contains("头顶距上边缘最小应为整数。", notWhole.Message);
        await using var db = services.Database.CreateDbContext();
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "settings.updated");
        Assert.Contains("文件大小下限：30720 → 40960", audit.Details);
    }

    [Fact]
    public async Task AuditLog_SearchFiltersByActorActionEntityAndChinaDay()
    {
        await using var services = await TestServices.CreateAsync();
        await using (var db = services.Database.CreateDbContext())
        {
            var admin = Actor.Staff("a1", "张管理");
            var teacher = Actor.Staff("t1", "王老师");
            db.AuditEvents.AddRange(
                AuditEvent.For(admin, Now, OrderAuditActions.IdRevealed, "Order", "PC1", "查看"),
                AuditEvent.For(teacher, Now, BatchAuditActions.Created, "CollectionBatch", "7", null),
                AuditEvent.For(admin, Now.AddDays(-3), BatchAuditActions.Closed, "CollectionBatch", "7", null));
            await db.SaveChangesAsync();
        }

        var log = services.Provider.GetRequiredService<AuditLogService>();
        var today = DateOnly.FromDateTime(ChinaTime.ToChina(Now).DateTime);

        Assert.Equal(2, (await log.SearchAsync(new AuditQuery { Actor = "张" })).TotalCount);
        Assert.Equal("PC1", Assert.Single((await log.SearchAsync(new AuditQuery { Action = "student.id_revealed" })).Items).EntityId);
        Assert.Equal(2, (await log.SearchAsync(new AuditQuery { EntityType = "CollectionBatch", EntityId = "7" })).TotalCount);
        Assert.Equal(2, (await log.SearchAsync(new AuditQuery { From = today, To = today })).TotalCount);
        Assert.Equal("查看完整证件号", AuditActionText.ToChinese("student.id_revealed"));
    }
}
