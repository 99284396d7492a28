using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Data;

namespace PhotoCollect.Core.Reviews;

/// <summary>
/// Seeds the rejection-reason catalogue: adds missing standard codes and brings untouched
/// standard texts up to date; never overwrites an admin's edits.
/// </summary>
public sealed class ReferenceDataSeeder(IDbContextFactory<PhotoCollectDbContext> factory)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.RejectionReasons.ToListAsync(cancellationToken);
        foreach (var reason in existing)
        {
            if (RejectionReasonCatalogue.UpgradedGuidance(reason) is { } current)
            {
                reason.Guidance = current;
            }
        }

        var codes = existing.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        db.RejectionReasons.AddRange(RejectionReasonCatalogue.CreateStandard().Where(r => !codes.Contains(r.Code)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
