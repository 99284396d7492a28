using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Dashboard;
using PhotoCollect.Core.Demo;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Photos.FaceDetection;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Core.Storage;
using PhotoCollect.Core.Students;
using PhotoCollect.Core.Students.Chsi;

namespace PhotoCollect.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>Core services shared by the portal, the API and the CLI. Data is added separately.</summary>
    public static IServiceCollection AddPhotoCollectCore(this IServiceCollection services, string fileStoreRoot)
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
        services.AddSingleton<ReferenceDataSeeder>();
        services.AddScoped<IdentityBootstrapper>();
        services.AddScoped<DemoDataSeeder>();
        services.AddOptions<FaceDetectorOptions>();
        // One detector (and so one ONNX Runtime session) for the whole process; it loads the model on first use.
        services.AddSingleton<BlazeFaceDetector>();
        services.AddSingleton<IFaceDetector>(provider => provider.GetRequiredService<BlazeFaceDetector>());
        services.AddOptions<PhotoSpec>();
        services.AddSingleton<PhotoInspector>();
        services.AddSingleton<PhotoNormalizer>();
        return services;
    }
}
