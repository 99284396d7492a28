using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using PhotoCollect.Core.Demo;
using PhotoCollect.Tests.Api;
using PhotoCollect.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PhotoCollect.Tests.E2E;

[Trait("Category", "E2E")]
public sealed class ReviewWorkspaceTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorWaitForOptions Wait = new() { Timeout = 30_000 };

    /// <summary>
    /// Records, in the page, the time from a deciding key press (A, or Enter in the reject
    /// dialog) to the next order's photo being complete and painted (the frame after the swap).
    /// </summary>
    private const string LatencyProbe = """
        () => {
          const pc = window.__pcLatency = { t0: 0, from: null, samples: [] };
          const current = () => document.querySelector('[data-testid=review-photo]');
          document.addEventListener('keydown', e => {
            if (e.key === 'a' || e.key === 'A' || e.key === 'Enter') { pc.t0 = performance.now(); pc.from = current()?.dataset.orderId; }
          }, true);
          const check = () => {
            const img = current();
            if (!pc.t0 || !img || img.dataset.orderId === pc.from) return;
            const t0 = pc.t0;
            pc.t0 = 0;
            const shown = () => requestAnimationFrame(() => pc.samples.push(performance.now() - t0));
            if (img.complete && img.naturalWidth > 0) shown(); else img.addEventListener('load', shown, { once: true });
          };
          new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true });
        }
        """;

    [Fact]
    public async Task Reviewer_KeyboardOnly_ApprovesAndRejectsWithTwoReasons_StudentApiShowsTheReasons_ThenClearsTwentyDemoOrders()
    {
        // Two students submit through the student API (free batch in the demo school: straight to 待审核).
        var portal = browser.Portal;
        var batch = await StudentApiKit.AddBatchAsync(portal);
        var first = await SubmitAsync(portal, batch);
        var second = await SubmitAsync(portal, batch);

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoDataSeeder.Reviewer.Email, DemoDataSeeder.Reviewer.Password);
        await page.ClickAsync("[data-testid=nav-reviews]");
        await page.Locator("[data-testid=review-queue][data-ready=true]").WaitForAsync(Wait);
        Assert.Equal("25", await page.Locator("[data-testid=review-queue]").GetAttributeAsync("data-total"));
        await BrowserFixture.ScreenshotAsync(page, "30-review-queue");

        await page.GotoAsync($"/reviews/{first.OrderId}");
        await WaitForOrderAsync(page, first.OrderId);
        Assert.Equal("true", await page.Locator("[data-testid=review-preload]").EvaluateAsync<string>("img => String(img.complete && img.naturalWidth > 0)"));
        Assert.Equal(second.OrderId.ToString(CultureInfo.InvariantCulture), await page.Locator("[data-testid=review-preload]").GetAttributeAsync("data-order-id"));
        Assert.True(await page.Locator("[data-overlay=face-box]").CountAsync() == 1, "face box overlay");
        Assert.True(await page.Locator("[data-overlay=eye-line]").CountAsync() == 1, "eye line overlay");
        Assert.Contains("****", await page.Locator("[data-testid=review-student]").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "31-review-workspace-overlays");
        await page.EvaluateAsync(LatencyProbe);

        // O hides the overlays, O brings them back; Z zooms in and out.
        await page.Keyboard.PressAsync("o");
        await page.Locator("[data-testid=photo-overlay]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 10_000 });
        await page.Keyboard.PressAsync("o");
        await page.Locator("[data-testid=photo-overlay]").WaitForAsync(Wait);
        await page.Keyboard.PressAsync("z");
        await page.Locator("[data-testid=review-stage][data-zoomed=true]").WaitForAsync(Wait);
        await BrowserFixture.ScreenshotAsync(page, "32-review-zoomed");
        await page.Keyboard.PressAsync("z");
        await page.Locator("[data-testid=review-stage][data-zoomed=false]").WaitForAsync(Wait);

        // A approves the first; the second appears.
        await page.Keyboard.PressAsync("a");
        await WaitForOrderAsync(page, second.OrderId);

        // R, 1, 2, Enter rejects the second with the catalogue's first two reasons.
        await page.Keyboard.PressAsync("r");
        await page.Locator("[data-testid=reject-dialog]").WaitForAsync(Wait);
        await page.Keyboard.PressAsync("1");
        await page.Keyboard.PressAsync("2");
        await page.Locator("[data-testid=reason][data-selected=true]").Nth(1).WaitForAsync(Wait);
        await BrowserFixture.ScreenshotAsync(page, "33-review-reject-dialog");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator($"[data-testid=review-workspace][data-ready=true]:not([data-order-id=\"{second.OrderId}\"])").WaitForAsync(Wait);

        var approved = await ReadOrderAsync(first);
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        var rejected = await ReadOrderAsync(second);
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        var reasons = rejected.GetProperty("rejection").GetProperty("reasons").EnumerateArray().ToList();
        Assert.Equal(["背景颜色不符", "背景不均匀或有阴影"], reasons.Select(r => r.GetProperty("label").GetString()));
        Assert.All(reasons, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("guidance").GetString())));

        // Twenty demo orders, keyboard only: every fifth rejected with one reason, the rest approved.
        var sawResubmission = false;
        for (var i = 0; i < 20; i++)
        {
            var current = await page.Locator("[data-testid=review-workspace]").GetAttributeAsync("data-order-id");
            if (!sawResubmission && await page.Locator("[data-testid=review-earlier]").CountAsync() > 0)
            {
                sawResubmission = true;
                await BrowserFixture.ScreenshotAsync(page, "34-review-resubmission-side-by-side");
            }

            if (i % 5 == 4)
            {
                await page.Keyboard.PressAsync("r");
                await page.Locator("[data-testid=reject-dialog]").WaitForAsync(Wait);
                await page.Keyboard.PressAsync((i % 9 + 1).ToString(CultureInfo.InvariantCulture));
                await page.Locator("[data-testid=reason][data-selected=true]").WaitForAsync(Wait);
                await page.Keyboard.PressAsync("Enter");
            }
            else
            {
                await page.Keyboard.PressAsync("a");
            }

            await page.Locator($"[data-testid=review-workspace][data-ready=true]:not([data-order-id=\"{current}\"])").WaitForAsync(Wait);
        }

        Assert.True(sawResubmission, "a resubmitted demo order showed its earlier version");
        var samples = await page.EvaluateAsync<double[]>("() => window.__pcLatency.samples");
        Assert.Equal(22, samples.Length);
        var sorted = samples.Order().ToArray();
        var report = string.Create(CultureInfo.InvariantCulture,
            $"decision → next photo shown, {sorted.Length} decisions: median {sorted[sorted.Length / 2]:F1} ms, min {sorted[0]:F1} ms, p90 {sorted[(int)(sorted.Length * 0.9)]:F1} ms, max {sorted[^1]:F1} ms; all: {string.Join(", ", samples.Select(s => s.ToString("F1", CultureInfo.InvariantCulture)))}");
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(await BrowserFixture.ScreenshotAsync(page, "35-review-after-twenty"))!, "review-latency.txt"), report);

        // The rest in bulk from the queue, after a confirmation that says how many.
        await page.GotoAsync("/reviews");
        await page.Locator("[data-testid=review-queue][data-ready=true]").WaitForAsync(Wait);
        var remaining = await page.Locator("[data-testid=review-queue]").GetAttributeAsync("data-total");
        Assert.Equal("3", remaining);
        await page.ClickAsync("[data-testid=bulk-approve]");
        var confirm = page.Locator(".mud-dialog").GetByText("通过 3 单");
        await confirm.WaitForAsync(Wait);
        await BrowserFixture.ScreenshotAsync(page, "36-review-bulk-confirm");
        await confirm.ClickAsync();
        await page.Locator("[data-testid=review-queue][data-ready=true][data-total=\"0\"]").WaitForAsync(Wait);

        await page.ClickAsync("a[href='/']");
        await page.Locator("[data-testid=review-stats][data-ready=true] [data-testid=review-stats-row]").First.WaitForAsync(Wait);
        // The demo seed's own decisions may fall on today too: at least this session's 25.
        Assert.True(int.Parse((await page.Locator("[data-testid=review-stats-decisions]").First.InnerTextAsync()).Trim(), CultureInfo.InvariantCulture) >= 25);
        await BrowserFixture.ScreenshotAsync(page, "37-dashboard-review-stats");
    }

    private sealed record StudentOrder(HttpClient Client, long OrderId);

    private static async Task<StudentOrder> SubmitAsync(PortalFactory portal, PhotoCollect.Core.Batches.CollectionBatch batch)
    {
        var client = await StudentApiKit.SignInAsync(portal);
        var orderId = await StudentApiKit.CreateOrderAsync(portal, client, batch);
        await StudentApiKit.UploadPhotoAsync(client, orderId, StudentApiKit.GoodPhoto(portal));
        var submitted = await StudentApiKit.ReadAsync(await client.PostAsync($"/api/v1/orders/{orderId}/submit", null));
        Assert.Equal("PendingReview", submitted.GetProperty("status").GetString());
        return new StudentOrder(client, orderId);
    }

    private static async Task<System.Text.Json.JsonElement> ReadOrderAsync(StudentOrder order) =>
        await order.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/orders/{order.OrderId}");

    private static Task WaitForOrderAsync(IPage page, long orderId) =>
        page.Locator($"[data-testid=review-workspace][data-ready=true][data-order-id=\"{orderId}\"]").WaitForAsync(Wait);
}
