using System.Diagnostics;

namespace PhotoCollect.Tests.Infrastructure;

/// <summary>The built portal executable run as a child process, the way a user runs it from a shell.</summary>
public static class PortalProcess
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs <c>PhotoCollect.Portal.dll</c> with <paramref name="args"/> in <paramref name="workingDirectory"/>
    /// (Development; <c>PWD</c> set to that folder, as a shell sets it), with extra environment variables
    /// on top. A web host that starts anyway gets a free port; a run longer than <see cref="Timeout"/> is killed.
    /// </summary>
    /// <exception cref="TimeoutException">The process did not exit by itself.</exception>
    public static async Task<CliRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var portal = Path.Combine(AppContext.BaseDirectory, "PhotoCollect.Portal.dll");
        if (!File.Exists(portal))
        {
            throw new InvalidOperationException($"{portal} is missing: the test project references the portal, so the build copies it here.");
        }

        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(portal);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Were the web host to start anyway, it would pick a free port rather than collide with a running portal.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["PWD"] = workingDirectory;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

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
            throw new TimeoutException($"{string.Join(' ', args)} did not exit within {Timeout.TotalSeconds} s (web server started?): {await output}{await error}");
        }

        return new CliRun(process.ExitCode, await output, await error);
    }

    /// <summary>The dotnet host running the tests, so the child uses the same runtime.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
