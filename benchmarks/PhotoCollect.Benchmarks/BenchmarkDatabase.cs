using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Data;

namespace PhotoCollect.Benchmarks;

/// <summary>
/// A SQLite file for the query benchmarks: contexts for the services under test, and prepared
/// statements for bulk seeding (EF would spend minutes on 100,000 orders).
/// </summary>
internal sealed class BenchmarkDatabase(string connectionString) : IDbContextFactory<PhotoCollectDbContext>
{
    private readonly DbContextOptions<SqlitePhotoCollectDbContext> _options =
        new DbContextOptionsBuilder<SqlitePhotoCollectDbContext>().UseSqlite(connectionString).Options;

    public string File { get; } = new SqliteConnectionStringBuilder(connectionString).DataSource;

    public PhotoCollectDbContext CreateDbContext() => new SqlitePhotoCollectDbContext(_options);

    /// <summary>A prepared statement with the named parameters, in order, for <see cref="Run"/>.</summary>
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    /// <summary>Executes <paramref name="command"/> with the values in parameter order.</summary>
    public static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
