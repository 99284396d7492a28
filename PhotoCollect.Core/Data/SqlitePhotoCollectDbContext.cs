using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PhotoCollect.Core.Data;

/// <summary>
/// The SQLite flavour of <see cref="PhotoCollectDbContext"/>; owns <c>Migrations/Sqlite</c>.
/// </summary>
public sealed class SqlitePhotoCollectDbContext(DbContextOptions<SqlitePhotoCollectDbContext> options)
    : PhotoCollectDbContext(options)
{
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        base.OnConfiguring(optionsBuilder);

        // Every SQLite context waits for locks inside SQLite: the app's, the tests', design time's.
        // One configured by the host (AddPhotoCollectData) is kept.
        var interceptors = optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.Interceptors ?? [];
        if (!interceptors.OfType<SqliteBusyTimeoutInterceptor>().Any())
        {
            optionsBuilder.AddInterceptors(SqliteBusyTimeoutInterceptor.Default);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot compare or sort DateTimeOffset text. Stored as UTC ticks, instants with
        // any offset compare and sort correctly in SQL; they read back as UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
