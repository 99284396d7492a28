namespace PhotoCollect.Portal.Cli;

/// <summary>The photos to check, in a stable order, and the arguments that named nothing.</summary>
internal sealed record PhotoFileList(IReadOnlyList<TypedPath> Files, IReadOnlyList<string> Missing);

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
    /// mistake gets a verdict instead of being skipped. Relative paths are resolved against
    /// <paramref name="workingDirectory"/>; paths keep the spelling the user gave.
    /// </summary>
    public static PhotoFileList Collect(IEnumerable<string> paths, string workingDirectory)
    {
        var files = new Dictionary<string, TypedPath>(PathComparer);
        var missing = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, workingDirectory);
            if (File.Exists(full))
            {
                files.TryAdd(full, new TypedPath(path, full));
            }
            else if (Directory.Exists(full))
            {
                foreach (var file in Directory.EnumerateFiles(full, "*", Recursive).Where(IsJpegName))
                {
                    files.TryAdd(file, new TypedPath(Path.Join(path, Path.GetRelativePath(full, file)), file));
                }
            }
            else
            {
                missing.Add(path);
            }
        }

        return new PhotoFileList([.. files.Values.OrderBy(f => f.AsTyped, StringComparer.Ordinal)], missing);
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
