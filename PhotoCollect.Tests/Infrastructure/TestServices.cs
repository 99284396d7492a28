using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhotoCollect.Core;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Students;
using PhotoCollect.Core.Students.Chsi;

namespace PhotoCollect.Tests.Infrastructure;

/// <summary>Core services (with Identity stores) over a test database, for service-level tests.</summary>
public sealed class TestServices : IAsyncDisposable
{
    private TestServices(TestDatabase database, ServiceProvider provider, string fileRoot, FakeTimeProvider time)
    {
        Database = database;
        Provider = provider;
        FileRoot = fileRoot;
        Time = time;
    }

    public TestDatabase Database { get; }
    public ServiceProvider Provider { get; }
    public string FileRoot { get; }
    public FakeTimeProvider Time { get; }

    public static async Task<TestServices> CreateAsync(Action<AdminOptions>? admin = null, TestDatabase? database = null, ISecureRandom? random = null)
    {
        database ??= await TestDatabase.CreateAsync();
        var fileRoot = Path.Combine(Path.GetTempPath(), "pc-files-" + Guid.NewGuid().ToString("N"));
        var time = new FakeTimeProvider(Builders.Now);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        if (random is not null)
        {
            services.AddSingleton(random);
        }

        services.AddSingleton<IDbContextFactory<PhotoCollectDbContext>>(database);
        services.AddScoped(_ => database.CreateDbContext());
        services.AddSingleton<IOptions<PersonalDataOptions>>(Options.Create(TestKeys.Options()));
        services.AddSingleton<IOptions<ChsiCodeOptions>>(Options.Create(TestKeys.ChsiCodes()));
        services.Configure<AdminOptions>(o =>
        {
            o.Email = "admin@test.local";
            admin?.Invoke(o);
        });
        services.AddPhotoCollectCore(fileRoot);
        services.AddIdentityCore<AppUser>(o => o.User.RequireUniqueEmail = true)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PhotoCollectDbContext>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();
        return new TestServices(database, services.BuildServiceProvider(), fileRoot, time);
    }

    /// <summary>Creates the roles and the first admin (<c>admin@test.local</c>), as the portal does at start-up.</summary>
    public async Task<AdminBootstrapResult> EnsureAdminAsync()
    {
        await using var scope = Provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdentityBootstrapper>().EnsureAdminAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(FileRoot))
        {
            Directory.Delete(FileRoot, recursive: true);
        }
    }
}
