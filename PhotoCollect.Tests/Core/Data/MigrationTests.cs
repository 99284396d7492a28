using PhotoCollect.Tests.Infrastructure;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PhotoCollect.Core.Data;

namespace PhotoCollect.Tests.Core.Data;

public sealed class MigrationTests
{
    [Fact]
    public void SqliteContext_HasNoPendingModelChanges()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqlitePhotoCollectDbContext");
    }

    [Fact]
    public void SqlServerContext_HasNoPendingModelChanges()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context PhotoCollectDbContext");
    }

    [Fact]
    public void BothSets_HaveTheSameMigrationNames()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]);

        Assert.NotEmpty(Names(sqlite));
        Assert.Equal(Names(sqlServer), Names(sqlite));
    }

    [Fact]
    public async Task SqliteMigrations_ApplyToEmptyDatabase()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<SqlitePhotoCollectDbContext>().UseSqlite(connection).Options;
        await using var db = new SqlitePhotoCollectDbContext(options);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task ReviewWorkspace_BackfillsTheCurrentPhotoOutcome_OfExistingOrders()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<SqlitePhotoCollectDbContext>().UseSqlite(connection).Options;
        await using var db = new SqlitePhotoCollectDbContext(options);
        await db.Database.MigrateAsync();
        var (_, school) = await Builders.AddSchoolAsync(db);
        var batch = Builders.Batch(school: school);
        db.CollectionBatches.Add(batch);
        var record = Builders.Record();
        db.StudentRecords.Add(record);
        await db.SaveChangesAsync();
        var order = Order.Create("PC20261128BACKFILL", batch, record, Actor.System, Builders.Now);
        db.Orders.Add(order);
        order.AttachPhoto(Builders.Photo(PhotoCheckOutcome.PassWithWarnings), batch, Actor.System, Builders.Now);
        await db.SaveChangesAsync();

        // Back to the schema before the column existed, and forward again: the migration fills it in.
        var migrator = db.GetService<IMigrator>();
        var before = db.Database.GetMigrations().Single(m => m.EndsWith("_BatchesAndAdministration", StringComparison.Ordinal));
        await migrator.MigrateAsync(before);
        await migrator.MigrateAsync();

        db.ChangeTracker.Clear();
        Assert.Equal(PhotoCheckOutcome.PassWithWarnings, (await db.Orders.SingleAsync()).CurrentPhotoOutcome);
    }

    [Fact]
    public void SqlServer_IdempotentScript_GeneratesWithoutServer()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var migrator = db.GetService<IMigrator>();

        var script = migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS", script);
        Assert.Contains("CREATE TABLE [Orders]", script);
        // SQL Server's filtered-index grammar has no NOT IN / OR.
        Assert.Contains("WHERE [Status] <> 5 AND [Status] <> 6", script);
        Assert.DoesNotContain("NOT IN", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_CollectionBatches_FeatureCode]", script);
    }
}
