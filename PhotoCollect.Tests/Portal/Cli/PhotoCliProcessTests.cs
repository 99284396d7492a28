using System.Text.Json;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Portal.Cli;

/// <summary>The real executable: Program.cs must hand <c>photo …</c> to the CLI before any web host exists.</summary>
public sealed class PhotoCliProcessTests(CliPhotos photos) : IClassFixture<CliPhotos>
{
    [Fact]
    public async Task PortalDll_PhotoCheckJson_ExitsByItselfWithoutWebServerOrDatabase()
    {
        using var workingFolder = new TempFolder("pc-cli-process");

        var run = await PortalProcess.RunAsync(workingFolder.Path, new Dictionary<string, string>(), "photo", "check", photos.Mixed, "--json");

        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}\n{run.Output}\n{run.Error}");
        Assert.DoesNotContain("Now listening", run.Output + run.Error);
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal(4, document.RootElement.GetProperty("files").GetArrayLength());
        Assert.Equal(2, document.RootElement.GetProperty("summary").GetProperty("fail").GetInt32());

        // The portal would have created its data folder (database, keys) under the working folder.
        Assert.Empty(Directory.EnumerateFileSystemEntries(workingFolder.Path));
    }
}
