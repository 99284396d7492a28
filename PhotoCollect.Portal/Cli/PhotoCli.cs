using System.Text;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Photos;

namespace PhotoCollect.Portal.Cli;

/// <summary>
/// <c>photo check</c> and <c>photo fix</c> on the portal executable (issue 3, item 7): the photo
/// engine without the web server, the database or demo data, for staff checking campus shoots.
/// </summary>
public static class PhotoCli
{
    public const int ExitOk = 0;
    public const int ExitFailed = 1;
    public const int ExitUsage = 2;

    public static bool IsCliInvocation(string[] args) => args is [PhotoCliArguments.Verb, ..];

    /// <summary>Runs on the process console; Ctrl+C stops a long check cleanly.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        // The Windows console's code page cannot show the Chinese verdicts.
        if (OperatingSystem.IsWindows())
        {
            Console.OutputEncoding = Encoding.UTF8;
        }

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await RunAsync(args, Console.Out, Console.Error, cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("已取消，检查没有完成。");
            return ExitFailed;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>
    /// Runs with the given writers: verdicts (or JSON) on <paramref name="output"/>, everything else on
    /// <paramref name="error"/>. Relative paths are resolved against <paramref name="workingDirectory"/>,
    /// by default the folder the command was run from (<see cref="CallerDirectory"/>).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default, string? workingDirectory = null)
    {
        var folder = workingDirectory ?? CallerDirectory.Current;
        switch (PhotoCliArguments.Parse(args))
        {
            case ShowUsageRequest:
                await output.WriteAsync(PhotoCliArguments.Usage);
                return ExitOk;
            case CheckPhotosRequest check:
                return await CheckAsync(check, folder, output, error, cancellationToken);
            case FixPhotoRequest fix:
                return await FixAsync(TypedPath.Resolve(fix.Input, folder), TypedPath.Resolve(fix.Output, folder), output, error, cancellationToken);
            case UsageErrorRequest usage:
                return await UsageErrorAsync(error, usage.Message);
            default:
                throw new InvalidOperationException("Unhandled photo CLI request.");
        }
    }

    private static async Task<int> CheckAsync(CheckPhotosRequest request, string workingDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var photos = PhotoFileCollector.Collect(request.Paths, workingDirectory);
        if (photos.Missing.Count > 0)
        {
            return await UsageErrorAsync(error, $"找不到文件或文件夹：{string.Join("、", photos.Missing)}");
        }

        if (photos.Files.Count == 0)
        {
            return await UsageErrorAsync(error, "指定的文件夹中没有 .jpg / .jpeg 照片。");
        }

        await using var services = PhotoCliServices.Build();
        if (await LoadEngineAsync(services, error) is not { } spec)
        {
            return ExitFailed;
        }

        var command = new PhotoCheckCommand(
            services.GetRequiredService<PhotoInspector>(),
            spec,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<PhotoCheckCommand>>());
        return await command.RunAsync(photos.Files, request.Json, output, cancellationToken);
    }

    private static async Task<int> FixAsync(TypedPath input, TypedPath outputPhoto, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (PhotoFixCommand.Validate(input, outputPhoto) is { } problem)
        {
            return await UsageErrorAsync(error, problem);
        }

        await using var services = PhotoCliServices.Build();
        if (await LoadEngineAsync(services, error) is not { } spec)
        {
            return ExitFailed;
        }

        var command = new PhotoFixCommand(
            services.GetRequiredService<PhotoNormalizer>().Fix,
            spec,
            services.GetRequiredService<ILogger<PhotoFixCommand>>());
        return await command.RunAsync(input, outputPhoto, output, error, cancellationToken);
    }

    /// <summary>
    /// Creates the engine up front (face model, options) so a missing model or a bad setting is one
    /// clear message rather than a stack trace or a failure on every file.
    /// </summary>
    private static async Task<PhotoSpec?> LoadEngineAsync(IServiceProvider services, TextWriter error)
    {
        try
        {
            services.GetRequiredService<PhotoInspector>();
            services.GetRequiredService<PhotoNormalizer>();
            return services.GetRequiredService<IOptions<PhotoSpec>>().Value;
        }
        catch (Exception e)
        {
            await error.WriteLineAsync($"无法启动照片检查引擎：{e.Message}");
            return null;
        }
    }

    private static async Task<int> UsageErrorAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync(message);
        await error.WriteLineAsync();
        await error.WriteAsync(PhotoCliArguments.Usage);
        return ExitUsage;
    }
}
