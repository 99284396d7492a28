using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Settings;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Core.Data;

/// <summary>SQLite writers wait for each other inside SQLite (<c>busy_timeout</c>) instead of failing or sleeping.</summary>
public sealed class SqliteBusyTimeoutTests
{
    [Fact]
    public async Task BusyTimeout_ContextsOfTheAppsRegistration_HaveTheConfiguredValue()
    {
        await using var database = await TestDatabase.CreateFileAsync();
        var services = new ServiceCollection()
            .AddPhotoCollectData(DatabaseProvider.Sqlite, $"Data Source={database.File};Pooling=False", TimeSpan.FromSeconds(3))
            .BuildServiceProvider();
        await using (services)
        {
            await using var fromFactory = await services.GetRequiredService<IDbContextFactory<PhotoCollectDbContext>>().CreateDbContextAsync();
            await using var scope = services.CreateAsyncScope();

            Assert.Equal(3000, await BusyTimeoutAsync(fromFactory));
            Assert.Equal(3000, await BusyTimeoutAsync(scope.ServiceProvider.GetRequiredService<PhotoCollectDbContext>()));
        }
    }

    [Fact]
    public async Task BusyTimeout_SqliteContextNobodyConfigured_HasTheDefault()
    {
        await using var database = await TestDatabase.CreateFileAsync();
        await using var db = database.CreateDbContext();

        Assert.Equal((long)SqliteBusyTimeoutInterceptor.DefaultTimeout.TotalMilliseconds, await BusyTimeoutAsync(db));
    }

    [Fact]
    public async Task Writer_BlockedByAnotherConnectionsWriteTransaction_WaitsAndSucceedsOnceItCommits()
    {
        await using var database = await TestDatabase.CreateFileAsync();

        // Microsoft.Data.Sqlite's own retries give up after the command timeout (1 s here); the lock is
        // held longer than that, so only a wait inside SQLite (10 s allowed) lets the writer through.
        var options = new DbContextOptionsBuilder<SqlitePhotoCollectDbContext>()
            .UseSqlite($"Data Source={database.File};Pooling=False", sqlite => sqlite.CommandTimeout(1))
            .AddInterceptors(new SqliteBusyTimeoutInterceptor(TimeSpan.FromSeconds(10)))
            .Options;
        await using var holder = new SqlitePhotoCollectDbContext(options);
        await using var transaction = await holder.Database.BeginTransactionAsync();
        holder.SystemSettings.Add(Setting("held"));
        await holder.SaveChangesAsync();

        var clock = Stopwatch.StartNew();
        var writer = Task.Run(async () =>
        {
            await using var db = new SqlitePhotoCollectDbContext(options);
            db.SystemSettings.Add(Setting("waited"));
            await db.SaveChangesAsync();
            return clock.Elapsed;
        });
        if (await Task.WhenAny(writer, Task.Delay(TimeSpan.FromSeconds(1.5))) == writer)
        {
            await writer; // "database is locked" when the writer gave up instead of waiting
            Assert.Fail("The writer got through while the other transaction still held the lock.");
        }

        await transaction.CommitAsync();

        var waited = await writer;
        Assert.InRange(waited, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
        await using var check = database.CreateDbContext();
        Assert.Equal(["held", "waited"], await check.SystemSettings.OrderBy(s => s.Key).Select(s => s.Key).ToListAsync());
    }

    private static SystemSetting Setting(string key) => new() { Key = key, Value = "1", UpdatedAt = Builders.Now };

    private static async Task<long> BusyTimeoutAsync(PhotoCollectDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
