using PhotoCollect.Core.Photos;

namespace PhotoCollect.Portal.Cli;

/// <summary>
/// <c>photo fix</c>: runs the auto-fix on one file and writes the result through a temporary file
/// in the output folder that is then moved into place, so a crash never leaves half a JPEG.
/// The engine comes in as a delegate so tests can drive the file handling with a known result.
/// </summary>
internal sealed class PhotoFixCommand(Func<byte[], PhotoSpec, PhotoFixResult> fix, PhotoSpec spec, ILogger<PhotoFixCommand> logger)
{
    /// <summary>Why these paths cannot be used, or null; checked before the engine is loaded.</summary>
    public static string? Validate(TypedPath input, TypedPath output)
    {
        if (!File.Exists(input.Full))
        {
            return Directory.Exists(input.Full) ? $"输入必须是一个照片文件，不能是文件夹：{input.AsTyped}" : $"找不到输入照片：{input.AsTyped}";
        }

        if (Directory.Exists(output.Full))
        {
            return $"输出路径是一个文件夹，请写出输出照片的文件名：{output.AsTyped}";
        }

        var folder = Path.GetDirectoryName(output.Full);
        if (folder is null || !Directory.Exists(folder))
        {
            return $"输出文件夹不存在：{folder}";
        }

        return IsSameFile(input.Full, output.Full) ? $"输出照片不能与输入照片相同（{output.AsTyped}）：自动修正不会覆盖原始照片，请换一个输出文件名。" : null;
    }

    public async Task<int> RunAsync(TypedPath inputPath, TypedPath outputPath, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var input = inputPath.AsTyped;
        var output = outputPath.AsTyped;
        byte[] bytes;
        try
        {
            var length = new FileInfo(inputPath.Full).Length;
            if (length > spec.MaxUploadBytes)
            {
                await stdout.WriteLineAsync($"无法自动修正  {input}  {PhotoIssueCodes.UploadTooLarge} 文件太大（{PhotoIntake.FormatBytes(length)}），照片不能超过 {PhotoIntake.FormatBytes(spec.MaxUploadBytes)}。");
                return PhotoCli.ExitFailed;
            }

            bytes = await File.ReadAllBytesAsync(inputPath.Full, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"无法读取输入照片 {input}：{e.Message}");
            return PhotoCli.ExitFailed;
        }

        PhotoFixResult result;
        try
        {
            result = fix(bytes, spec);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Auto-fix of {Path} failed", input);
            await stderr.WriteLineAsync($"自动修正 {input} 时出错：{e.Message}");
            return PhotoCli.ExitFailed;
        }

        if (result is not { Jpeg: { } jpeg, Report: { } report })
        {
            var reason = result.Refusal is { } refusal ? $"{refusal.Code} {refusal.Message}" : "自动修正没有生成照片。";
            await stdout.WriteLineAsync($"无法自动修正  {input}  {reason}");
            return PhotoCli.ExitFailed;
        }

        try
        {
            await WriteAtomicallyAsync(outputPath.Full, jpeg, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"无法写入输出照片 {output}：{e.Message}");
            return PhotoCli.ExitFailed;
        }

        await stdout.WriteLineAsync(PhotoVerdictText.Line(output, report));
        return report.Outcome == PhotoCheckOutcome.Fail ? PhotoCli.ExitFailed : PhotoCli.ExitOk;
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous))
            {
                await file.WriteAsync(bytes, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static bool IsSameFile(string input, string output)
    {
        var comparer = PhotoFileCollector.PathComparer;
        if (comparer.Equals(input, output))
        {
            return true;
        }

        // Two spellings of one file (a symbolic link to it, or a path through a linked folder)
        // are still the input. Paths cannot tell every case apart, so an existing output with
        // the input's exact bytes is treated as the input too: refusing is always safe.
        return File.Exists(output)
            && (comparer.Equals(FinalTarget(input), FinalTarget(output)) || SameContent(input, output));
    }

    private static bool SameContent(string a, string b) =>
        new FileInfo(a).Length == new FileInfo(b).Length && File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));

    private static string FinalTarget(string path) =>
        File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
}
