using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Portal.Api;

/// <summary>
/// The per-account login limit (<see cref="StudentRateLimitOptions.LoginPerAccount"/>). The per-address
/// limit runs before the request; who signs in is known only after WeChat exchanged the code, so this
/// one is asked then. Per instance, like the other rate limits: it caps load, it guarantees nothing.
/// </summary>
public sealed class StudentLoginLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<long> _limiter;

    public StudentLoginLimiter(IOptions<StudentRateLimitOptions> options)
    {
        var rule = options.Value.LoginPerAccount;
        _limiter = PartitionedRateLimiter.Create<long, long>(accountId => RateLimitPartition.GetFixedWindowLimiter(accountId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, rule.PermitLimit),
            Window = rule.Window,
            QueueLimit = 0,
        }));
    }

    /// <summary>Throws <c>rate_limited</c> (429 with <c>Retry-After</c>) when the account signed in too often.</summary>
    public void EnsureAllowed(long accountId)
    {
        using var lease = _limiter.AttemptAcquire(accountId);
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var reopensIn) ? reopensIn : TimeSpan.FromMinutes(1);
            throw ApiErrors.TooManyRequests(retryAfter);
        }
    }

    public void Dispose() => _limiter.Dispose();
}
