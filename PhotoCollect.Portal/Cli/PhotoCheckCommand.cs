using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PhotoCollect.Core.Photos;

namespace PhotoCollect.Portal.Cli;

/// <summary>One photo's verdict, under the path the user gave.</summary>
internal sealed record CheckedPhoto(string Path, PhotoCheckReport Report);

/// <summary>
/// <c>photo check</c>: inspects files in parallel (one per core, so at most that many files are
/// in memory) and prints the verdicts in the sorted order of the paths as they become ready.
/// </summary>
internal sealed class PhotoCheckCommand(PhotoInspector inspector, PhotoSpec spec, TimeProvider time, ILogger<PhotoCheckCommand> logger)
{
    /// <summary>A file the engine never saw because it could not be read.</summary>
    public const string UnreadableCode = "file.unreadable";

    /// <summary>The engine threw on this file (a bug, logged with its stack trace); the run goes on.</summary>
    public const string CheckErrorCode = "file.check_error";

    private static readonly JsonSerializerOptions OutputJson = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<int> RunAsync(IReadOnlyList<TypedPath> files, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var results = files.Select(_ => new TaskCompletionSource<CheckedPhoto>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        var work = Parallel.ForEachAsync(
            Enumerable.Range(0, files.Count),
            parallel,
            async (index, token) => results[index].SetResult(await CheckAsync(files[index], token)));

        var tally = PhotoCheckTally.Empty;
        var checkedPhotos = new List<CheckedPhoto>(json ? files.Count : 0);
        foreach (var result in results)
        {
            // If the workers stop (cancellation), the next result never comes: surface why instead of waiting.
            if (await Task.WhenAny(result.Task, work) != result.Task)
            {
                await work;
            }

            var photo = await result.Task;
            tally = tally.Add(photo.Report.Outcome);
            if (json)
            {
                checkedPhotos.Add(photo);
            }
            else
            {
                await output.WriteLineAsync(PhotoVerdictText.Line(photo.Path, photo.Report));
            }
        }

        await work;
        if (json)
        {
            await output.WriteLineAsync(ToJson(checkedPhotos, tally));
        }
        else
        {
            await output.WriteLineAsync(PhotoVerdictText.Summary(tally, time.GetElapsedTime(started)));
        }

        return tally.Fail == 0 ? PhotoCli.ExitOk : PhotoCli.ExitFailed;
    }

    private async Task<CheckedPhoto> CheckAsync(TypedPath file, CancellationToken cancellationToken)
    {
        var path = file.AsTyped;
        try
        {
            // Checked before reading so a stray multi-gigabyte file is never loaded.
            var length = new FileInfo(file.Full).Length;
            if (length > spec.MaxUploadBytes)
            {
                return new(path, NotInspected(PhotoIssueCodes.UploadTooLarge, $"文件太大（{PhotoIntake.FormatBytes(length)}），照片不能超过 {PhotoIntake.FormatBytes(spec.MaxUploadBytes)}。", length));
            }

            var bytes = await File.ReadAllBytesAsync(file.Full, cancellationToken);
            return new(path, inspector.Inspect(bytes, spec));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(path, NotInspected(UnreadableCode, $"无法读取文件。{e.Message}"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Inspecting {Path} failed", path);
            return new(path, NotInspected(CheckErrorCode, $"检查时出错。{e.Message}"));
        }
    }

    private PhotoCheckReport NotInspected(string code, string message, long fileBytes = 0) => new()
    {
        Outcome = PhotoCheckOutcome.Fail,
        Issues = [new PhotoIssue(code, PhotoIssueSeverity.Error, message)],
        Measurements = new PhotoMeasurements { FileBytes = fileBytes },
        EngineVersion = PhotoInspector.EngineVersion,
        SpecVersion = spec.Version,
    };

    private static string ToJson(IEnumerable<CheckedPhoto> photos, PhotoCheckTally tally)
    {
        var files = new JsonArray();
        foreach (var photo in photos)
        {
            // Re-read from the report's own serializer, so the shape is exactly that of stored reports.
            var report = JsonNode.Parse(photo.Report.ToJson())!;
            files.Add(new JsonObject
            {
                ["path"] = photo.Path,
                ["outcome"] = report["outcome"]!.DeepClone(),
                ["report"] = report,
            });
        }

        var document = new JsonObject
        {
            ["files"] = files,
            ["summary"] = new JsonObject
            {
                ["total"] = tally.Total,
                ["pass"] = tally.Pass,
                ["passWithWarnings"] = tally.PassWithWarnings,
                ["fail"] = tally.Fail,
            },
        };
        return document.ToJsonString(OutputJson);
    }
}
