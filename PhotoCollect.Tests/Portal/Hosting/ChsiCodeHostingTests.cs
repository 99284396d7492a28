using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Students.Chsi;
using PhotoCollect.Tests.Core.Students;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Portal.Hosting;

public sealed class ChsiCodeHostingTests : IDisposable
{
    private readonly TempFolder _folder = new("pc-chsi-host");

    [Fact]
    public void Development_WithoutConfiguredKeys_GeneratesKeyFileOnceAndReusesItAfterRestart()
    {
        var now = Builders.Now;
        string code;
        using (var firstRun = new ConfiguredPortalFactory(_folder.Path, "Development"))
        {
            code = firstRun.Services.GetRequiredService<ChsiCodeIssuer>().Issue(ChsiTestStudents.SunXiaofang(), now);
        }

        var keyFile = Path.Combine(_folder.Path, "keys", "chsi-codes.json");
        Assert.True(File.Exists(keyFile));
        Assert.StartsWith("PCCHSI1.dev-1.", code);
        var written = File.ReadAllText(keyFile);

        using var secondRun = new ConfiguredPortalFactory(_folder.Path, "Development");
        var result = secondRun.Services.GetRequiredService<IChsiCodeResolver>().Resolve(code, "6721", now);

        Assert.True(result.Succeeded, result.Error?.Code);
        Assert.Equal(written, File.ReadAllText(keyFile));
    }

    [Fact]
    public void Development_ConfiguredKeysAndValidity_UsedInsteadOfAKeyFile()
    {
        using var factory = new ConfiguredPortalFactory(_folder.Path, "Development", new()
        {
            ["ChsiCodes:CurrentKeyId"] = "2026a",
            ["ChsiCodes:Keys:2026a"] = TestKeys.ChsiKeyA,
            ["ChsiCodes:DefaultValidity"] = "7.00:00:00",
        });

        var issuer = factory.Services.GetRequiredService<ChsiCodeIssuer>();

        Assert.StartsWith("PCCHSI1.2026a.", issuer.Issue(ChsiTestStudents.SunXiaofang(), Builders.Now));
        Assert.Equal(TimeSpan.FromDays(7), issuer.DefaultValidity);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "keys", "chsi-codes.json")));
    }

    [Fact]
    public void Production_WithoutConfiguredKeys_RefusesToStart()
    {
        using var factory = new ConfiguredPortalFactory(_folder.Path, "Production", new()
        {
            ["PersonalData:CurrentKeyId"] = "a",
            ["PersonalData:Keys:a"] = TestKeys.KeyA,
            ["PersonalData:BlindIndexKey"] = TestKeys.BlindIndex,
            ["WeChat:AppId"] = "wx1234567890abcdef",
            ["WeChat:AppSecret"] = "0123456789abcdef0123456789abcdef",
        });

        var exception = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("ChsiCodes keys must be configured in Production", exception.ToString());
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "keys")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
