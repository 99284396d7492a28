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

    private readonly string? _file;

    private TestDatabase(string? file = null)
    {
        _file = file;
        _connection = new SqliteConnection(file is null ? "Data Source=:memory:" : $"Data Source={file}");
        _connection.Open();

        // A file database gives every context its own connection, so contexts can run concurrently.
        _options = file is null
            ? new DbContextOptionsBuilder<SqlitePhotoCollectDbContext>().UseSqlite(_connection).Options
            : new DbContextOptionsBuilder<SqlitePhotoCollectDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options;
    }

    /// <summary>A migrated SQLite file in the temp folder, for tests of concurrent writers.</summary>
    public static async Task<TestDatabase> CreateFileAsync()
    {
        var database = new TestDatabase(Path.Combine(Path.GetTempPath(), "pc-test-" + Guid.NewGuid().ToString("N") + ".db"));
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
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

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_file);
        }
    }
}
