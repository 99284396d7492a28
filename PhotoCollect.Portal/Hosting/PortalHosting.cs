using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using MudBlazor.Services;
using PhotoCollect.Core;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Demo;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Payments;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Core.Settings;
using PhotoCollect.Core.Students;
using PhotoCollect.Core.Students.WeChat;
using PhotoCollect.Core.Students.Chsi;
using PhotoCollect.Portal.Api;
using PhotoCollect.Portal.Api.Dev;
using PhotoCollect.Portal.Components;
using PhotoCollect.Portal.Components.Account;
using PhotoCollect.Portal.Components.Orders;

namespace PhotoCollect.Portal.Hosting;

/// <summary>Service registration and start-up for the portal host; Program.cs only calls these.</summary>
public static class PortalHosting
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static WebApplicationBuilder AddPhotoCollectPortal(this WebApplicationBuilder builder)
    {
        CultureInfo.DefaultThreadCurrentCulture = Chinese;
        CultureInfo.DefaultThreadCurrentUICulture = Chinese;

        var services = builder.Services;
        var configuration = builder.Configuration;
        var dataFolder = ResolveDataFolder(builder);

        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = database.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (database.Provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException("Database:ConnectionString is required for SQL Server.");
            }

            connectionString = $"Data Source={Path.Combine(dataFolder, "photocollect.db")}";
        }

        services.AddPhotoCollectData(database.Provider, connectionString, database.SqliteBusyTimeout);
        services.AddPhotoCollectCore(Path.Combine(dataFolder, "files"), configuration);
        services.Configure<AdminOptions>(configuration.GetSection(AdminOptions.SectionName));
        builder.AddKeys(DevelopmentKeys.PersonalData, dataFolder);
        services.AddWeChatMiniProgram(configuration, builder.Environment);
        services.AddPayments(configuration, builder.Environment);
        services.AddPortalHealthChecks();
        builder.AddKeys(DevelopmentKeys.ChsiCodes, dataFolder);

        AddIdentity(services);
        builder.AddStudentApi(dataFolder);

        // Without this, Razor output entity-encodes every Chinese character.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter;
            config.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        return builder;
    }

    public static WebApplication UsePhotoCollectPortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new("zh-CN"),
            SupportedCultures = [Chinese],
            SupportedUICultures = [Chinese],
        });
        // The API answers its own errors in JSON; HTML error pages are for the portal.
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments(StudentApi.Prefix),
            portal => portal.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        if (app.Environment.IsDevelopment())
        {
            // Before authentication: the portal's fallback policy would otherwise send it to the login page.
            app.UseSwaggerUI(options =>
            {
                options.RoutePrefix = "api-docs";
                options.SwaggerEndpoint(StudentApiDocument.Path, "PhotoCollect 学生端 API v1");
                options.DocumentTitle = "PhotoCollect 学生端 API";
            });
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(StudentApi.Prefix), api => api.UseMiddleware<ApiRequestMiddleware>());
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapOrderPhotos();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapStudentApi();
        app.MapPortalHealth();
        if (app.Environment.IsDevelopment())
        {
            app.MapStudentSimulator();
            app.MapPaymentSimulator();
        }
        return app;
    }

    /// <summary>Migrates, seeds reference data, creates the first admin and (Development) demo data.</summary>
    public static async Task InitializePhotoCollectAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("PhotoCollect.Startup");

        // Fail at start-up, not at the first upload, when personal-data or 采集码 keys are misconfigured.
        services.GetRequiredService<PersonalDataProtector>();
        services.GetRequiredService<ChsiCodeIssuer>();
        services.GetRequiredService<IChsiCodeResolver>();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await services.GetRequiredService<ReferenceDataSeeder>().SeedAsync();

        // Before anything reads PhotoSpec, so administered photo rules apply from the first check.
        await services.GetRequiredService<SettingsService>().LoadAsync();

        var admin = await services.GetRequiredService<IdentityBootstrapper>().EnsureAdminAsync();
        if (admin.Created)
        {
            Console.WriteLine();
            Console.WriteLine("================ 初始管理员账号 / first administrator ================");
            Console.WriteLine($"  账号 user:     {admin.Email}");
            Console.WriteLine(admin.GeneratedPassword is null
                ? "  密码 password: (Admin:Password 配置项中的密码 / as configured)"
                : $"  密码 password: {admin.GeneratedPassword}");
            Console.WriteLine("  此密码只显示这一次，请登录后立即修改。 Shown once: change it after signing in.");
            Console.WriteLine("=======================================================================");
            Console.WriteLine();
        }

        if (app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            if (app.Environment.IsProduction())
            {
                logger.LogWarning("Demo:Seed is ignored in Production.");
                return;
            }

            var accounts = await services.GetRequiredService<DemoDataSeeder>().SeedAsync();
            Console.WriteLine("演示账号 / demo accounts (Development only):");
            foreach (var account in accounts)
            {
                Console.WriteLine($"  {Roles.DisplayName(account.Role),-6} {account.Email} / {account.Password}");
            }

            Console.WriteLine();
        }
    }

    private static string ResolveDataFolder(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["DataFolder"];
        var folder = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "App_Data" : configured, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<AppUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Password.RequiredUniqueChars = 5;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PhotoCollectDbContext>()
            .AddSignInManager<StaffSignInManager>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();

        // A changed security stamp (password reset, deactivation, forced sign-out) ends other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "PhotoCollect.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireRole(Roles.All)
                .Build())
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.All))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.ReviewerOrAdmin, p => p.RequireRole(Roles.Reviewer, Roles.Admin));
    }
}
