using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Schools;
using PhotoCollect.Core.Settings;
using PhotoCollect.Portal.Components.Admin;
using PhotoCollect.Portal.Components.Batches;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Portal.Batches;

public sealed class BatchPagesTests
{
    private static async Task<(TestServices Services, School Own, School Other)> ArrangeAsync()
    {
        var services = await TestServices.CreateAsync();
        await using var db = services.Database.CreateDbContext();
        var (_, own) = await AddSchoolAsync(db, "甲分社", "甲大学");
        var (_, other) = await AddSchoolAsync(db, "乙分社", "乙大学");
        await StaffScopes.AddUsersAsync(db, StaffScopes.Admin, StaffScopes.Teacher(own.Id));
        return (services, own, other);
    }

    private static BunitContext CreateContext(TestServices services, int schoolId)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(services.Provider.GetRequiredService<BatchQueries>());
        ctx.Services.AddSingleton(services.Provider.GetRequiredService<BatchCommands>());
        ctx.Services.AddSingleton(services.Provider.GetRequiredService<SettingsService>());
        ctx.Services.AddSingleton(services.Provider.GetRequiredService<IOptionsMonitor<PhotoSpec>>());
        ctx.Services.AddSingleton(services.Provider.GetRequiredService<SchoolAdministrationService>());
        ctx.Services.AddSingleton<TimeProvider>(services.Time);
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("王老师");
        auth.SetRoles(Roles.Teacher);
        auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, StaffScopes.Teacher(schoolId).UserId),
            new Claim(StaffClaims.SchoolId, schoolId.ToString(CultureInfo.InvariantCulture)));
        return ctx;
    }

    [Fact]
    public async Task BatchEditPage_EmptyName_ShowsChineseValidationAndSavesNothing()
    {
        var (services, own, _) = await ArrangeAsync();
        await using var _ = services;
        await using var ctx = CreateContext(services, own.Id);
        var cut = ctx.Render<BatchEditPage>();
        cut.WaitForElement("input[data-testid=batch-name]");

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("请填写批次名称。", cut.Markup));
        Assert.EndsWith("/", ctx.Services.GetRequiredService<NavigationManager>().Uri);
        await using var db = services.Database.CreateDbContext();
        Assert.False(await db.CollectionBatches.AnyAsync());
    }

    [Fact]
    public async Task BatchEditPage_ValidInput_CreatesBatchForOwnSchoolInFenAndOpensIt()
    {
        var (services, own, _) = await ArrangeAsync();
        await using var _ = services;
        await using var ctx = CreateContext(services, own.Id);
        var cut = ctx.Render<BatchEditPage>();
        cut.WaitForElement("input[data-testid=batch-name]");

        cut.Find("input[data-testid=batch-name]").Change("2027届毕业生图像采集");
        cut.Find("input[data-testid=batch-price]").Change("28.8");
        cut.Find("input[data-testid=batch-expected]").Change("60");
        cut.Find("form").Submit();

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Matches(@"/batches/\d+$", navigation.Uri));
        await using var db = services.Database.CreateDbContext();
        var batch = await db.CollectionBatches.SingleAsync();
        Assert.Equal(("2027届毕业生图像采集", own.Id, 2880, 60), (batch.Name, batch.SchoolId, batch.PriceFen, batch.ExpectedHeadcount));
        Assert.EndsWith($"/batches/{batch.Id}", navigation.Uri);
    }

    [Fact]
    public async Task BatchListPage_Teacher_RendersOwnSchoolRowsOnly()
    {
        var (services, own, other) = await ArrangeAsync();
        await using var _ = services;
        var batches = services.Provider.GetRequiredService<BatchCommands>();
        foreach (var (school, name) in new[] { (own, "甲大学批次"), (other, "乙大学批次") })
        {
            await batches.CreateAsync(StaffScopes.Admin, StaffScopes.ActorFor(StaffScopes.Admin), new BatchInput
            {
                SchoolId = school.Id, Name = name, OpensAtLocal = new DateTime(2026, 11, 28), ClosesAtLocal = new DateTime(2026, 12, 28), PriceYuan = 30, ExpectedHeadcount = 50,
            });
        }

        await using var ctx = CreateContext(services, own.Id);
        var cut = ctx.Render<BatchListPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=batch-link]")));
        Assert.Equal("甲大学批次", cut.Find("[data-testid=batch-link]").TextContent);
        Assert.DoesNotContain("乙大学批次", cut.Markup);
        Assert.Contains("30.00 元", cut.Markup);
        Assert.Contains("通过 0／提交 0／预计 50", cut.Markup);
    }

    [Fact]
    public async Task BatchNoticePage_AdministeredPhotoRules_ShowsTheirColourAndSize()
    {
        var (services, own, _) = await ArrangeAsync();
        await using var _ = services;
        var admin = StaffScopes.ActorFor(StaffScopes.Admin);
        var batch = await services.Provider.GetRequiredService<BatchCommands>().CreateAsync(StaffScopes.Admin, admin, new BatchInput
        {
            SchoolId = own.Id, Name = "甲大学批次", OpensAtLocal = new DateTime(2026, 11, 28), ClosesAtLocal = new DateTime(2026, 12, 28), PriceYuan = 30,
        });
        var settings = services.Provider.GetRequiredService<SettingsService>();
        var values = settings.Current;
        values.BackgroundColor = "#3C8CDC";
        values.PhotoSpec[nameof(PhotoSpec.MinBytes)] = 40 * 1024;
        await settings.SaveAsync(admin, values);

        await using var ctx = CreateContext(services, own.Id);
        var cut = ctx.Render<BatchNoticePage>(p => p.Add(page => page.Id, batch.Id));

        var requirements = cut.WaitForElement("[data-notice=requirements]").TextContent;
        Assert.Contains("色号 3C8CDC", requirements);
        Assert.Contains("文件大小在 40K 以上", requirements);
        Assert.Contains("长宽为 480×640 像素", requirements);
        Assert.DoesNotContain("28BEFA", requirements);
        Assert.Contains("2026年12月28日 00:00", cut.Find("[data-notice=deadline]").TextContent);
    }

    [Fact]
    public async Task BatchDetailPage_ClosedPastDeadline_TeacherGetsHowToReopenInsteadOfButtons()
    {
        var (services, own, _) = await ArrangeAsync();
        await using var _ = services;
        var commands = services.Provider.GetRequiredService<BatchCommands>();
        var teacher = StaffScopes.Teacher(own.Id);
        var batch = await commands.CreateAsync(teacher, StaffScopes.ActorFor(teacher), new BatchInput
        {
            SchoolId = own.Id, Name = "甲大学批次", OpensAtLocal = new DateTime(2026, 11, 28, 8, 0, 0), ClosesAtLocal = new DateTime(2026, 12, 28, 18, 0, 0), PriceYuan = 30,
        });
        await commands.CloseAsync(teacher, StaffScopes.ActorFor(teacher), batch.Id, batch.Version);
        services.Time.Advance(TimeSpan.FromDays(60));

        await using var ctx = CreateContext(services, own.Id);
        var cut = ctx.Render<BatchDetailPage>(p => p.Add(page => page.Id, batch.Id));

        cut.WaitForElement("[data-testid=batch-detail][data-ready=true]");
        Assert.Contains(BatchErrors.DeadlinePassed.Message, cut.Find("[data-testid=batch-reopen-hint]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=batch-reopen]"));
        Assert.Empty(cut.FindAll("[data-testid=batch-close]"));
        Assert.Empty(cut.FindAll("[data-testid=batch-archive]"));
        Assert.Single(cut.FindAll("[data-testid=batch-edit]"));
        Assert.Single(cut.FindAll("[data-testid=feature-code-regenerate]"));
        Assert.Contains("2026-11-28 08:00 至 2026-12-28 18:00", cut.Find("[data-testid=batch-detail]").TextContent);
        Assert.Equal(batch.FeatureCode, cut.Find("[data-testid=feature-code]").TextContent);
    }

    [Fact]
    public void AdminPages_AllRequireTheAdminPolicy()
    {
        var pages = typeof(AuditLogPage).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(AuditLogPage).Namespace && t.GetCustomAttribute<RouteAttribute>() is not null)
            .ToList();

        Assert.Equal(7, pages.Count); // audit, 测试采集码, users, branches, schools, reasons, settings
        Assert.All(pages, page => Assert.Contains(page.GetCustomAttributes<AuthorizeAttribute>(), a => a.Policy == Policies.Admin));
    }
}
