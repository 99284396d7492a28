using System.Security.Cryptography;

namespace PhotoCollect.Core.Common;

/// <summary>Source of unguessable strings; injected so tests can force collisions.</summary>
public interface ISecureRandom
{
    string NextString(string alphabet, int length);
}

public sealed class CryptoRandom : ISecureRandom
{
    public string NextString(string alphabet, int length) =>
        RandomNumberGenerator.GetString(alphabet, length);
}
