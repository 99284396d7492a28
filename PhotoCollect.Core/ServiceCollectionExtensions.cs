using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Dashboard;
using PhotoCollect.Core.Demo;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Photos.FaceDetection;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Core.Schools;
using PhotoCollect.Core.Settings;
using PhotoCollect.Core.Storage;
using PhotoCollect.Core.Students;
using PhotoCollect.Core.Students.Chsi;

namespace PhotoCollect.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>Core services shared by the portal and the API. Data is added separately; the CLI needs only <see cref="AddPhotoEngine"/>.</summary>
    /// <param name="configuration">Binds the photo engine's options (<see cref="AddPhotoEngine"/>); null keeps the defaults.</param>
    public static IServiceCollection AddPhotoCollectCore(this IServiceCollection services, string fileStoreRoot, IConfiguration? configuration = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISecureRandom, CryptoRandom>();
        services.AddSingleton<FeatureCodeGenerator>();
        services.AddSingleton<OrderNumberGenerator>();
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<IFileStore>(new LocalFileStore(fileStoreRoot));
        services.AddSingleton<DashboardService>();
        services.AddSingleton<Audit.AuditLogService>();
        services.AddSingleton<QrCodeReader>();
        services.AddOptions<ChsiCodeOptions>();
        services.AddSingleton<ChsiCodeIssuer>();
        // TryAdd: a CHSI-authorised resolver registered before this call takes precedence.
        services.TryAddSingleton<IChsiCodeResolver, EmbeddedChsiCodeResolver>();
        services.AddSingleton<ChsiCodeReader>();
        services.AddSingleton<FeatureCodeLookup>();
        services.AddScoped<StudentAccountService>(); // scoped: holds the typed WeChat HttpClient, which must not live forever
        services.AddSingleton<StudentOrderQueries>();
        services.AddSingleton<StudentOrderCommands>();
        services.AddSingleton<StudentPhotoCommands>();
        services.AddSingleton<ReferenceDataSeeder>();
        services.AddSingleton<BatchQueries>();
        services.AddSingleton<BatchCommands>();
        services.AddSingleton<OrderDetailsService>();
        services.AddSingleton<UserQueries>();
        services.AddSingleton<UserCommands>();
        services.AddSingleton<SchoolAdministrationService>();
        services.AddSingleton<RejectionReasonService>();
        services.AddOptions<ReviewOptions>();
        if (configuration is not null)
        {
            services.Configure<ReviewOptions>(configuration.GetSection(ReviewOptions.SectionName));
        }

        services.AddSingleton<ReviewQueue>();
        services.AddSingleton<ReviewClaims>();
        services.AddSingleton<ReviewDecisions>();
        services.AddSingleton<ReviewStats>();
        services.AddSingleton<SettingsService>();
        services.AddSingleton<IOptionsChangeTokenSource<PhotoSpec>>(sp => sp.GetRequiredService<SettingsService>());
        services.AddSingleton<IPostConfigureOptions<PhotoSpec>, PhotoSpecSettingsSetup>();
        services.AddScoped<IdentityBootstrapper>();
        services.AddScoped<DemoDataSeeder>();
        return services.AddPhotoEngine(configuration);
    }

    /// <summary>
    /// The photo engine on its own (face detector, inspector, auto-fix): no database, no file store, so the
    /// CLI can check photos without a portal. <see cref="PhotoSpec"/> and
    /// <see cref="FaceDetectorOptions"/> bind from their sections when a configuration is given.
    /// </summary>
    public static IServiceCollection AddPhotoEngine(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<FaceDetectorOptions>();
        services.AddOptions<PhotoSpec>();
        if (configuration is not null)
        {
            services.Configure<FaceDetectorOptions>(configuration.GetSection(FaceDetectorOptions.SectionName));
            services.Configure<PhotoSpec>(configuration.GetSection(PhotoSpec.SectionName));
        }

        // One detector (and so one ONNX Runtime session) for the whole process; it loads the model on first use.
        services.AddSingleton<BlazeFaceDetector>();
        services.AddSingleton<IFaceDetector>(provider => provider.GetRequiredService<BlazeFaceDetector>());
        services.AddSingleton<PhotoInspector>();
        services.AddSingleton<PhotoNormalizer>();
        return services;
    }
}
