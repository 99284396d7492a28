using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PhotoCollect.Core.Data;

/// <summary>
/// The SQLite flavour of <see cref="PhotoCollectDbContext"/>; owns <c>Migrations/Sqlite</c>.
/// </summary>
public sealed class SqlitePhotoCollectDbContext(DbContextOptions<SqlitePhotoCollectDbContext> options)
    : PhotoCollectDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot compare or sort DateTimeOffset text. All our instants are UTC, so a
        // binary (ticks) representation sorts and compares correctly in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
