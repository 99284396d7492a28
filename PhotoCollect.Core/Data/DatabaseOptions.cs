namespace PhotoCollect.Core.Data;

public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for SQL Server; for SQLite defaults to <c>photocollect.db</c> in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a SQLite writer waits for another's lock before the write fails.</summary>
    public TimeSpan SqliteBusyTimeout { get; set; } = SqliteBusyTimeoutInterceptor.DefaultTimeout;
}
