using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Data;

namespace PhotoCollect.Core.Reviews;

/// <summary>Seeds the rejection-reason catalogue; adds missing standard codes, never overwrites edits.</summary>
public sealed class ReferenceDataSeeder(IDbContextFactory<PhotoCollectDbContext> factory)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.RejectionReasons.Select(r => r.Code).ToListAsync(cancellationToken);
        var missing = RejectionReasonCatalogue.CreateStandard().Where(r => !existing.Contains(r.Code)).ToList();
        if (missing.Count > 0)
        {
            db.RejectionReasons.AddRange(missing);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
