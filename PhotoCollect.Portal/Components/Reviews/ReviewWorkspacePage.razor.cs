using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Portal.Components.Shared;

namespace PhotoCollect.Portal.Components.Reviews;

/// <summary>
/// One order at a time, driven from the keyboard. The page holds the current order's claim and
/// releases it when the reviewer moves on without deciding; the next order's photo sits in the
/// DOM already (same keyed element), so it shows as soon as the decision is saved.
/// </summary>
public partial class ReviewWorkspacePage : ComponentBase, IAsyncDisposable
{
    private ElementReference _root;
    private StaffUser _user = default!;
    private ReviewWorkspace? _view;
    private IReadOnlyList<RejectionReason> _reasons = [];
    private readonly HashSet<string> _selected = new(StringComparer.Ordinal);
    private string? _comment;
    private bool _rejecting;
    private bool _overlays = true;
    private bool _zoomed;
    private bool _busy;
    private bool _interactive;
    private bool _focusPending = true;
    private bool _queueEmpty;
    private long? _claimedOrderId;

    [Parameter]
    public long OrderId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private ReviewService Reviews { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool Ready => _interactive && _view is not null && !_busy;

    private sealed record Slot(string Key, long OrderId, int VersionNo, bool Current);

    private IEnumerable<Slot> Slots
    {
        get
        {
            if (_view is null)
            {
                yield break;
            }

            yield return new Slot($"{_view.OrderId}-{_view.Current.VersionNo}", _view.OrderId, _view.Current.VersionNo, true);
            if (_view.Next is { } next && next.OrderId != _view.OrderId)
            {
                yield return new Slot($"{next.OrderId}-{next.PhotoVersionNo}", next.OrderId, next.PhotoVersionNo, false);
            }
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _user = await StaffUser.FromAsync(AuthenticationState);
        if (_view?.OrderId == OrderId)
        {
            return;
        }

        if (_reasons.Count == 0)
        {
            _reasons = await Reviews.ActiveReasonsAsync();
        }

        try
        {
            await ShowAsync(OrderId, updateUrl: false);
        }
        catch (DomainException error) when (error.Code == OrderErrors.NotFound.Code)
        {
            _view = null;
            Navigation.NotFound();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }

        if (_focusPending && _view is not null)
        {
            _focusPending = false;
            await _root.FocusAsync();
        }
    }

    /// <summary>The workspace's shortcuts; keys typed into the comment box never get here.</summary>
    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (_view is null || _busy || e.CtrlKey || e.AltKey || e.MetaKey)
        {
            return;
        }

        var key = e.Key.Length == 1 ? e.Key.ToUpperInvariant() : e.Key;
        switch (key)
        {
            case "Z":
                ToggleZoom();
                return;
            case "O":
                _overlays = !_overlays;
                return;
            case "J":
                await NextAsync();
                return;
            case "K":
                await PreviousAsync();
                return;
        }

        if (_rejecting)
        {
            if (key == "Enter")
            {
                await ConfirmRejectAsync();
            }
            else if (key == "Escape")
            {
                CloseReject();
            }
            else if (key.Length == 1 && char.IsAsciiDigit(key[0]))
            {
                var index = key[0] == '0' ? 9 : key[0] - '1';
                if (index < _reasons.Count)
                {
                    ToggleReason(_reasons[index].Code);
                }
            }

            return;
        }

        if (key == "A")
        {
            await ApproveAsync();
        }
        else if (key == "R")
        {
            OpenReject();
        }
    }

    private async Task OnCommentKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && !e.ShiftKey)
        {
            await ConfirmRejectAsync();
        }
        else if (e.Key == "Escape")
        {
            CloseReject();
            _focusPending = true;
        }
    }

    private void ToggleZoom() => _zoomed = !_zoomed;

    private void OpenReject()
    {
        if (_view?.CanDecide == true)
        {
            _rejecting = true;
        }
    }

    private void CloseReject()
    {
        _rejecting = false;
        _selected.Clear();
        _comment = null;
    }

    private void ToggleReason(string code)
    {
        if (!_selected.Remove(code))
        {
            _selected.Add(code);
        }
    }

    private Task ApproveAsync() => DecideAsync(approve: true);

    private async Task ConfirmRejectAsync()
    {
        if (_selected.Count == 0)
        {
            Snackbar.Add("驳回时至少选择一个驳回原因（按数字键选择）。", Severity.Warning);
            return;
        }

        await DecideAsync(approve: false);
    }

    private async Task DecideAsync(bool approve)
    {
        if (_view is not { CanDecide: true } view || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var codes = _reasons.Where(r => _selected.Contains(r.Code)).Select(r => r.Code).ToList();
            var input = new ReviewDecisionInput(view.OrderId, view.Current.VersionNo, view.Version, codes, _comment);
            if (approve)
            {
                await Reviews.ApproveAsync(_user.Scope, _user.Actor, input);
            }
            else
            {
                await Reviews.RejectAsync(_user.Scope, _user.Actor, input);
            }

            // The decision ended the claim.
            _claimedOrderId = null;
            CloseReject();
            // One at a time and short-lived: at keyboard pace they would otherwise pile up over the photo.
            Snackbar.Clear();
            Snackbar.Add(approve ? $"已通过 {view.OrderNo}" : $"已驳回 {view.OrderNo}", approve ? Severity.Success : Severity.Info, o =>
            {
                o.VisibleStateDuration = 1200;
                o.ShowTransitionDuration = 100;
                o.HideTransitionDuration = 100;
            });
            if (view.Next is { } next)
            {
                await ShowAsync(next.OrderId, updateUrl: true);
            }
            else
            {
                _view = null;
                _queueEmpty = true;
            }
        }
        catch (DomainException error)
        {
            Snackbar.Add(error.Message, Severity.Error);
            CloseReject();
            await ShowAsync(view.OrderId, updateUrl: false, force: true);
        }
        finally
        {
            _busy = false;
            _focusPending = true;
        }
    }

    private async Task NextAsync()
    {
        if (_view?.Next is { } next)
        {
            await ShowAsync(next.OrderId, updateUrl: true);
        }
    }

    private async Task PreviousAsync()
    {
        if (_view?.Previous is { } previous)
        {
            await ShowAsync(previous.OrderId, updateUrl: true);
        }
    }

    /// <summary>Opens (and claims) an order; gives back the claim on the one left undecided.</summary>
    private async Task ShowAsync(long orderId, bool updateUrl, bool force = false)
    {
        if (!force && _view?.OrderId == orderId)
        {
            return;
        }

        if (_claimedOrderId is { } held && held != orderId)
        {
            await Reviews.ReleaseAsync(_user.Scope, _user.Actor, held);
            _claimedOrderId = null;
        }

        CloseReject();
        _view = await Reviews.OpenAsync(_user.Scope, _user.Actor, orderId);
        _queueEmpty = false;
        _claimedOrderId = _view.CanDecide ? orderId : null;
        _focusPending = true;
        if (updateUrl)
        {
            Navigation.NavigateTo($"reviews/{orderId}", replace: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_claimedOrderId is { } held)
        {
            _claimedOrderId = null;
            try
            {
                await Reviews.ReleaseAsync(_user.Scope, _user.Actor, held);
            }
            catch (Exception)
            {
                // The circuit is going away; the claim lapses on its own.
            }
        }

        GC.SuppressFinalize(this);
    }

    private static string PhotoUrl(long orderId, int versionNo) => string.Create(CultureInfo.InvariantCulture, $"orders/{orderId}/photos/{versionNo}");

    private static string? DigitFor(int index) => index < 9 ? (index + 1).ToString(CultureInfo.InvariantCulture) : index == 9 ? "0" : null;

    private static string Time(DateTimeOffset? value) => value is { } v ? ChinaTime.ToChina(v).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    private static string OutcomeClass(PhotoCheckOutcome outcome) => outcome switch
    {
        PhotoCheckOutcome.Pass => "mud-success-text",
        PhotoCheckOutcome.PassWithWarnings => "mud-warning-text",
        _ => "mud-error-text",
    };
}
