using PhotoCollect.Core.Common;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Portal.Components.Shared;

namespace PhotoCollect.Portal.Components.Reviews;

/// <summary>
/// One reviewer's walk through the queue in a workspace: the order open now, the claim held on
/// it, and giving that claim back when the reviewer moves on without deciding (or leaves).
/// </summary>
public sealed class ReviewSession(ReviewClaims claims, ReviewDecisions decisions, StaffUser user) : IAsyncDisposable
{
    private long? _claimedOrderId;

    public ReviewWorkspace? View { get; private set; }

    /// <summary>The last decision emptied the queue.</summary>
    public bool QueueEmpty { get; private set; }

    /// <summary>Opens (and claims) an order unless it is open already; gives back the claim on the one left undecided.</summary>
    public async Task ShowAsync(long orderId, bool reload = false)
    {
        if (!reload && View?.OrderId == orderId)
        {
            return;
        }

        if (_claimedOrderId is { } held && held != orderId)
        {
            await claims.ReleaseAsync(user.Scope, user.Actor, held);
            _claimedOrderId = null;
        }

        try
        {
            View = await claims.OpenAsync(user.Scope, user.Actor, orderId);
        }
        catch (DomainException)
        {
            View = null;
            throw;
        }

        QueueEmpty = false;
        _claimedOrderId = View.CanDecide ? orderId : null;
    }

    public Task NextAsync() => View?.Next is { } next ? ShowAsync(next.OrderId) : Task.CompletedTask;

    public Task PreviousAsync() => View?.Previous is { } previous ? ShowAsync(previous.OrderId) : Task.CompletedTask;

    /// <summary>
    /// Decides the open order as the reviewer saw it and moves on to the next one. A refused
    /// decision (the order moved on meanwhile) reloads the order and throws.
    /// </summary>
    public async Task DecideAsync(bool approve, IReadOnlyList<string> reasonCodes, string? comment)
    {
        var view = View ?? throw new InvalidOperationException("No order is open.");
        var input = new ReviewDecisionInput(view.OrderId, view.Current.VersionNo, view.Version, reasonCodes, comment);
        try
        {
            await (approve ? decisions.ApproveAsync(user.Scope, user.Actor, input) : decisions.RejectAsync(user.Scope, user.Actor, input));
        }
        catch (DomainException)
        {
            await ShowAsync(view.OrderId, reload: true);
            throw;
        }

        // The decision ended the claim.
        _claimedOrderId = null;
        if (view.Next is { } next)
        {
            await ShowAsync(next.OrderId);
        }
        else
        {
            View = null;
            QueueEmpty = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_claimedOrderId is { } held)
        {
            _claimedOrderId = null;
            try
            {
                await claims.ReleaseAsync(user.Scope, user.Actor, held);
            }
            catch (Exception)
            {
                // The circuit is going away; the claim lapses on its own.
            }
        }
    }
}
