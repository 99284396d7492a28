using System.Text.Json;

namespace PhotoCollect.Core.Common;

/// <summary>
/// Development-only key files: generated on first run under the data folder so a local install
/// works without configuration, and read back on every later run. Production configures keys
/// explicitly and never calls this.
/// </summary>
public static class DevelopmentKeyFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// Reads the keys at <paramref name="path"/>, or writes <paramref name="generate"/>'s keys there
    /// (owner read/write only) when the file does not exist yet. When two processes start at once,
    /// both end up with the keys of whichever created the file first: creation is exclusive
    /// (O_EXCL), which a check-then-move cannot guarantee.
    /// </summary>
    public static T LoadOrCreate<T>(string path, Func<T> generate)
        where T : class
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            var generated = generate();
            try
            {
                // Owner-only from the moment of creation, so the keys are never readable by others, not even briefly.
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using (var stream = new FileStream(fullPath, options))
                {
                    JsonSerializer.Serialize(stream, generated, Indented);
                    stream.Flush(flushToDisk: true);
                }

                return generated;
            }
            catch (IOException) when (File.Exists(fullPath))
            {
                // Another process created it first; use its keys.
            }
        }

        return ReadWhenComplete<T>(fullPath);
    }

    /// <summary>The winner of a simultaneous first start may still be writing: wait briefly for complete JSON.</summary>
    private static T ReadWhenComplete<T>(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return JsonSerializer.Deserialize<T>(File.ReadAllText(path))
                    ?? throw new InvalidOperationException($"Key file {path} is empty.");
            }
            catch (Exception e) when (e is JsonException or IOException && attempt < 50)
            {
                Thread.Sleep(20);
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"Development key file {path} is damaged; delete it to generate new keys (data encrypted with the old ones becomes unreadable).", e);
            }
        }
    }
}
