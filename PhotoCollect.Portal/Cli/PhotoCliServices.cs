using PhotoCollect.Core;

namespace PhotoCollect.Portal.Cli;

/// <summary>
/// The photo engine alone, configured like the portal (appsettings.json, appsettings.{environment}.json
/// and environment variables) so that a branch's tuned <c>PhotoSpec</c> gives the same verdicts here.
/// </summary>
internal static class PhotoCliServices
{
    public static ServiceProvider Build()
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environments.Production;
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();

        var services = new ServiceCollection();
        // stdout carries the verdicts (and may be JSON): log only problems, and only to stderr.
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddPhotoEngine(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
