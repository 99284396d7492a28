using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Students.WeChat;

/// <summary>
/// The process-wide WeChat access token: fetched once, shared by every caller until shortly before it
/// expires. A fetch is single-flight: whoever needs the token while one is in flight waits for that one
/// request and gets its outcome, token or error, at the same moment as everyone else. A failure is
/// remembered for <see cref="WeChatOptions.TokenFailureBackoff"/>, so a burst of students is answered at
/// once instead of queueing behind new attempts. A singleton, because typed HTTP clients are created per use;
/// several instances share one token because it is WeChat's stable token, which does not invalidate the
/// token another instance holds.
/// </summary>
public sealed class WeChatAccessTokenCache(TimeProvider time, IOptions<WeChatOptions> options, WeChatConnectionStatus status, ILogger<WeChatAccessTokenCache> logger)
{
    /// <summary>WeChat renews a stable token during its last five minutes; asking then returns the new one.</summary>
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly TimeSpan _tokenTimeout = options.Value.TokenTimeout;
    private readonly TimeSpan _failureBackoff = options.Value.TokenFailureBackoff;
    private readonly Lock _gate = new();
    private CachedToken? _current;
    private Task<string>? _inFlight;
    private RememberedFailure? _failure;

    /// <summary>
    /// The cached token, or the outcome of the one fetch by <paramref name="requestToken"/> (token and
    /// lifetime) in flight. The fetch runs under its own timeout (<see cref="WeChatOptions.TokenTimeout"/>),
    /// not under <paramref name="cancellationToken"/>: a caller that gives up stops waiting, the others still
    /// get the token.
    /// </summary>
    public async Task<string> GetAsync(Func<CancellationToken, Task<(string Token, TimeSpan Lifetime)>> requestToken, CancellationToken cancellationToken)
    {
        if (Fresh(Volatile.Read(ref _current)) is { } cached)
        {
            return cached;
        }

        Task<string> fetch;
        TaskCompletionSource<string>? started = null;
        lock (_gate)
        {
            if (Fresh(_current) is { } refreshedMeanwhile)
            {
                return refreshedMeanwhile;
            }

            var now = time.GetUtcNow();
            if (_failure is { } failure && now < failure.Until)
            {
                throw failure.Replay(failure.Until - now);
            }

            if (_inFlight is null)
            {
                started = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                _inFlight = started.Task;
            }

            fetch = _inFlight;
        }

        if (started is not null)
        {
            // Started outside the lock: the fetch may complete synchronously and clears _inFlight when it does.
            _ = FetchAsync(requestToken, started);
        }

        return await fetch.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Drops <paramref name="staleToken"/> after WeChat rejected it. A token that another caller has
    /// already replaced stays, so a burst of rejections causes one renewal, not one each.
    /// </summary>
    public void Invalidate(string staleToken)
    {
        var cached = Volatile.Read(ref _current);
        if (cached is not null && cached.Value == staleToken)
        {
            Interlocked.CompareExchange(ref _current, null, cached);
        }
    }

    private async Task FetchAsync(Func<CancellationToken, Task<(string Token, TimeSpan Lifetime)>> requestToken, TaskCompletionSource<string> outcome)
    {
        // Wall-clock, like HttpClient.Timeout: it bounds a wait on the network.
        using var timeout = new CancellationTokenSource(_tokenTimeout);
        var requestedAt = time.GetUtcNow();
        try
        {
            var (value, lifetime) = await requestToken(timeout.Token);
            var margin = lifetime / 2 < RefreshMargin ? lifetime / 2 : RefreshMargin;
            lock (_gate)
            {
                Volatile.Write(ref _current, new CachedToken(value, requestedAt + lifetime - margin));
                _failure = null;
                _inFlight = null;
            }

            outcome.SetResult(value);
        }
        catch (Exception exception)
        {
            var failure = new RememberedFailure(
                exception is OperationCanceledException && timeout.IsCancellationRequested ? TimedOut() : exception,
                time.GetUtcNow() + _failureBackoff);
            lock (_gate)
            {
                _failure = failure;
                _inFlight = null;
            }

            outcome.SetException(failure.Replay(_failureBackoff));
        }
    }

    private DomainException TimedOut()
    {
        // The HTTP client sees only a cancellation; the health endpoint and the dashboard must still say WeChat is not answering.
        status.ReportUnreachable();
        logger.LogError(
            "WeChat stable_token did not answer within {TokenTimeout}; every caller waiting gets wechat.unavailable, and no new fetch starts for {Backoff}.",
            _tokenTimeout, _failureBackoff);
        return new DomainException(WeChatErrors.Unavailable);
    }

    private string? Fresh(CachedToken? cached) =>
        cached is not null && time.GetUtcNow() < cached.RefreshAt ? cached.Value : null;

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);

    private sealed record RememberedFailure(Exception Error, DateTimeOffset Until)
    {
        /// <summary>A fresh exception per caller, telling when the next fetch may start (or later, if WeChat said so).</summary>
        public Exception Replay(TimeSpan remaining) => Error is DomainException domain
            ? new DomainException(domain.Code, domain.Message) { RetryAfter = domain.RetryAfter > remaining ? domain.RetryAfter : remaining }
            : Error;
    }
}
