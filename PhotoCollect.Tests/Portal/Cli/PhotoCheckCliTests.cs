using System.Text.Json;
using System.Text.RegularExpressions;
using PhotoCollect.Core.Photos;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Portal.Cli;

/// <summary><c>photo check</c> in-process, with the real engine and face detector.</summary>
public sealed partial class PhotoCheckCliTests(CliPhotos photos) : IClassFixture<CliPhotos>
{
    [Fact]
    public async Task Check_MixedFolder_OneSortedLinePerPhotoAndSummary_Exit1()
    {
        var run = await CliRun.RunAsync("photo", "check", photos.Mixed);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Error);
        var lines = run.OutputLines;
        Assert.Equal(5, lines.Length);
        var expected = photos.MixedChecked;
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Contains($"  {expected[i]}", lines[i]);
        }

        Assert.StartsWith("合格", lines[0]);
        Assert.StartsWith("不合格", lines[1]);
        Assert.Contains(PhotoIssueCodes.NoFace, lines[1]);
        Assert.StartsWith("不合格", lines[2]);
        Assert.Contains(PhotoIssueCodes.NotJpeg, lines[2]);
        Assert.StartsWith("合格", lines[3]);

        var summary = SummaryPattern().Match(lines[4]);
        Assert.True(summary.Success, lines[4]);
        Assert.Equal(4, Count(summary, "total"));
        Assert.Equal(2, Count(summary, "pass") + Count(summary, "warn"));
        Assert.Equal(2, Count(summary, "fail"));
    }

    [Fact]
    public async Task Check_OnlyPassingPhotos_Exit0()
    {
        var run = await CliRun.RunAsync("photo", "check", photos.Passing);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, run.OutputLines.Length);
        Assert.All(run.OutputLines[..2], line => Assert.StartsWith("合格", line));
        Assert.Matches(SummaryPattern(), run.OutputLines[2]);
        Assert.Contains("不合格 0", run.OutputLines[2]);
    }

    [Fact]
    public async Task Check_FileNamedExplicitly_IsCheckedWhateverItsExtension()
    {
        var run = await CliRun.RunAsync("photo", "check", photos.PngFile, Path.Combine(photos.Passing, "one.jpg"));

        // Sorted: ".../explicit/photo.png" before ".../passing/one.jpg".
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(3, run.OutputLines.Length);
        Assert.StartsWith("不合格", run.OutputLines[0]);
        Assert.Contains(PhotoIssueCodes.NotJpeg, run.OutputLines[0]);
        Assert.Contains(photos.PngFile, run.OutputLines[0]);
        Assert.StartsWith("合格", run.OutputLines[1]);
    }

    [Fact]
    public async Task Check_FolderAndFileInsideIt_CheckedOnce()
    {
        var run = await CliRun.RunAsync("photo", "check", photos.Passing, Path.Combine(photos.Passing, "one.jpg"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("共 2 张", run.OutputLines[^1]);
    }

    [Fact]
    public async Task Check_Json_OneDocumentWithFilesReportsAndSummary()
    {
        var run = await CliRun.RunAsync("photo", "check", photos.Mixed, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Error);
        using var document = JsonDocument.Parse(run.Output);
        var files = document.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(photos.MixedChecked, files.Select(f => f.GetProperty("path").GetString()));
        foreach (var file in files)
        {
            var outcome = file.GetProperty("outcome").GetString();
            var report = file.GetProperty("report");
            Assert.Equal(outcome, report.GetProperty("outcome").GetString());
            Assert.True(report.GetProperty("issues").ValueKind == JsonValueKind.Array);
            Assert.Equal(PhotoInspector.EngineVersion, report.GetProperty("engineVersion").GetString());

            // The same shape as stored reports: the report's own deserializer reads it back.
            var parsed = PhotoCheckReport.FromJson(report.GetRawText());
            Assert.NotNull(parsed);
            Assert.Equal(Enum.Parse<PhotoCheckOutcome>(outcome!), parsed.Outcome);
        }

        Assert.Equal("Fail", files[1].GetProperty("outcome").GetString());
        Assert.Contains(files[2].GetProperty("report").GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == PhotoIssueCodes.NotJpeg);

        var summary = document.RootElement.GetProperty("summary");
        Assert.Equal(4, summary.GetProperty("total").GetInt32());
        Assert.Equal(2, summary.GetProperty("pass").GetInt32() + summary.GetProperty("passWithWarnings").GetInt32());
        Assert.Equal(2, summary.GetProperty("fail").GetInt32());
        Assert.Equal(files.Count(f => f.GetProperty("outcome").GetString() == "Fail"), summary.GetProperty("fail").GetInt32());
    }

    [Fact]
    public async Task Check_UnreadableFile_IsAFailingEntryNotACrash()
    {
        using var folder = new TempFolder("pc-cli-locked");
        var locked = folder.Write("locked.jpg", [0xFF, 0xD8, 0xFF]);
        folder.Write("readable.jpg", [0xFF, 0xD8, 0xFF]);

        // Another writer holding the file exclusively (a copy still in progress) makes reading it fail.
        int exitCode;
        string[] lines;
        using (new FileStream(locked, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var run = await CliRun.RunAsync("photo", "check", folder.Path);
            (exitCode, lines) = (run.ExitCode, run.OutputLines);
        }

        Assert.Equal(1, exitCode);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("不合格", lines[0]);
        Assert.Contains("file.unreadable", lines[0]);
        Assert.Contains("photo.", lines[1]);
        Assert.Contains("共 2 张", lines[2]);
    }

    [Theory]
    [InlineData("photo")]
    [InlineData("photo", "check")]
    [InlineData("photo", "check", "--json")]
    [InlineData("photo", "check", "--recursive", "{passing}")]
    [InlineData("photo", "check", "{passing}", "/no/such/folder")]
    [InlineData("photo", "verify", "{passing}")]
    public async Task Check_UsageError_Exit2WithChineseMessageOnStderr(params string[] args)
    {
        var run = await CliRun.RunAsync([.. args.Select(a => a.Replace("{passing}", photos.Passing))]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("用法：", run.Error);
        Assert.Contains("photo check", run.Error);
    }

    [Fact]
    public async Task Check_MissingPath_NamesItOnStderr()
    {
        var run = await CliRun.RunAsync("photo", "check", photos.Passing, "/no/such/folder");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("找不到文件或文件夹：/no/such/folder", run.Error);
    }

    [Fact]
    public async Task Check_FolderWithoutJpegs_Exit2()
    {
        using var folder = new TempFolder("pc-cli-empty");
        folder.Write("notes.txt", [1, 2, 3]);

        var run = await CliRun.RunAsync("photo", "check", folder.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("没有 .jpg / .jpeg 照片", run.Error);
    }

    [Fact]
    public async Task Help_PrintsUsageOnStdout_Exit0()
    {
        var run = await CliRun.RunAsync("photo", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("photo fix <输入照片> <输出照片>", run.Output);
    }

    private static int Count(Match match, string group) => int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^共 (?<total>\d+) 张：合格 (?<pass>\d+)，有提示 (?<warn>\d+)，不合格 (?<fail>\d+)（用时 \d+\.\d 秒）$")]
    private static partial Regex SummaryPattern();
}
