using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;

namespace PhotoCollect.Core.Batches;

/// <summary>
/// Makes 特征码: 8 characters students type from a notice, so the alphabet leaves out
/// the look-alikes 0/O, 1/I/L. 31^8 ≈ 8.5·10^11 codes keep them unguessable.
/// </summary>
public sealed class FeatureCodeGenerator(ISecureRandom random)
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 8;
    private const int MaxAttempts = 10;

    public string Next() => random.NextString(Alphabet, Length);

    /// <summary>A code not used by any batch yet. The unique index is the final guard.</summary>
    public async Task<string> NextUniqueAsync(PhotoCollectDbContext db, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var code = Next();
            var taken = await db.CollectionBatches.AnyAsync(b => b.FeatureCode == code, cancellationToken);
            if (!taken)
            {
                return code;
            }
        }

        throw new DomainException(BatchErrors.FeatureCodeExhausted);
    }

    /// <summary>Normalises what a student typed: trims, upper-cases, drops spaces and dashes.</summary>
    public static string Normalize(string input) =>
        new(input.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    public static bool IsWellFormed(string code) =>
        code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
