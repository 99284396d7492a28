using PhotoCollect.Core.Common;

namespace PhotoCollect.Tests.Infrastructure;

/// <summary>Returns the given strings in order, then falls back to real randomness.</summary>
public sealed class SequenceRandom(params string[] values) : ISecureRandom
{
    private readonly Queue<string> _values = new(values);
    private readonly CryptoRandom _fallback = new();

    public string NextString(string alphabet, int length) =>
        _values.Count > 0 ? _values.Dequeue() : _fallback.NextString(alphabet, length);
}
