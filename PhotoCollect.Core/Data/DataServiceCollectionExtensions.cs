using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PhotoCollect.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{PhotoCollectDbContext}"/> for the configured provider,
    /// and a scoped <see cref="PhotoCollectDbContext"/> for Identity's stores.
    /// </summary>
    public static IServiceCollection AddPhotoCollectData(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextFactory<SqlitePhotoCollectDbContext>(o => o.UseSqlite(connectionString));
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
