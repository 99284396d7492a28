using Microsoft.Playwright;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.E2E;

[Trait("Category", "E2E")]
public sealed class StudentSimulatorTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorWaitForOptions Wait = new() { Timeout = 30_000 };

    [Fact]
    public async Task Simulator_WalksTheStudentFlow_ThroughPayment()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl,
            ViewportSize = new ViewportSize { Width = 400, Height = 860 },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/dev/student");
        await page.Locator("body[data-ready=true]").WaitForAsync(Wait);

        // Login needs the terms box: the simulator says so instead of calling the API.
        await page.ClickAsync("[data-testid=login]");
        await page.Locator("[data-testid=error] >> text=请先勾选同意").WaitForAsync(Wait);
        await page.CheckAsync("[data-testid=agree-terms]");
        await page.ClickAsync("[data-testid=login]");
        await page.ClickAsync("[data-testid=consent]");

        // A demo batch's 特征码, typed in lower case with a dash as students do.
        await page.Locator("#demo-batches a").First.WaitForAsync(Wait);
        var code = await page.Locator("#demo-batches a").First.InnerTextAsync();
        await page.FillAsync("[data-testid=feature-code]", code[..4].ToLowerInvariant() + "-" + code[4..]);
        await page.ClickAsync("[data-testid=find-batch]");
        await page.Locator("[data-testid=batch-info]").WaitForAsync(Wait);

        await page.ClickAsync("[data-testid=sample-code]");
        await page.Locator("#sample-code-note >> text=示例采集码").WaitForAsync(Wait);
        await BrowserFixture.ScreenshotAsync(page, "student-01-code");
        await page.ClickAsync("[data-testid=read-code]");
        await page.Locator("#student >> text=110105********").WaitForAsync(Wait);

        // A bad phone number is refused with its code; the corrected form goes through.
        await page.FillAsync("[data-testid=email]", "student@example.com");
        await page.FillAsync("[data-testid=phone]", "12345");
        await page.ClickAsync("[data-testid=confirm]");
        await page.Locator("[data-testid=error] >> text=student.invalid_phone").WaitForAsync(Wait);
        await page.FillAsync("[data-testid=phone]", "13800138000");
        await page.ClickAsync("[data-testid=confirm]");
        await page.Locator("#step-photo:not([hidden])").WaitForAsync(Wait);

        // The wrong-size sample fails with its issue list; 一键修正 repairs it and the fixed photo is accepted.
        await page.ClickAsync("[data-testid=sample-bad]");
        await page.Locator("[data-testid=photo-note] >> text=示例不合格照片").WaitForAsync(Wait);
        await page.ClickAsync("[data-testid=upload-photo]");
        await page.Locator("[data-testid=verdict-issues] >> text=photo.wrong_dimensions").WaitForAsync(Wait);
        Assert.Equal("不合格", await page.Locator("#verdict [data-testid=verdict-outcome]").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "student-02-bad-photo");
        await page.ClickAsync("[data-testid=fix-photo]");
        await page.ClickAsync("[data-testid=use-fixed]");
        await page.Locator("[data-testid=upload-message] >> text=已保存").WaitForAsync(Wait);
        Assert.StartsWith("合格", await page.Locator("#verdict [data-testid=verdict-outcome]").InnerTextAsync());
        await page.Locator("#verdict img.photo").WaitForAsync(Wait);
        await BrowserFixture.ScreenshotAsync(page, "student-03-fixed-photo");

        await page.ClickAsync("[data-testid=submit]");
        await page.Locator("[data-testid=submitted]").WaitForAsync(Wait);
        var order = page.Locator("[data-testid=order]").First;
        await order.Locator("[data-testid=order-status] >> text=待支付").WaitForAsync(Wait);
        Assert.Equal("AwaitingPayment", await order.GetAttributeAsync("data-status"));
        await BrowserFixture.ScreenshotAsync(page, "student-04-submitted");

        // 模拟支付: the real prepay, the simulated WeChat Pay's signed notify, and the order moves on.
        await order.Locator("[data-testid=simulate-pay]").ClickAsync();
        var paid = page.Locator("[data-testid=order]").First;
        await paid.Locator("[data-testid=order-status] >> text=待审核").WaitForAsync(Wait);
        Assert.Equal("PendingReview", await paid.GetAttributeAsync("data-status"));
        await BrowserFixture.ScreenshotAsync(page, "student-05-paid");
        await context.CloseAsync();
    }

    [Fact]
    public async Task ApiPage_ListsTheStudentEndpoints()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/api-docs/index.html");
        try
        {
            await page.Locator(".info .title >> text=PhotoCollect 学生端 API").WaitForAsync(Wait);
        }
        finally
        {
            await BrowserFixture.ScreenshotAsync(page, "student-05-api-page");
        }

        foreach (var path in new[] { "/api/v1/auth/wechat", "/api/v1/chsi-codes/image", "/api/v1/orders/{orderId}/photo" })
        {
            await page.Locator($".opblock-summary-path[data-path='{path}']").First.WaitForAsync(Wait);
        }

        await BrowserFixture.ScreenshotAsync(page, "student-05-api-page");
    }
}
