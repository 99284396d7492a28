namespace PhotoCollect.Portal.Cli;

/// <summary>The photos to check, in a stable order, and the arguments that named nothing.</summary>
internal sealed record PhotoFileList(IReadOnlyList<string> Files, IReadOnlyList<string> Missing);

/// <summary>Expands the <c>photo check</c> arguments into photo files.</summary>
internal static class PhotoFileCollector
{
    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        // Hidden files stay skipped (the default): macOS leaves "._IMG_0001.jpg" companions on campus USB sticks.
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    /// <summary>
    /// Folders contribute their *.jpg / *.jpeg files (any case, subfolders included); a file named
    /// explicitly is always checked, whatever its extension, so a PNG renamed .jpg or a .png given by
    /// mistake gets a verdict instead of being skipped. Paths keep the spelling the user gave.
    /// </summary>
    public static PhotoFileList Collect(IEnumerable<string> paths)
    {
        var files = new Dictionary<string, string>(PathComparer);
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.TryAdd(Path.GetFullPath(path), path);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", Recursive).Where(IsJpegName))
                {
                    files.TryAdd(Path.GetFullPath(file), file);
                }
            }
            else
            {
                missing.Add(path);
            }
        }

        return new PhotoFileList([.. files.Values.Order(StringComparer.Ordinal)], missing);
    }

    /// <summary>Compares paths the way the file system does (case-insensitive on Windows and macOS).</summary>
    public static StringComparer PathComparer { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static bool IsJpegName(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".jpg", StringComparison.OrdinalIgnoreCase) || extension.Equals(".jpeg", StringComparison.OrdinalIgnoreCase);
    }
}
