using System.Diagnostics;
using System.Text.Json;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Portal.Cli;

/// <summary>The real executable: Program.cs must hand <c>photo …</c> to the CLI before any web host exists.</summary>
public sealed class PhotoCliProcessTests(CliPhotos photos) : IClassFixture<CliPhotos>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PortalDll_PhotoCheckJson_ExitsByItselfWithoutWebServerOrDatabase()
    {
        using var workingFolder = new TempFolder("pc-cli-process");
        var portal = Path.Combine(AppContext.BaseDirectory, "PhotoCollect.Portal.dll");
        Assert.True(File.Exists(portal), $"{portal} is missing: the test project references the portal, so the build copies it here.");

        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingFolder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { portal, "photo", "check", photos.Mixed, "--json" })
        {
            start.ArgumentList.Add(arg);
        }

        // Were the web host to start anyway, it would pick a free port rather than collide with a running portal.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"photo check did not exit within {Timeout.TotalSeconds} s (web server started?): {await output}{await error}");
        }

        var stdout = await output;
        var stderr = await error;
        Assert.True(process.ExitCode == 1, $"exit code {process.ExitCode}\n{stdout}\n{stderr}");
        Assert.DoesNotContain("Now listening", stdout + stderr);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(4, document.RootElement.GetProperty("files").GetArrayLength());
        Assert.Equal(2, document.RootElement.GetProperty("summary").GetProperty("fail").GetInt32());

        // The portal would have created its data folder (database, keys) under the working folder.
        Assert.Empty(Directory.EnumerateFileSystemEntries(workingFolder.Path));
    }

    /// <summary>The dotnet host running the tests, so the child uses the same runtime.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
