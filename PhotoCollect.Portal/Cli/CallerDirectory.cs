namespace PhotoCollect.Portal.Cli;

/// <summary>
/// The folder the user ran the command from, against which relative paths on the command line
/// are resolved. <c>dotnet run --project PhotoCollect.Portal -- …</c> starts the program in the
/// project's folder, so the process's current directory is not where the command was typed;
/// the shell's <c>PWD</c>, which <c>dotnet run</c> passes through unchanged, still is. Where no
/// shell set it (cmd, PowerShell, a service) the current directory is used.
/// </summary>
internal static class CallerDirectory
{
    public static string Current => Resolve(Environment.GetEnvironmentVariable("PWD"), Environment.CurrentDirectory);

    public static string Resolve(string? pwd, string currentDirectory) =>
        !string.IsNullOrEmpty(pwd) && Path.IsPathFullyQualified(pwd) && Directory.Exists(pwd) ? pwd : currentDirectory;
}

/// <summary>A path as the user typed it (for messages) and resolved against the caller's folder (for the file system).</summary>
internal sealed record TypedPath(string AsTyped, string Full)
{
    public static TypedPath Resolve(string asTyped, string workingDirectory) => new(asTyped, Path.GetFullPath(asTyped, workingDirectory));
}
