namespace PhotoCollect.Tests.Infrastructure;

/// <summary>The checked-out repository the tests run from (fixtures, artifacts, README).</summary>
public static class Repository
{
    /// <summary>The folder holding PhotoCollect.sln, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PhotoCollect.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException($"PhotoCollect.sln not found above {AppContext.BaseDirectory}.");
    }
}
