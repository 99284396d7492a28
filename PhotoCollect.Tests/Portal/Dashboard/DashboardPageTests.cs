using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Dashboard;
using PhotoCollect.Core.Identity;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Students.WeChat;
using PhotoCollect.Portal.Components.Dashboard;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Portal.Dashboard;

public sealed class DashboardPageTests
{
    private static async Task<(TestServices Services, int SchoolId)> ArrangeAsync()
    {
        var services = await TestServices.CreateAsync();
        await using var db = services.Database.CreateDbContext();
        var (_, school) = await AddSchoolAsync(db, "甲分社", "甲大学");
        var (_, other) = await AddSchoolAsync(db, "乙分社", "乙大学");
        var batch = Batch(priceFen: 3000, school: school);
        var otherBatch = Batch(priceFen: 0, school: other, featureCode: "ZZZZZZZZ");
        db.CollectionBatches.AddRange(batch, otherBatch);
        await db.SaveChangesAsync();
        foreach (var target in new[] { batch, batch, otherBatch })
        {
            var record = Record();
            db.StudentRecords.Add(record);
            await db.SaveChangesAsync();
            var order = Order.Create("PC" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(), target, record, Actor.System, Now);
            db.Orders.Add(order);
            order.AttachPhoto(Photo(), target, Actor.System, Now);
            order.Submit(target, Actor.System, Now);
        }

        await db.SaveChangesAsync();
        return (services, school.Id);
    }

    private static WeChatConnectionStatus SimulatedWeChatStatus() =>
        new(TimeProvider.System, Options.Create(new WeChatOptions { Mode = WeChatMode.Simulated }));

    private static BunitContext CreateContext(TestServices services, WeChatConnectionStatus? weChat = null)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(services.Provider.GetRequiredService<DashboardService>());
        ctx.Services.AddSingleton(services.Provider.GetRequiredService<PhotoCollect.Core.Reviews.ReviewStats>());
        ctx.Services.AddSingleton(weChat ?? SimulatedWeChatStatus());
        return ctx;
    }

    private static void SignInTeacher(BunitContext ctx, int schoolId)
    {
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("王老师");
        auth.SetRoles(Roles.Teacher);
        auth.SetClaims(new Claim(StaffClaims.SchoolId, schoolId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Render_Teacher_ShowsOwnSchoolFiguresOnly()
    {
        var (services, schoolId) = await ArrangeAsync();
        await using var _ = services;
        await using var ctx = CreateContext(services);
        SignInTeacher(ctx, schoolId);

        var cut = ctx.Render<DashboardPage>();

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=dashboard]").GetAttribute("data-ready")));
        Assert.Equal("数据范围：甲大学", cut.Find("[data-testid=dashboard-scope]").TextContent);
        Assert.Equal("2", cut.Find("[data-testid=figure-total]").TextContent);
        Assert.Equal("2", cut.Find($"[data-testid=figure-{OrderStatus.AwaitingPayment}]").TextContent);
        Assert.Equal("0", cut.Find($"[data-testid=figure-{OrderStatus.PendingReview}]").TextContent);
        Assert.Equal("2", cut.Find("[data-testid=figure-submitted-today]").TextContent);
        Assert.Contains("待支付", cut.Markup);
    }

    [Fact]
    public async Task Render_Admin_ShowsAllFigures()
    {
        var (services, _) = await ArrangeAsync();
        await using var _ = services;
        await using var ctx = CreateContext(services);
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("管理员");
        auth.SetRoles(Roles.Admin);

        var cut = ctx.Render<DashboardPage>();

        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("[data-testid=figure-total]").TextContent));
        Assert.Equal("1", cut.Find($"[data-testid=figure-{OrderStatus.PendingReview}]").TextContent);
        Assert.Equal("2", cut.Find("[data-testid=figure-open-batches]").TextContent);
    }

    [Fact]
    public async Task Render_Admin_WeChatCredentialsRefused_CardShowsTheCodeAndWhatToFix()
    {
        var (services, _) = await ArrangeAsync();
        await using var _ = services;
        var weChat = new WeChatConnectionStatus(TimeProvider.System, Options.Create(new WeChatOptions { Mode = WeChatMode.Real }));
        weChat.ReportRefused(40125);
        await using var ctx = CreateContext(services, weChat);
        ctx.AddAuthorization().SetAuthorized("管理员").SetRoles(Roles.Admin);

        var cut = ctx.Render<DashboardPage>();

        cut.WaitForAssertion(() => Assert.Equal(nameof(WeChatConnectionState.CredentialsRefused), cut.Find("[data-testid=wechat-connection]").GetAttribute("data-state")));
        Assert.Contains("40125", cut.Find("[data-testid=wechat-connection-label]").TextContent);
        Assert.Contains("WeChat:AppSecret", cut.Find("[data-testid=wechat-connection-description]").TextContent);
    }

    [Fact]
    public async Task Render_Admin_WeChatStateChangesWhileOpen_CardFollows()
    {
        var (services, _) = await ArrangeAsync();
        await using var _ = services;
        var weChat = new WeChatConnectionStatus(TimeProvider.System, Options.Create(new WeChatOptions { Mode = WeChatMode.Real }));
        await using var ctx = CreateContext(services, weChat);
        ctx.AddAuthorization().SetAuthorized("管理员").SetRoles(Roles.Admin);
        var cut = ctx.Render<DashboardPage>();
        cut.WaitForAssertion(() => Assert.Equal("检查中", cut.Find("[data-testid=wechat-connection-label]").TextContent));

        weChat.ReportWorking();

        cut.WaitForAssertion(() => Assert.Equal("正常", cut.Find("[data-testid=wechat-connection-label]").TextContent));
    }

    [Fact]
    public async Task Render_Admin_Simulated_CardSaysSimulated()
    {
        var (services, _) = await ArrangeAsync();
        await using var _ = services;
        await using var ctx = CreateContext(services);
        ctx.AddAuthorization().SetAuthorized("管理员").SetRoles(Roles.Admin);

        var cut = ctx.Render<DashboardPage>();

        cut.WaitForAssertion(() => Assert.Equal("模拟", cut.Find("[data-testid=wechat-connection-label]").TextContent));
    }

    [Fact]
    public async Task Render_Teacher_NoWeChatCard()
    {
        var (services, schoolId) = await ArrangeAsync();
        await using var _ = services;
        await using var ctx = CreateContext(services);
        SignInTeacher(ctx, schoolId);

        var cut = ctx.Render<DashboardPage>();

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=dashboard]").GetAttribute("data-ready")));
        Assert.Empty(cut.FindAll("[data-testid=wechat-connection]"));
    }
}
