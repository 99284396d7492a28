using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
    private readonly bool _ownsFile;

    private TestDatabase(string? file = null, bool ownsFile = true, params IInterceptor[] interceptors)
    {
        _file = file;
        _ownsFile = ownsFile;
        _connection = new SqliteConnection(file is null ? "Data Source=:memory:" : $"Data Source={file}");
        _connection.Open();

        // A file database gives every context its own connection, so contexts can run concurrently.
        var options = file is null
            ? new DbContextOptionsBuilder<SqlitePhotoCollectDbContext>().UseSqlite(_connection)
            : new DbContextOptionsBuilder<SqlitePhotoCollectDbContext>().UseSqlite($"Data Source={file};Pooling=False");
        _options = options.AddInterceptors(interceptors).Options;
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

    /// <summary>The SQLite file of a <see cref="CreateFileAsync"/> database.</summary>
    public string File => _file ?? throw new InvalidOperationException("An in-memory database has no file.");

    /// <summary>
    /// Another handle on the same file, as a second portal instance would have (its own contexts
    /// and connections), optionally with interceptors on its contexts. The file stays with this one.
    /// </summary>
    public TestDatabase ShareFile(params IInterceptor[] interceptors) => new(File, ownsFile: false, interceptors);

    public PhotoCollectDbContext CreateDbContext() => new SqlitePhotoCollectDbContext(_options);

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        if (_file is not null && _ownsFile)
        {
            SqliteConnection.ClearAllPools();
            System.IO.File.Delete(_file);
        }
    }
}
