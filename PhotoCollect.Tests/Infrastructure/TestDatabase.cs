using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Data;

namespace PhotoCollect.Tests.Infrastructure;

/// <summary>
/// A migrated in-memory SQLite database that lives as long as this object (the connection
/// stays open). Hands out fresh contexts like the app's factory does.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<PhotoCollectDbContext>, IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly DbContextOptions<SqlitePhotoCollectDbContext> _options;

    private TestDatabase()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        _options = new DbContextOptionsBuilder<SqlitePhotoCollectDbContext>().UseSqlite(_connection).Options;
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public SqliteConnection Connection => _connection;

    public PhotoCollectDbContext CreateDbContext() => new SqlitePhotoCollectDbContext(_options);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
