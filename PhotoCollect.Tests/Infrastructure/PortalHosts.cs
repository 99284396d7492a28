using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace PhotoCollect.Tests.Infrastructure;

/// <summary>The portal's host set-up on a data folder and environment the test chooses, for tests of start-up rules.</summary>
public static class PortalHosts
{
    /// <summary>Every secret key the portal needs, so that even Production gets past them.</summary>
    public static Dictionary<string, string?> ConfiguredKeys() => new()
    {
        ["PersonalData:CurrentKeyId"] = "a",
        ["PersonalData:Keys:a"] = TestKeys.KeyA,
        ["PersonalData:BlindIndexKey"] = TestKeys.BlindIndex,
        ["ChsiCodes:CurrentKeyId"] = "a",
        ["ChsiCodes:Keys:a"] = TestKeys.ChsiKeyA,
        ["StudentApi:SigningKey"] = TestKeys.KeyB,
    };

    /// <summary>A bare <see cref="WebApplicationBuilder"/> with <c>DataFolder</c> and the given settings; nothing registered yet.</summary>
    public static WebApplicationBuilder Builder(string environment, string dataFolder, params IEnumerable<KeyValuePair<string, string?>>[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection([new("DataFolder", dataFolder)]);
        foreach (var layer in settings)
        {
            builder.Configuration.AddInMemoryCollection(layer);
        }

        return builder;
    }
}

/// <summary>
/// The whole portal (<see cref="PortalFactory"/>) on a data folder the test chooses, so a second
/// start sees the first one's files; no demo data.
/// </summary>
public sealed class ConfiguredPortalFactory(string dataFolder, string environment, Dictionary<string, string?>? settings = null) : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        builder.UseSetting("DataFolder", dataFolder);
        builder.UseSetting("Demo:Seed", "false");
        foreach (var (key, value) in settings ?? [])
        {
            builder.UseSetting(key, value);
        }
    }
}
