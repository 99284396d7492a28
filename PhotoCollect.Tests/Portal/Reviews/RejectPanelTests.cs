using Bunit;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor.Services;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Portal.Components.Reviews;

namespace PhotoCollect.Tests.Portal.Reviews;

public sealed class RejectPanelTests
{
    private static readonly IReadOnlyList<RejectionReason> Catalogue = RejectionReasonCatalogue.CreateStandard();

    private static BunitContext CreateContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        return ctx;
    }

    private static IRenderedComponent<RejectPanel> Render(BunitContext ctx, List<RejectChoice> confirmed) =>
        ctx.Render<RejectPanel>(p => p
            .Add(x => x.Reasons, Catalogue)
            .Add(x => x.OnConfirm, (RejectChoice choice) => confirmed.Add(choice)));

    private static List<string> Selected(IRenderedComponent<RejectPanel> cut) =>
        cut.FindAll("[data-testid=reason][data-selected=true]").Select(c => c.GetAttribute("data-code")!).ToList();

    [Fact]
    public async Task Render_SeventeenReasons_EveryChipShowsItsKey()
    {
        await using var ctx = CreateContext();

        var cut = Render(ctx, []);

        var chips = cut.FindAll("[data-testid=reason]");
        Assert.Equal(17, chips.Count);
        string[] expected = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "⇧1", "⇧2", "⇧3", "⇧4", "⇧5", "⇧6", "⇧7"];
        Assert.Equal(expected, chips.Select(c => c.QuerySelector("[data-testid=reason-key]")?.TextContent.Trim()));
        Assert.Equal(Catalogue.Select(r => r.Code), chips.Select(c => c.GetAttribute("data-code")));
    }

    [Fact]
    public async Task FilterBox_TypeTheSeventeenthReason_EnterSelectsItAndClearsTheFilter()
    {
        await using var ctx = CreateContext();
        var cut = Render(ctx, []);
        var filter = cut.Find("[data-testid=reject-filter]");

        filter.Input("其他");

        var match = Assert.Single(cut.FindAll("[data-testid=reason]"));
        Assert.Equal(("other", "true"), (match.GetAttribute("data-code"), match.GetAttribute("data-highlighted")));
        cut.Find("[data-testid=reject-filter]").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal(["other"], Selected(cut));
        Assert.Equal(17, cut.FindAll("[data-testid=reason]").Count);
        Assert.Equal("", cut.Find("[data-testid=reject-filter]").GetAttribute("value"));
    }

    [Fact]
    public async Task FilterBox_CodeArrowsEscapeAndEnter_HighlightMovesEscapeClearsEmptyEnterConfirms()
    {
        await using var ctx = CreateContext();
        var confirmed = new List<RejectChoice>();
        var cut = Render(ctx, confirmed);

        // By code too, case-insensitive: background_color, background_uneven.
        cut.Find("[data-testid=reject-filter]").Input("BACKGROUND");
        Assert.Equal(2, cut.FindAll("[data-testid=reason]").Count);
        cut.Find("[data-testid=reject-filter]").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        Assert.Equal("background_uneven", cut.Find("[data-testid=reason][data-highlighted=true]").GetAttribute("data-code"));
        cut.Find("[data-testid=reject-filter]").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        cut.Find("[data-testid=reject-filter]").Input("没有这种原因");
        Assert.Empty(cut.FindAll("[data-testid=reason]"));
        cut.Find("[data-testid=reject-filter]").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        Assert.Equal(17, cut.FindAll("[data-testid=reason]").Count);

        cut.Find("[data-testid=reject-filter]").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        var choice = Assert.Single(confirmed);
        Assert.Equal(["background_uneven"], choice.Codes);
    }

    [Fact]
    public async Task HandleKeyAsync_DigitsAndShiftDigits_ReachTheFirstTwentyReasons()
    {
        await using var ctx = CreateContext();
        var cut = Render(ctx, []);

        await cut.InvokeAsync(() => cut.Instance.HandleKeyAsync(new KeyboardEventArgs { Key = "0", Code = "Digit0" }));
        await cut.InvokeAsync(() => cut.Instance.HandleKeyAsync(new KeyboardEventArgs { Key = "!", Code = "Digit1", ShiftKey = true }));
        await cut.InvokeAsync(() => cut.Instance.HandleKeyAsync(new KeyboardEventArgs { Key = "&", Code = "Digit7", ShiftKey = true }));
        // Shift+8 would be the 18th reason: there is none, nothing happens.
        await cut.InvokeAsync(() => cut.Instance.HandleKeyAsync(new KeyboardEventArgs { Key = "*", Code = "Digit8", ShiftKey = true }));

        Assert.Equal([Catalogue[9].Code, Catalogue[10].Code, Catalogue[16].Code], Selected(cut));
    }

    [Theory]
    [InlineData(0, "1")]
    [InlineData(8, "9")]
    [InlineData(9, "0")]
    [InlineData(10, "⇧1")]
    [InlineData(19, "⇧0")]
    [InlineData(20, null)]
    public void KeyFor_Index_DigitThenShiftDigit(int index, string? expected) => Assert.Equal(expected, RejectPanel.KeyFor(index));
}
