using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PhotoCollect.Core.Data;

/// <summary>
/// Sets SQLite's <c>busy_timeout</c> on every connection EF opens. A writer that meets another
/// connection's lock then waits inside SQLite, retrying within milliseconds of the lock going,
/// instead of getting <c>SQLITE_BUSY</c> at once and falling into Microsoft.Data.Sqlite's own
/// retry loop, which sleeps 150 ms per attempt (a traced load run spent over a quarter of its
/// thread time there). Added to every <see cref="SqlitePhotoCollectDbContext"/>; the portal sets
/// the value from <see cref="DatabaseOptions.SqliteBusyTimeout"/>.
/// </summary>
public sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The one a context gets when nobody configured another.</summary>
    internal static readonly SqliteBusyTimeoutInterceptor Default = new(DefaultTimeout);

    private readonly string _pragma;

    public SqliteBusyTimeoutInterceptor(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(timeout, TimeSpan.FromMilliseconds(int.MaxValue));
        Timeout = timeout;
        _pragma = "PRAGMA busy_timeout = " + ((int)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + ";";
    }

    public TimeSpan Timeout { get; }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
