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
    /// both end up with the keys of whichever wrote the file first.
    /// </summary>
    public static T LoadOrCreate<T>(string path, Func<T> generate)
        where T : class
    {
        var fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            return Read<T>(fullPath);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var generated = generate();
        var temp = $"{fullPath}.{Guid.NewGuid():N}.tmp";
        try
        {
            // Owner-only from the moment of creation, so the keys are never readable by others, not even briefly.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temp, options))
            {
                JsonSerializer.Serialize(stream, generated, Indented);
            }

            File.Move(temp, fullPath, overwrite: false);
            return generated;
        }
        catch (IOException) when (File.Exists(fullPath))
        {
            return Read<T>(fullPath);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"Key file {path} is empty.");
}
