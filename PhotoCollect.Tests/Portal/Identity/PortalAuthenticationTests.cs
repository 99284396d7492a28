using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Demo;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Students;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Portal.Identity;

public sealed class PortalAuthenticationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Manage")]
    public async Task AnonymousRequest_RedirectedToLogin(string path)
    {
        using var client = factory.CreateBrowserLikeClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task LoginPage_AnonymousGets200InChinese()
    {
        using var client = factory.CreateBrowserLikeClient();

        var html = await client.GetStringAsync("/Account/Login");

        Assert.Contains("登录工作平台", html);
        Assert.Contains("lang=\"zh-CN\"", html);
    }

    [Fact]
    public async Task Admin_SignsIn_DashboardShowsChineseFiguresForAllBranches()
    {
        using var client = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("工作台", html);
        Assert.Contains("数据范围：全部分社", html);
        Assert.Contains("待审核", html);
        Assert.Equal(await CountOrdersAsync(_ => true), Figure(html, "figure-total"));
    }

    [Fact]
    public async Task WrongPassword_ShowsChineseErrorAndNoCookie()
    {
        using var client = factory.CreateBrowserLikeClient();

        var response = await PortalFactory.PostLoginAsync(client, PortalFactory.AdminEmail, "wrong-password");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("邮箱或密码不正确", html);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Teacher_SeesOnlyOwnSchoolFigures()
    {
        var otherSchoolOrders = await AddOrdersInAnotherSchoolAsync();
        using var client = await factory.SignInAsync(DemoDataSeeder.Teacher.Email, DemoDataSeeder.Teacher.Password);

        var html = await client.GetStringAsync("/");

        var ownSchool = await CountOrdersAsync(o => o.Batch!.School!.Name == DemoDataSeeder.SchoolName);
        Assert.Contains("数据范围：" + DemoDataSeeder.SchoolName, html);
        Assert.Equal(ownSchool, Figure(html, "figure-total"));
        Assert.Equal(await CountOrdersAsync(_ => true) - otherSchoolOrders, ownSchool);
        Assert.Matches("data-testid=\"user-role\"[^>]*><span[^>]*>老师<", html);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        using var client = await factory.SignInAsync(DemoDataSeeder.Reviewer.Email, DemoDataSeeder.Reviewer.Password);
        var page = await client.GetStringAsync("/");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["returnUrl"] = "Account/Login",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task Login_HostileReturnUrl_LandsOnHomePage(string returnUrl)
    {
        using var client = factory.CreateBrowserLikeClient();

        var response = await PortalFactory.PostLoginAsync(client, PortalFactory.AdminEmail, PortalFactory.AdminPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.True(!location.IsAbsoluteUri || location.Host == "localhost", location.ToString());
        Assert.Equal("/", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
    }

    [Fact]
    public async Task Login_LocalReturnUrl_IsFollowed()
    {
        using var client = factory.CreateBrowserLikeClient();

        var response = await PortalFactory.PostLoginAsync(client, PortalFactory.AdminEmail, PortalFactory.AdminPassword, "/Account/Manage");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/Account/Manage", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task DeactivatedUser_CannotSignIn_AndIsToldOnlyWithTheRightPassword()
    {
        const string email = "inactive@test.local";
        const string password = "Inactive#Pass2026";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PhotoCollect.Core.Identity.AppUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new PhotoCollect.Core.Identity.AppUser { UserName = email, Email = email, DisplayName = "停用老师", IsActive = false };
                Assert.True((await users.CreateAsync(user, password)).Succeeded);
                await users.AddToRoleAsync(user, PhotoCollect.Core.Identity.Roles.Teacher);
            }
        }

        using var client = factory.CreateBrowserLikeClient();
        var right = await PortalFactory.PostLoginAsync(client, email, password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("该账号已停用", await right.Content.ReadAsStringAsync());

        var wrong = await PortalFactory.PostLoginAsync(client, email, "Wrong#Pass2026");
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.DoesNotContain("该账号已停用", wrongHtml);
        Assert.Contains("邮箱或密码不正确", wrongHtml);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task AuditLog_AdminSeesIt_TeacherIsRefused()
    {
        using var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var adminResponse = await admin.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.OK, adminResponse.StatusCode);
        var html = await adminResponse.Content.ReadAsStringAsync();
        Assert.Contains("审计日志", html);
        Assert.Contains("生成演示数据", html);
        Assert.Contains("data-testid=\"nav-audit\"", html);

        using var teacher = await factory.SignInAsync(DemoDataSeeder.Teacher.Email, DemoDataSeeder.Teacher.Password);
        var teacherResponse = await teacher.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, teacherResponse.StatusCode);
        Assert.Equal("/Account/AccessDenied", teacherResponse.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain("nav-audit", await teacher.GetStringAsync("/"));
    }

    [Fact]
    public async Task ChsiTestCodes_AdminSeesIt_ReviewerIsRefused()
    {
        using var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var html = await admin.GetStringAsync("/admin/chsi-codes");
        Assert.Contains("测试采集码", html);
        Assert.Contains("data-testid=\"nav-chsi-codes\"", html);

        using var reviewer = await factory.SignInAsync(DemoDataSeeder.Reviewer.Email, DemoDataSeeder.Reviewer.Password);
        var response = await reviewer.GetAsync("/admin/chsi-codes");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }

    private static int Figure(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>([0-9,]+)<");
        Assert.True(match.Success, $"figure {testId} not found");
        return int.Parse(match.Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<int> CountOrdersAsync(System.Linq.Expressions.Expression<Func<Order, bool>> filter)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PhotoCollectDbContext>>().CreateDbContextAsync();
        return await db.Orders.CountAsync(filter);
    }

    /// <summary>Adds a second branch and school with two orders the demo teacher must not see.</summary>
    private async Task<int> AddOrdersInAnotherSchoolAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PhotoCollectDbContext>>().CreateDbContextAsync();
        if (await db.Schools.AnyAsync(s => s.Name == "别的大学"))
        {
            return 2;
        }

        var protector = factory.Services.GetRequiredService<PersonalDataProtector>();
        var (_, school) = await Builders.AddSchoolAsync(db, "上海分社", "别的大学");
        var batch = Builders.Batch(
            priceFen: 0, school: school, featureCode: "OTHERSCH".Replace('O', 'Q').Replace('I', 'J'), opensAt: DateTimeOffset.UtcNow.AddDays(-1), closesAt: DateTimeOffset.UtcNow.AddDays(10));
        db.CollectionBatches.Add(batch);
        for (var i = 0; i < 2; i++)
        {
            var record = Builders.Record(protector);
            db.StudentRecords.Add(record);
            await db.SaveChangesAsync();
            db.Orders.Add(Order.Create($"PCOTHER{i:D8}", batch, record, Actor.System, DateTimeOffset.UtcNow));
        }

        await db.SaveChangesAsync();
        return 2;
    }
}
