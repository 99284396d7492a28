using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Portal.Components.Reviews;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Portal.Reviews;

public sealed class ReviewWorkspacePageTests
{
    private static BunitContext CreateContext(ReviewArrangement a)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(a.Claims);
        ctx.Services.AddSingleton(a.Decisions);
        ctx.Services.AddSingleton(a.Reasons);
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("李审核");
        auth.SetRoles(Roles.Reviewer);
        auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, a.ReviewerA.UserId),
            new Claim(StaffClaims.DisplayName, "李审核"),
            new Claim(StaffClaims.BranchId, a.ReviewerA.BranchId!.Value.ToString(CultureInfo.InvariantCulture)));
        return ctx;
    }

    private static IRenderedComponent<ReviewWorkspacePage> Render(BunitContext ctx, long orderId)
    {
        var cut = ctx.Render<ReviewWorkspacePage>(p => p.Add(x => x.OrderId, orderId));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=review-workspace]").GetAttribute("data-ready")));
        return cut;
    }

    private static void Press(IRenderedComponent<ReviewWorkspacePage> cut, string key) =>
        cut.Find("[data-testid=review-workspace]").KeyDown(new KeyboardEventArgs { Key = key });

    private static void AssertShows(IRenderedComponent<ReviewWorkspacePage> cut, long orderId) =>
        cut.WaitForAssertion(() =>
        {
            var root = cut.Find("[data-testid=review-workspace]");
            Assert.Equal(orderId.ToString(CultureInfo.InvariantCulture), root.GetAttribute("data-order-id"));
            Assert.Equal("true", root.GetAttribute("data-ready"));
        });

    [Fact]
    public async Task KeyA_ApprovesAndShowsTheNextOrderWithTheOneAfterPreloaded()
    {
        await using var a = await ReviewArrangement.CreateAsync();
        await using var ctx = CreateContext(a);
        var cut = Render(ctx, a.OrdersA[0]);
        Assert.Equal(a.OrdersA[1].ToString(CultureInfo.InvariantCulture), cut.Find("[data-testid=review-preload]").GetAttribute("data-order-id"));

        Press(cut, "a");

        AssertShows(cut, a.OrdersA[1]);
        Assert.Equal(a.OrdersA[2].ToString(CultureInfo.InvariantCulture), cut.Find("[data-testid=review-preload]").GetAttribute("data-order-id"));
        await using var db = a.Services.Database.CreateDbContext();
        var decision = await db.ReviewDecisions.SingleAsync();
        Assert.Equal((a.OrdersA[0], true, a.ReviewerA.UserId), (decision.OrderId, decision.Approved, decision.ReviewerId));
        Assert.Equal(OrderStatus.Approved, (await db.Orders.SingleAsync(o => o.Id == a.OrdersA[0])).Status);
    }

    [Fact]
    public async Task KeysR_Digits_Enter_RejectWithTheChosenReasons_EnterWithoutReasonsDoesNothing()
    {
        await using var a = await ReviewArrangement.CreateAsync();
        var reasons = await a.Reasons.ListAsync(activeOnly: true);
        await using var ctx = CreateContext(a);
        var cut = Render(ctx, a.OrdersA[0]);

        Press(cut, "r");
        cut.WaitForElement("[data-testid=reject-dialog]");
        Press(cut, "Enter");
        Press(cut, "1");
        Press(cut, "3");
        Press(cut, "2");
        Press(cut, "2");
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=reason][data-selected=true]").Count));
        await using (var db = a.Services.Database.CreateDbContext())
        {
            Assert.False(await db.ReviewDecisions.AnyAsync(), "Enter with no reason ticked must not reject");
        }

        Press(cut, "Enter");

        AssertShows(cut, a.OrdersA[1]);
        await using var check = a.Services.Database.CreateDbContext();
        var decision = await check.ReviewDecisions.SingleAsync();
        Assert.False(decision.Approved);
        Assert.Equal([reasons[0].Code, reasons[2].Code], decision.ReasonCodes);
        Assert.Equal(OrderStatus.Rejected, (await check.Orders.SingleAsync(o => o.Id == a.OrdersA[0])).Status);
    }

    [Fact]
    public async Task KeysR_ShiftDigit_SlashFilterEnter_RejectWithReasonsBeyondTheTenthDigit()
    {
        await using var a = await ReviewArrangement.CreateAsync();
        await using var ctx = CreateContext(a);
        var cut = Render(ctx, a.OrdersA[0]);

        Press(cut, "r");
        cut.WaitForElement("[data-testid=reject-dialog]");
        cut.Find("[data-testid=review-workspace]").KeyDown(new KeyboardEventArgs { Key = "&", Code = "Digit7", ShiftKey = true });
        Press(cut, "/");
        cut.Find("[data-testid=reject-filter]").Input("模糊");
        cut.Find("[data-testid=reject-filter]").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=reason][data-selected=true]").Count));
        // Typing in the filter box is not a shortcut: "a" there approves nothing.
        cut.Find("[data-testid=reject-filter]").KeyDown(new KeyboardEventArgs { Key = "a" });

        cut.Find("[data-testid=reject-filter]").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        AssertShows(cut, a.OrdersA[1]);
        await using var db = a.Services.Database.CreateDbContext();
        var decision = await db.ReviewDecisions.SingleAsync();
        Assert.False(decision.Approved);
        Assert.Equal(["blurry", "other"], decision.ReasonCodes);
    }

    [Fact]
    public async Task KeysJ_K_Z_O_Escape_NavigateZoomToggleOverlaysAndCancelWithoutDeciding()
    {
        await using var a = await ReviewArrangement.CreateAsync();
        await using var ctx = CreateContext(a);
        var cut = Render(ctx, a.OrdersA[0]);

        Press(cut, "j");
        AssertShows(cut, a.OrdersA[1]);
        Press(cut, "k");
        AssertShows(cut, a.OrdersA[0]);

        Press(cut, "z");
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=review-stage]").GetAttribute("data-zoomed")));
        Assert.Single(cut.FindAll("[data-testid=photo-overlay]"));
        Press(cut, "o");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=photo-overlay]")));

        Press(cut, "r");
        cut.WaitForElement("[data-testid=reject-dialog]");
        Press(cut, "1");
        Press(cut, "Escape");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=reject-dialog]")));

        await using var db = a.Services.Database.CreateDbContext();
        Assert.False(await db.ReviewDecisions.AnyAsync());
        // Moving on gave back the claim on the order left behind; only the open one is held.
        Assert.Equal([a.OrdersA[0]], await db.ReviewClaims.Select(c => c.OrderId).ToListAsync());
    }

    [Fact]
    public async Task OrderClaimedByAnotherReviewer_ReadOnly_KeyADoesNothing()
    {
        await using var a = await ReviewArrangement.CreateAsync();
        await a.Claims.OpenAsync(a.ReviewerA2, ReviewArrangement.Actor(a.ReviewerA2), a.OrdersA[0]);
        await using var ctx = CreateContext(a);
        var cut = Render(ctx, a.OrdersA[0]);

        Assert.Contains("王审核", cut.Find("[data-testid=review-claimed]").TextContent);
        Press(cut, "a");

        await using var db = a.Services.Database.CreateDbContext();
        Assert.False(await db.ReviewDecisions.AnyAsync());
    }

    [Fact]
    public async Task PhotoOverlay_RendersReportGeometryAndSpecWindows()
    {
        await using var ctx = new BunitContext();
        var spec = ReviewSpecWindows.From(new PhotoSpec());
        var geometry = new PhotoGeometry
        {
            FaceBox = new BoxF(130.5, 150, 220, 240),
            CrownY = 72.25,
            EyeLineY = 251,
            Keypoints = [new PointF(200, 251), new PointF(280, 251), new PointF(240, 300)],
        };

        var cut = ctx.Render<PhotoOverlay>(p => p.Add(x => x.Spec, spec).Add(x => x.Geometry, geometry));

        Assert.Equal("0 0 480 640", cut.Find("svg").GetAttribute("viewBox"));
        var face = cut.Find("[data-overlay=face-box]");
        Assert.Equal(("130.5", "150", "220", "240"), (face.GetAttribute("x"), face.GetAttribute("y"), face.GetAttribute("width"), face.GetAttribute("height")));
        Assert.Equal("251", cut.Find("[data-overlay=eye-line]").GetAttribute("y1"));
        Assert.Equal("72.3", cut.Find("[data-overlay=crown-line]").GetAttribute("y1"));
        var crown = cut.Find("[data-overlay=crown-window]");
        Assert.Equal(("30", "80"), (crown.GetAttribute("y"), crown.GetAttribute("height")));
        var eye = cut.Find("[data-overlay=eye-window]");
        Assert.Equal(("200", "100"), (eye.GetAttribute("y"), eye.GetAttribute("height")));
        var centre = cut.Find("[data-overlay=centre-window]");
        Assert.Equal(("216", "48"), (centre.GetAttribute("x"), centre.GetAttribute("width")));
        Assert.Equal("240", cut.Find("[data-overlay=centre-line]").GetAttribute("x1"));
        Assert.Equal(2, cut.FindAll("[data-overlay=eye]").Count);

        // No face found: only the spec windows and the centre line.
        var bare = ctx.Render<PhotoOverlay>(p => p.Add(x => x.Spec, spec).Add(x => x.Geometry, null));
        Assert.Empty(bare.FindAll("[data-overlay=face-box]"));
        Assert.Empty(bare.FindAll("[data-overlay=eye-line]"));
        Assert.Single(bare.FindAll("[data-overlay=crown-window]"));
    }
}
