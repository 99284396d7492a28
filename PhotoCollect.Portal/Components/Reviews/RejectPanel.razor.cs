using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using PhotoCollect.Core.Reviews;

namespace PhotoCollect.Portal.Components.Reviews;

/// <summary>The reasons and comment a reviewer chose; codes in catalogue order.</summary>
public sealed record RejectChoice(IReadOnlyList<string> Codes, string? Comment);

/// <summary>
/// The reject panel of the review workspace. Digits reach the first ten reasons and Shift+digits
/// the next ten; the filter box reaches every reason whatever the catalogue's length. The page
/// passes the keys pressed outside the panel's text boxes to <see cref="HandleKeyAsync"/>.
/// </summary>
public partial class RejectPanel : ComponentBase
{
    private readonly HashSet<string> _selected = new(StringComparer.Ordinal);
    private ElementReference _filterBox;
    private string _filter = "";
    private int _highlight;
    private string? _comment;

    /// <summary>The active catalogue in display order.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<RejectionReason> Reasons { get; set; } = [];

    [Parameter]
    public bool Busy { get; set; }

    [Parameter]
    public EventCallback<RejectChoice> OnConfirm { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The reasons the filter lets through, with their place in the catalogue (which fixes their key).</summary>
    private IEnumerable<(RejectionReason Reason, int Index)> Visible =>
        Reasons.Select((reason, index) => (reason, index)).Where(x => Matches(x.reason));

    /// <summary>1–9 and 0 for the first ten reasons, ⇧1–⇧0 for the next ten.</summary>
    public static string? KeyFor(int index) => index switch
    {
        < 9 => (index + 1).ToString(CultureInfo.InvariantCulture),
        9 => "0",
        < 20 => "⇧" + KeyFor(index - 10),
        _ => null,
    };

    /// <summary>A key pressed in the workspace while the panel is open.</summary>
    public async Task HandleKeyAsync(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "Enter":
                await ConfirmAsync();
                return;
            case "Escape":
                await OnCancel.InvokeAsync();
                return;
            case "/":
                await _filterBox.FocusAsync();
                return;
        }

        if (IndexForDigit(e) is { } index && index < Reasons.Count)
        {
            Toggle(Reasons[index].Code);
            // The key arrived through the page's handler, not one of ours.
            StateHasChanged();
        }
    }

    /// <summary>Digits by key; with Shift by the physical key, since Shift+1 types "!" (or "！").</summary>
    private static int? IndexForDigit(KeyboardEventArgs e)
    {
        var key = e.ShiftKey ? e.Code.StartsWith("Digit", StringComparison.Ordinal) ? e.Code[5..] : "" : e.Key;
        if (key is not [var c] || !char.IsAsciiDigit(c))
        {
            return null;
        }

        var index = c == '0' ? 9 : c - '1';
        return e.ShiftKey ? index + 10 : index;
    }

    private string Query => _filter.Trim();

    private bool Matches(RejectionReason reason) =>
        Query.Length == 0
        || reason.Label.Contains(Query, StringComparison.OrdinalIgnoreCase)
        || reason.Code.Contains(Query, StringComparison.OrdinalIgnoreCase);

    private bool IsHighlighted(RejectionReason reason) =>
        Query.Length > 0 && Visible.Select(x => x.Reason).ElementAtOrDefault(_highlight) == reason;

    // @bind, not value + oninput: Blazor then never writes an older value over what is being typed.
    private void ResetHighlight() => _highlight = 0;

    private async Task OnFilterKeyDownAsync(KeyboardEventArgs e)
    {
        var matches = Visible.Select(x => x.Reason).ToList();
        switch (e.Key)
        {
            case "ArrowDown" or "ArrowUp" when matches.Count > 0:
                _highlight = (_highlight + (e.Key == "ArrowDown" ? 1 : matches.Count - 1)) % matches.Count;
                break;
            case "Enter" when Query.Length == 0:
                await ConfirmAsync();
                break;
            case "Enter":
                if (matches.ElementAtOrDefault(_highlight) is { } match)
                {
                    Toggle(match.Code);
                    _filter = "";
                    _highlight = 0;
                }

                break;
            case "Escape" when _filter.Length > 0:
                _filter = "";
                _highlight = 0;
                break;
            case "Escape":
                await OnCancel.InvokeAsync();
                break;
        }
    }

    private async Task OnCommentKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && !e.ShiftKey)
        {
            await ConfirmAsync();
        }
        else if (e.Key == "Escape")
        {
            await OnCancel.InvokeAsync();
        }
    }

    private void Toggle(string code)
    {
        if (!_selected.Remove(code))
        {
            _selected.Add(code);
        }
    }

    private async Task ConfirmAsync()
    {
        if (_selected.Count == 0)
        {
            Snackbar.Add("驳回时至少选择一个驳回原因（按数字键选择，或按 / 输入文字筛选）。", Severity.Warning);
            return;
        }

        await OnConfirm.InvokeAsync(new RejectChoice(Reasons.Where(r => _selected.Contains(r.Code)).Select(r => r.Code).ToList(), _comment));
    }
}
