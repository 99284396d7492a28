namespace PhotoCollect.Core.Students.WeChat;

/// <summary>
/// The process-wide WeChat access token: fetched once, shared by every caller until shortly before
/// it expires, and fetched by one caller at a time when it has to be renewed. A singleton, because
/// typed HTTP clients are created per use.
/// </summary>
public sealed class WeChatAccessTokenCache(TimeProvider time)
{
    /// <summary>WeChat renews a stable token during its last five minutes; asking then returns the new one.</summary>
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private CachedToken? _current;

    /// <summary>
    /// The cached token, or a new one from <paramref name="requestToken"/> (token and lifetime) when
    /// none is fresh. Concurrent callers wait for the one request in flight instead of making their own.
    /// </summary>
    public async Task<string> GetAsync(Func<CancellationToken, Task<(string Token, TimeSpan Lifetime)>> requestToken, CancellationToken cancellationToken)
    {
        if (Fresh() is { } token)
        {
            return token;
        }

        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } refreshedMeanwhile)
            {
                return refreshedMeanwhile;
            }

            var requestedAt = time.GetUtcNow();
            var (value, lifetime) = await requestToken(cancellationToken);
            var margin = lifetime / 2 < RefreshMargin ? lifetime / 2 : RefreshMargin;
            Volatile.Write(ref _current, new CachedToken(value, requestedAt + lifetime - margin));
            return value;
        }
        finally
        {
            _refreshLock.Release();
        }
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

    private string? Fresh()
    {
        var cached = Volatile.Read(ref _current);
        return cached is not null && time.GetUtcNow() < cached.RefreshAt ? cached.Value : null;
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);
}
