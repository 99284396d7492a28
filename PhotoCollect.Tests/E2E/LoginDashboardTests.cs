using Microsoft.Playwright;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.E2E;

[Trait("Category", "E2E")]
public sealed class LoginDashboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_LogsIn_SeesDashboard()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/Account/Login**");
        await BrowserFixture.ScreenshotAsync(page, "01-login");
        await page.FillAsync("#Input\\.Email", PortalFactory.AdminEmail);
        await page.FillAsync("#Input\\.Password", PortalFactory.AdminPassword);
        await page.ClickAsync("[data-testid=login-submit]");

        // Ready markers instead of sleeps: the layout marks the live circuit, the dashboard its loaded figures.
        await page.Locator("#pc-interactive[data-ready=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await page.Locator("[data-testid=dashboard][data-ready=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        Assert.Equal("数据范围：全部分社", (await page.Locator("[data-testid=dashboard-scope]").InnerTextAsync()).Trim());
        Assert.True(int.Parse(await page.Locator("[data-testid=figure-total]").InnerTextAsync(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("管理员", (await page.Locator("[data-testid=user-role]").InnerTextAsync()).Trim());
        Assert.Equal("工作台 · 中国图片社", await page.TitleAsync());
        var screenshot = await BrowserFixture.ScreenshotAsync(page, "02-dashboard-admin");
        Assert.True(new FileInfo(screenshot).Length > 10_000);

        // The admin-only navigation leads to the audit log, which shows the demo seeding.
        await page.ClickAsync("[data-testid=nav-audit]");
        await page.Locator("[data-testid=audit-table] >> text=生成演示数据").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await BrowserFixture.ScreenshotAsync(page, "03-audit-log");

        // Two-step verification set-up renders its QR code (static SSR account page).
        await page.GotoAsync("/Account/Manage/EnableAuthenticator");
        await page.Locator("[data-testid=authenticator-qr]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Matches("^[A-Z0-9 ]{20,}$", (await page.Locator("[data-testid=authenticator-key]").InnerTextAsync()).Trim());
        await BrowserFixture.ScreenshotAsync(page, "04-enable-authenticator");
    }
}
