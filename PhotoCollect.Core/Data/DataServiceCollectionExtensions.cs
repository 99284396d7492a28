using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PhotoCollect.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{PhotoCollectDbContext}"/> for the configured provider,
    /// and a scoped <see cref="PhotoCollectDbContext"/> for Identity's stores.
    /// </summary>
    /// <param name="sqliteBusyTimeout">How long a SQLite writer waits for a lock (<see cref="SqliteBusyTimeoutInterceptor"/>); null keeps the default.</param>
    public static IServiceCollection AddPhotoCollectData(this IServiceCollection services, DatabaseProvider provider, string connectionString, TimeSpan? sqliteBusyTimeout = null)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var busyTimeout = new SqliteBusyTimeoutInterceptor(sqliteBusyTimeout ?? SqliteBusyTimeoutInterceptor.DefaultTimeout);
                services.AddDbContextFactory<SqlitePhotoCollectDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(busyTimeout));
                services.AddSingleton<IDbContextFactory<PhotoCollectDbContext>>(sp =>
                    new DerivedContextFactory<SqlitePhotoCollectDbContext>(sp.GetRequiredService<IDbContextFactory<SqlitePhotoCollectDbContext>>()));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextFactory<PhotoCollectDbContext>(o => o.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{provider}'.");
        }

        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PhotoCollectDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    private sealed class DerivedContextFactory<TDerived>(IDbContextFactory<TDerived> inner) : IDbContextFactory<PhotoCollectDbContext>
        where TDerived : PhotoCollectDbContext
    {
        public PhotoCollectDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
