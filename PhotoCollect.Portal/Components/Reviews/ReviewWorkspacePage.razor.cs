using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Portal.Components.Shared;

namespace PhotoCollect.Portal.Components.Reviews;

/// <summary>
/// One order at a time, driven from the keyboard. The page maps keys to the
/// <see cref="ReviewSession"/> (which order is open and claimed) and to the reject panel.
/// </summary>
public partial class ReviewWorkspacePage : ComponentBase, IAsyncDisposable
{
    // Decision toasts come at keyboard pace: short, and quick to appear and go.
    private static readonly Action<SnackbarOptions> Brief = o => (o.VisibleStateDuration, o.ShowTransitionDuration, o.HideTransitionDuration) = (1200, 100, 100);

    private ElementReference _root;
    private RejectPanel? _rejectPanel;
    private ReviewSession _session = default!;
    private IReadOnlyList<RejectionReason> _reasons = [];
    private bool _rejecting;
    private bool _overlays = true;
    private bool _zoomed;
    private bool _busy;
    private bool _interactive;
    private bool _focusPending = true;

    [Parameter]
    public long OrderId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private ReviewWorkspace? View => _session?.View;

    private bool Ready => _interactive && View is not null && !_busy;

    protected override async Task OnParametersSetAsync()
    {
        _session ??= new ReviewSession(Claims, Decisions, await StaffUser.FromAsync(AuthenticationState));
        if (View?.OrderId == OrderId)
        {
            return;
        }

        _reasons = _reasons.Count > 0 ? _reasons : await Reasons.ListAsync(activeOnly: true);
        try
        {
            await MoveAsync(() => _session.ShowAsync(OrderId));
        }
        catch (DomainException error) when (error.Code == OrderErrors.NotFound.Code)
        {
            Navigation.NotFound();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await using (var module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Reviews/ReviewWorkspacePage.razor.js"))
            {
                await module.InvokeVoidAsync("focusFilterOnSlash", _root);
            }

            _interactive = true;
            StateHasChanged();
        }

        if (_focusPending && View is not null)
        {
            _focusPending = false;
            await _root.FocusAsync();
        }
    }

    /// <summary>The workspace's shortcuts; keys typed into the panel's text boxes never get here.</summary>
    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (View is null || _busy || e.CtrlKey || e.AltKey || e.MetaKey)
        {
            return;
        }

        switch (e.Key.Length == 1 ? e.Key.ToUpperInvariant() : e.Key)
        {
            case "Z": _zoomed = !_zoomed; break;
            case "O": _overlays = !_overlays; break;
            case "J": await MoveAsync(_session.NextAsync); break;
            case "K": await MoveAsync(_session.PreviousAsync); break;
            case "A" when !_rejecting: await DecideAsync(approve: true, [], null); break;
            case "R" when !_rejecting: OpenReject(); break;
            default: await (_rejecting && _rejectPanel is not null ? _rejectPanel.HandleKeyAsync(e) : Task.CompletedTask); break;
        }
    }

    private void OpenReject() => _rejecting = View?.CanDecide == true;

    private void CloseReject() => (_rejecting, _focusPending) = (false, true);

    private Task ApproveAsync() => DecideAsync(approve: true, [], null);

    private Task RejectAsync(RejectChoice choice) => DecideAsync(approve: false, choice.Codes, choice.Comment);

    private async Task DecideAsync(bool approve, IReadOnlyList<string> codes, string? comment)
    {
        if (View is not { CanDecide: true } view || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            await MoveAsync(() => _session.DecideAsync(approve, codes, comment));
            // One at a time: at keyboard pace they would otherwise pile up over the photo.
            Snackbar.Clear();
            Snackbar.Add(approve ? $"已通过 {view.OrderNo}" : $"已驳回 {view.OrderNo}", approve ? Severity.Success : Severity.Info, Brief);
        }
        catch (DomainException error)
        {
            Snackbar.Add(error.Message, Severity.Error);
        }
        finally
        {
            (_rejecting, _busy, _focusPending) = (false, false, true);
        }
    }

    /// <summary>Runs a move of the session; a newly opened order gets the focus and the address bar.</summary>
    private async Task MoveAsync(Func<Task> move)
    {
        var before = View?.OrderId;
        await move();
        if (View is { } view && view.OrderId != before)
        {
            (_rejecting, _focusPending) = (false, true);
            if (view.OrderId != OrderId)
            {
                Navigation.NavigateTo($"reviews/{view.OrderId}", replace: true);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await (_session?.DisposeAsync() ?? ValueTask.CompletedTask);
        GC.SuppressFinalize(this);
    }
}
