using PhotoCollect.Portal.Cli;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Portal.Cli;

/// <summary>
/// Relative paths on the command line mean the folder the command was typed in, also through
/// <c>dotnet run --project PhotoCollect.Portal</c>, which starts the program in the project folder.
/// </summary>
public sealed class CliWorkingDirectoryTests(CliPhotos photos) : IClassFixture<CliPhotos>, IDisposable
{
    private readonly TempFolder _typedIn = new("pc-cli-typed-in");
    private readonly TempFolder _projectFolder = new("pc-cli-project");

    [Fact]
    public void CallerDirectory_PwdIsAnExistingFolder_ItWinsOverTheProcessFolder()
    {
        Assert.Equal(_typedIn.Path, CallerDirectory.Resolve(_typedIn.Path, _projectFolder.Path));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/folder")]
    [InlineData("/no/such/folder/pc-cli")]
    public void CallerDirectory_NoUsablePwd_TheProcessFolder(string? pwd)
    {
        Assert.Equal(_projectFolder.Path, CallerDirectory.Resolve(pwd, _projectFolder.Path));
    }

    [Fact]
    public async Task PhotoFix_RelativePaths_ReadAndWrittenInTheGivenFolder_PrintedAsTyped()
    {
        _typedIn.Write("in.jpg", File.ReadAllBytes(Path.Combine(photos.Passing, "one.jpg")));

        var run = await CliRun.RunInAsync(_typedIn.Path, "photo", "fix", "in.jpg", "out.jpg");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.True(File.Exists(_typedIn.Combine("out.jpg")));
        Assert.Contains("  out.jpg", run.Output);
    }

    [Fact]
    public async Task ChsiIssue_StartedInTheProjectFolderLikeDotnetRun_WritesARelativeOutWhereTheCommandWasTyped()
    {
        // What `cd <typed-in> && dotnet run --project <project> -- chsi issue … --out code.png` does:
        // the program starts in the project folder, and the shell's PWD comes along unchanged.
        var run = await PortalProcess.RunAsync(_projectFolder.Path, new Dictionary<string, string>
        {
            ["PWD"] = _typedIn.Path,
            ["DataFolder"] = _projectFolder.Combine("App_Data"),
        }, "chsi", "issue", "--name", "孙小芳", "--id", TestIdNumbers.Valid, "--school", "示例理工大学", "--out", "code.png");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.True(File.Exists(_typedIn.Combine("code.png")), run.Error);
        Assert.False(File.Exists(_projectFolder.Combine("code.png")));
    }

    public void Dispose()
    {
        _typedIn.Dispose();
        _projectFolder.Dispose();
    }
}
