using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace PhotoCollect.Core.Data;

/// <summary>
/// Applies the migration set that belongs to the configured provider: the context type the
/// factory creates decides which set EF finds.
/// </summary>
public sealed class DatabaseMigrator(IDbContextFactory<PhotoCollectDbContext> factory, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) for {Context}: {Migrations}", pending.Count, db.GetType().Name, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets the portal read while the API writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
