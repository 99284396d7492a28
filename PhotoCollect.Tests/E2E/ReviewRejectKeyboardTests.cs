using Microsoft.Playwright;
using PhotoCollect.Core.Demo;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.E2E;

/// <summary>The reject panel in a real browser: reasons past the tenth by Shift+digit and by the filter box.</summary>
[Trait("Category", "E2E")]
public sealed class ReviewRejectKeyboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorWaitForOptions Wait = new() { Timeout = 30_000 };

    [Fact]
    public async Task Reviewer_ShiftDigitAndFilterBox_ReachTheLastReasons_TypingInTheBoxIsNoShortcut()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoDataSeeder.Reviewer.Email, DemoDataSeeder.Reviewer.Password);
        await page.GotoAsync("/reviews");
        await page.Locator("[data-testid=review-queue][data-ready=true]").WaitForAsync(Wait);
        await page.ClickAsync("[data-testid=review-start]");
        var workspace = page.Locator("[data-testid=review-workspace][data-ready=true]");
        await workspace.WaitForAsync(Wait);
        var orderId = await workspace.GetAttributeAsync("data-order-id");

        await page.Keyboard.PressAsync("r");
        await page.Locator("[data-testid=reject-dialog]").WaitForAsync(Wait);
        Assert.Equal("⇧7", (await page.Locator("[data-testid=reason][data-code=other] [data-testid=reason-key]").InnerTextAsync()).Trim());
        await page.Keyboard.PressAsync("Shift+Digit7");
        await page.Locator("[data-testid=reason][data-code=other][data-selected=true]").WaitForAsync(Wait);

        // "/" puts the cursor in the filter box; what is typed there filters and is no shortcut ("a" approves nothing).
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("blur");
        await page.Locator("[data-testid=reason][data-code=blurry][data-highlighted=true]").WaitForAsync(Wait);
        await Assertions.Expect(page.Locator("[data-testid=reject-filter]")).ToHaveValueAsync("blur");
        Assert.Equal(1, await page.Locator("[data-testid=reason]").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "38-review-reject-filter");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[data-testid=reason][data-code=blurry][data-selected=true]").WaitForAsync(Wait);
        Assert.Equal(2, await page.Locator("[data-testid=reason][data-selected=true]").CountAsync());

        await page.Keyboard.TypeAsync("a");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("[data-testid=reject-filter]")).ToHaveValueAsync("", new() { Timeout = 10_000 });
        Assert.Equal(17, await page.Locator("[data-testid=reason]").CountAsync());
        Assert.Equal(orderId, await page.Locator("[data-testid=review-workspace]").GetAttributeAsync("data-order-id"));

        // Esc in the empty box closes the panel without deciding.
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("[data-testid=reject-dialog]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 10_000 });
        Assert.Equal("待审核", (await page.Locator("[data-testid=review-status]").InnerTextAsync()).Trim());
    }
}
