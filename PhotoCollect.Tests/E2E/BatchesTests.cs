using Microsoft.Playwright;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Demo;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.E2E;

[Trait("Category", "E2E")]
public sealed class BatchesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorWaitForOptions Wait = new() { Timeout = 30_000 };

    [Fact]
    public async Task Teacher_CreatesBatch_SeesFeatureCode_PrintsNoticeWithQr()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoDataSeeder.Teacher.Email, DemoDataSeeder.Teacher.Password);

        await page.ClickAsync("[data-testid=nav-batches]");
        await page.Locator("[data-testid=batch-table][data-ready=true] [data-testid=batch-link]").First.WaitForAsync(Wait);
        await BrowserFixture.ScreenshotAsync(page, "10-batches-teacher");

        await page.ClickAsync("[data-testid=batch-create]");
        await page.Locator("input[data-testid=batch-name]").WaitForAsync(Wait);

        // Validation first: an empty name is refused in Chinese.
        await page.ClickAsync("[data-testid=batch-save]");
        await page.Locator("text=请填写批次名称。").WaitForAsync(Wait);
        await BrowserFixture.ScreenshotAsync(page, "11-batch-form-validation");

        await page.FillAsync("input[data-testid=batch-name]", "2027届研究生图像采集");
        await page.FillAsync("input[data-testid=batch-price]", "25.5");
        await page.FillAsync("input[data-testid=batch-expected]", "80");
        await page.ClickAsync("[data-testid=batch-save]");

        var code = page.Locator("[data-testid=feature-code]");
        await code.WaitForAsync(Wait);
        var featureCode = (await code.InnerTextAsync()).Trim();
        Assert.True(FeatureCodeGenerator.IsWellFormed(featureCode), featureCode);
        Assert.Equal("2027届研究生图像采集", (await page.Locator("[data-testid=batch-name]").InnerTextAsync()).Trim());
        Assert.Contains("25.50 元", await page.Locator("[data-testid=batch-detail]").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "12-batch-detail-created");

        await page.ClickAsync("[data-testid=batch-notice]");
        await page.Locator("[data-testid=notice][data-ready=true]").WaitForAsync(Wait);
        Assert.Equal(featureCode, (await page.Locator("[data-testid=notice-code]").InnerTextAsync()).Trim());

        // The QR is a real decoded image, not a broken link.
        var qrWidth = await page.Locator("[data-testid=notice-qr]").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
        Assert.True(qrWidth > 100, $"QR natural width {qrWidth}");
        await BrowserFixture.ScreenshotAsync(page, "13-batch-notice");

        // The PNG for the class group chat: drawn in the browser and downloaded.
        await page.Locator("#pc-interactive[data-ready=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=notice-download]"), new PageRunAndWaitForDownloadOptions { Timeout = 30_000 });
        Assert.Equal($"采集通知-{featureCode}.png", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetDirectoryName(await BrowserFixture.ScreenshotAsync(page, "14-batch-notice-after-download"))!, "15-batch-notice-download.png");
        await download.SaveAsAsync(saved);
        var bytes = await File.ReadAllBytesAsync(saved);
        Assert.True(bytes.Length > 20_000, $"PNG of {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
    }

    [Fact]
    public async Task Admin_OpensOrderAndAdministrationPages()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        await page.GotoAsync("/batches");
        await page.Locator("[data-testid=batch-table][data-ready=true] [data-testid=batch-link]").First.WaitForAsync(Wait);
        await BrowserFixture.ScreenshotAsync(page, "20-batches-admin");
        await page.Locator("[data-testid=batch-link] >> text=2027届本科毕业生图像采集").ClickAsync();
        await page.Locator("[data-testid=batch-orders] [data-testid=order-link]").First.WaitForAsync(Wait);
        await BrowserFixture.ScreenshotAsync(page, "21-batch-detail-admin");

        await page.Locator("[data-testid=order-link]").First.ClickAsync();
        await page.Locator("[data-testid=order-detail][data-ready=true]").WaitForAsync(Wait);
        Assert.Contains("****", await page.Locator("[data-testid=student-id-number]").InnerTextAsync());
        await page.ClickAsync("[data-testid=reveal-id]");
        await page.Locator(".mud-dialog >> text=查看").Last.ClickAsync();
        await page.Locator("[data-testid=order-timeline] >> text=查看完整证件号").WaitForAsync(Wait);
        Assert.DoesNotContain("*", await page.Locator("[data-testid=student-id-number]").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "22-order-detail-revealed");

        foreach (var (path, table, shot) in new[]
        {
            ("/admin/users", "users-table", "23-admin-users"),
            ("/admin/schools", "schools-table", "24-admin-schools"),
            ("/admin/reasons", "reasons-table", "25-admin-reasons"),
        })
        {
            await page.GotoAsync(path);
            await page.Locator($"[data-testid={table}] tbody tr").First.WaitForAsync(Wait);
            await BrowserFixture.ScreenshotAsync(page, shot);
        }

        await page.GotoAsync("/admin/settings");
        await page.Locator("[data-testid=settings-form]").WaitForAsync(Wait);
        await BrowserFixture.ScreenshotAsync(page, "26-admin-settings");

        await page.GotoAsync("/admin/audit");
        await page.Locator("#pc-interactive[data-ready=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await page.FillAsync("input[data-testid=audit-actor]", "管理员");
        await page.Locator("[data-testid=audit-total] >> text=共 1 条").WaitForAsync(Wait);
        Assert.Contains("查看完整证件号", await page.Locator("[data-testid=audit-table]").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "27-audit-filtered");
    }
}
