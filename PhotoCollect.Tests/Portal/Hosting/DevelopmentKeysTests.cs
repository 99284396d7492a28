using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Students;
using PhotoCollect.Core.Students.Chsi;
using PhotoCollect.Portal.Api;
using PhotoCollect.Portal.Hosting;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Portal.Hosting;

/// <summary>The portal's three secret keys are set up by one rule: configured, else generated once outside Production.</summary>
public sealed class DevelopmentKeysTests : IDisposable
{
    private readonly TempFolder _folder = new("pc-dev-keys");

    [Fact]
    public async Task Development_NothingConfigured_PortalWritesEachKeyFileOnce_AndReadsThemAfterARestart()
    {
        var first = await KeysOfAStartAsync();
        var written = Directory.GetFiles(Path.Combine(_folder.Path, "keys")).Select(f => Path.GetFileName(f)).Order().ToArray();
        var second = await KeysOfAStartAsync();

        Assert.Equal(["chsi-codes.json", "personal-data.json", "student-tokens.json"], written);
        Assert.NotEmpty(first.PersonalData);
        Assert.NotEmpty(first.Chsi);
        Assert.NotEmpty(first.Token);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Production_NoKeysConfigured_EachSetRefusesNamingItsSettings_AndWritesNothing()
    {
        var personal = Assert.Throws<InvalidOperationException>(() => DevelopmentKeys.PersonalData.Load(Empty(), production: true, _folder.Path));
        var chsi = Assert.Throws<InvalidOperationException>(() => DevelopmentKeys.ChsiCodes.Load(Empty(), production: true, _folder.Path));
        var tokens = Assert.Throws<InvalidOperationException>(() => DevelopmentKeys.StudentTokens.Load(Empty(), production: true, _folder.Path));

        Assert.Contains("PersonalData:BlindIndexKey", personal.Message);
        Assert.Contains("ChsiCodes:Keys", chsi.Message);
        Assert.Contains("StudentApi:SigningKey", tokens.Message);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "keys")));
    }

    [Fact]
    public void ConfiguredKeys_UsedAsTheyAre_EvenInProduction_NoKeyFile()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(PortalHosts.ConfiguredKeys()).Build();

        Assert.Equal(TestKeys.KeyA, DevelopmentKeys.PersonalData.Load(configuration, production: true, _folder.Path).Keys["a"]);
        Assert.Equal(TestKeys.ChsiKeyA, DevelopmentKeys.ChsiCodes.Load(configuration, production: true, _folder.Path).Keys["a"]);
        Assert.Equal(TestKeys.KeyB, DevelopmentKeys.StudentTokens.Load(configuration, production: true, _folder.Path).SigningKey);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "keys")));
    }

    [Fact]
    public void GeneratedKeys_KeepTheOtherConfiguredSettings()
    {
        var builder = PortalHosts.Builder(Environments.Development, _folder.Path, new Dictionary<string, string?>
        {
            ["ChsiCodes:DefaultValidity"] = "7.00:00:00",
            ["StudentApi:TokenLifetime"] = "02:00:00",
        });

        builder.AddKeys(DevelopmentKeys.ChsiCodes, _folder.Path);
        builder.AddKeys(DevelopmentKeys.StudentTokens, _folder.Path);

        using var services = builder.Services.BuildServiceProvider();
        var chsi = services.GetRequiredService<IOptions<ChsiCodeOptions>>().Value;
        var tokens = services.GetRequiredService<IOptions<StudentTokenOptions>>().Value;
        Assert.Equal(("dev-1", TimeSpan.FromDays(7)), (chsi.CurrentKeyId, chsi.DefaultValidity));
        Assert.Equal(TimeSpan.FromHours(2), tokens.TokenLifetime);
        Assert.False(string.IsNullOrEmpty(tokens.SigningKey));
    }

    public void Dispose() => _folder.Dispose();

    private static IConfiguration Empty() => new ConfigurationBuilder().Build();

    /// <summary>The keys the portal's registration ends up with, on the test's data folder.</summary>
    private async Task<(string PersonalData, string Chsi, string Token)> KeysOfAStartAsync()
    {
        await using var app = PortalHosts.Builder(Environments.Development, _folder.Path).AddPhotoCollectPortal().Build();
        var personal = app.Services.GetRequiredService<IOptions<PersonalDataOptions>>().Value;
        var chsi = app.Services.GetRequiredService<IOptions<ChsiCodeOptions>>().Value;
        var token = app.Services.GetRequiredService<IOptions<StudentTokenOptions>>().Value;
        return (personal.Keys[personal.CurrentKeyId] + personal.BlindIndexKey, chsi.Keys[chsi.CurrentKeyId], token.SigningKey);
    }
}
