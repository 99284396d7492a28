using Microsoft.Extensions.Options;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Students.WeChat;

/// <summary>
/// Caps the calls this instance has open to WeChat at <see cref="WeChatOptions.MaxConcurrentCalls"/>, so a
/// burst of logins neither exhausts our connections nor WeChat's per-minute quota in one go. A caller waits
/// up to <see cref="WeChatOptions.ConcurrencyWait"/> for a slot, then is asked to retry. Per instance by
/// design: it guards this process's sockets, not a rule across requests.
/// </summary>
public sealed class WeChatCallGate(IOptions<WeChatOptions> options) : IDisposable
{
    /// <summary>What a refused caller is told: a slot frees up within a call's time, typically well under a second.</summary>
    internal static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrentCalls));
    private readonly TimeSpan _wait = options.Value.ConcurrencyWait;

    /// <summary>A slot, released by disposing it; <see cref="WeChatErrors.Busy"/> when none frees up in time.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(_wait, cancellationToken))
        {
            throw new DomainException(WeChatErrors.Busy) { RetryAfter = RetryAfter };
        }

        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
