using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Schools;

namespace PhotoCollect.Core.Batches;

/// <summary>
/// The portal's changes to collection batches: create, edit, new 特征码, close, reopen, archive.
/// Each loads the batch inside the caller's <see cref="StaffScope"/>, checks the version the user
/// saw, and calls the batch's transition, which records its own audit event; the save writes both.
/// </summary>
public sealed class BatchCommands(IDbContextFactory<PhotoCollectDbContext> factory, FeatureCodeGenerator featureCodes, TimeProvider time)
{
    private const int MaxCodeAttempts = 3;

    /// <summary>Creates an open batch with a fresh 特征码.</summary>
    public async Task<CollectionBatch> CreateAsync(StaffScope scope, Actor actor, BatchInput input, CancellationToken cancellationToken = default)
    {
        var terms = input.ToTerms();

        // Two creations can draw the same unused code at once; the unique index refuses the
        // second, which then draws again.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var school = await AllowedSchoolAsync(db, scope, input.SchoolId!.Value, cancellationToken);
            var batch = CollectionBatch.Create(school, terms, await featureCodes.NextUniqueAsync(db, cancellationToken), actor, time.GetUtcNow());
            try
            {
                // The creation's audit row names the new id, so the context saves twice: one
                // transaction keeps them together (inside the execution strategy, as SQL Server's
                // retrying strategy refuses bare transactions).
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    db.CollectionBatches.Add(batch);
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }, cancellationToken);
                return batch;
            }
            catch (DbUpdateException) when (attempt < MaxCodeAttempts)
            {
                // Lost the race for this code: draw another. Any other failure is rethrown.
                if (!await CodeTakenAsync(batch.FeatureCode, cancellationToken))
                {
                    throw;
                }
            }
        }
    }

    /// <summary>Edits a batch that is not archived; <paramref name="expectedVersion"/> guards against a concurrent edit.</summary>
    public async Task<CollectionBatch> UpdateAsync(StaffScope scope, Actor actor, int batchId, Guid expectedVersion, BatchInput input, CancellationToken cancellationToken = default)
    {
        var terms = input.ToTerms();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var batch = await LoadForChangeAsync(db.CollectionBatches.Include(b => b.School), scope, batchId, expectedVersion, cancellationToken);
        var school = batch.SchoolId == input.SchoolId ? null : await AllowedSchoolAsync(db, scope, input.SchoolId!.Value, cancellationToken);
        var anyOrderPaid = terms.PriceFen != batch.PriceFen && await db.Orders.AnyAsync(o => o.BatchId == batchId && o.PaidAt != null, cancellationToken);
        if (batch.Update(terms, actor, time.GetUtcNow(), school, anyOrderPaid))
        {
            await SaveAsync(db, cancellationToken);
        }

        return batch;
    }

    /// <summary>Replaces the 特征码; the old one stops working at once (lookups go by the stored code).</summary>
    public async Task<CollectionBatch> RegenerateFeatureCodeAsync(StaffScope scope, Actor actor, int batchId, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var batch = await LoadForChangeAsync(db.CollectionBatches, scope, batchId, expectedVersion, cancellationToken);
            batch.RegenerateFeatureCode(await featureCodes.NextUniqueAsync(db, cancellationToken), actor, time.GetUtcNow());
            try
            {
                await SaveAsync(db, cancellationToken);
                return batch;
            }
            catch (DbUpdateException) when (attempt < MaxCodeAttempts)
            {
                // Lost the race for this code: draw another. Any other failure is rethrown.
                if (!await CodeTakenAsync(batch.FeatureCode, cancellationToken))
                {
                    throw;
                }
            }
        }
    }

    /// <summary>Open → Closed: no new orders or first submissions.</summary>
    public Task<CollectionBatch> CloseAsync(StaffScope scope, Actor actor, int batchId, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(scope, batchId, expectedVersion, (b, now) => b.Close(actor, now), cancellationToken);

    /// <summary>Closed → Open while the deadline is ahead.</summary>
    public Task<CollectionBatch> ReopenAsync(StaffScope scope, Actor actor, int batchId, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(scope, batchId, expectedVersion, (b, now) => b.Reopen(actor, now), cancellationToken);

    /// <summary>Closed → Archived; branch staff and admins only (it starts the retention clock).</summary>
    public Task<CollectionBatch> ArchiveAsync(StaffScope scope, Actor actor, int batchId, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!scope.CanArchive)
        {
            throw new DomainException(BatchErrors.Forbidden);
        }

        return ChangeAsync(scope, batchId, expectedVersion, (b, now) => b.Archive(actor, now), cancellationToken);
    }

    private async Task<CollectionBatch> ChangeAsync(
        StaffScope scope, int batchId, Guid expectedVersion, Action<CollectionBatch, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var batch = await LoadForChangeAsync(db.CollectionBatches, scope, batchId, expectedVersion, cancellationToken);
        change(batch, time.GetUtcNow());
        await SaveAsync(db, cancellationToken);
        return batch;
    }

    private static async Task<CollectionBatch> LoadForChangeAsync(
        IQueryable<CollectionBatch> batches, StaffScope scope, int batchId, Guid expectedVersion, CancellationToken cancellationToken)
    {
        var batch = await scope.Apply(batches).FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken)
            ?? throw new DomainException(BatchErrors.NotFound);
        if (batch.Version != expectedVersion)
        {
            throw new DomainException(BatchErrors.Concurrency);
        }

        return batch;
    }

    private static async Task SaveAsync(PhotoCollectDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(BatchErrors.Concurrency);
        }
    }

    private static async Task<School> AllowedSchoolAsync(PhotoCollectDbContext db, StaffScope scope, int schoolId, CancellationToken cancellationToken) =>
        await scope.Apply(db.Schools).FirstOrDefaultAsync(s => s.Id == schoolId && s.IsActive, cancellationToken)
        ?? throw new DomainException(BatchErrors.SchoolNotAllowed);

    private async Task<bool> CodeTakenAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.CollectionBatches.AnyAsync(b => b.FeatureCode == code, cancellationToken);
    }
}
