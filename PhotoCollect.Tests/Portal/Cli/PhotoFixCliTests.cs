using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using PhotoCollect.Core.Photos;
using PhotoCollect.Portal.Cli;
using PhotoCollect.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace PhotoCollect.Tests.Portal.Cli;

/// <summary>
/// <c>photo fix</c>: through the CLI with the registered <see cref="PhotoNormalizer"/>, and the file
/// handling on its own with a stand-in engine result.
/// </summary>
public sealed class PhotoFixCliTests : IDisposable
{
    private readonly TempFolder _folder = new("pc-cli-fix");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Fix_PlainBlueImageWithoutPerson_RefusedWithReason_Exit1()
    {
        var input = _folder.Write("blue.jpg", new SyntheticPhoto { DrawHead = false, Body = false }.Jpeg());
        var output = _folder.Combine("fixed.jpg");

        var run = await CliRun.RunAsync("photo", "fix", input, output);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"无法自动修正  {input}  ", run.Output);
        Assert.False(File.Exists(output));
        Assert.Equal(["blue.jpg"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }

    /// <summary>Needs the real auto-fix engine: the placeholder refuses every photo.</summary>
    [Fact]
    [Trait("Needs", "Normalizer")]
    public async Task Fix_RealFaceOnWhiteWall_WritesCompliant480x640Jpeg_Exit0()
    {
        var input = _folder.Write("wall.jpg", WhiteWallPhoto());
        var inputHash = SHA256.HashData(File.ReadAllBytes(input));
        var output = _folder.Combine("fixed.jpg");

        var run = await CliRun.RunAsync("photo", "fix", input, output);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.StartsWith("合格", run.Output);
        Assert.Contains($"  {output}", run.Output);
        var info = Image.Identify(output, out var format);
        Assert.Equal(JpegFormat.Instance, format);
        Assert.Equal((480, 640), (info.Width, info.Height));
        Assert.Equal(inputHash, SHA256.HashData(File.ReadAllBytes(input)));
        Assert.Equal(["fixed.jpg", "wall.jpg"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Fix_OutputSameAsInput_UsageError_InputUntouched()
    {
        var bytes = new SyntheticPhoto().Jpeg();
        var input = _folder.Write("photo.jpg", bytes);

        var run = await CliRun.RunAsync("photo", "fix", input, Path.Combine(_folder.Path, ".", "photo.jpg"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("不能与输入照片相同", run.Error);
        Assert.Contains("用法：", run.Error);
        Assert.Equal(bytes, File.ReadAllBytes(input));
    }

    [Fact]
    public async Task Fix_OutputIsSymbolicLinkToInput_UsageError()
    {
        var input = _folder.Write("photo.jpg", new SyntheticPhoto().Jpeg());
        var link = _folder.Combine("link.jpg");
        File.CreateSymbolicLink(link, input);

        var run = await CliRun.RunAsync("photo", "fix", input, link);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("不能与输入照片相同", run.Error);
    }

    [Fact]
    public async Task Fix_OutputThroughLinkedFolder_UsageError_InputUntouched()
    {
        var bytes = new SyntheticPhoto().Jpeg();
        var input = _folder.Write("photo.jpg", bytes);
        var linkedFolder = _folder.Combine("same-folder");
        Directory.CreateSymbolicLink(linkedFolder, Path.GetDirectoryName(input)!);

        var run = await CliRun.RunAsync("photo", "fix", input, Path.Combine(linkedFolder, "photo.jpg"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("不能与输入照片相同", run.Error);
        Assert.Equal(bytes, File.ReadAllBytes(input));
    }

    [Theory]
    [InlineData("{folder}/missing.jpg", "{folder}/out.jpg", "找不到输入照片")]
    [InlineData("{folder}", "{folder}/out.jpg", "不能是文件夹")]
    [InlineData("{folder}/photo.jpg", "{folder}", "输出路径是一个文件夹")]
    [InlineData("{folder}/photo.jpg", "{folder}/no/such/out.jpg", "输出文件夹不存在")]
    [InlineData("{folder}/photo.jpg", null, "需要两个路径")]
    [InlineData("{folder}/photo.jpg", "--json", "未知的选项")]
    public async Task Fix_BadArguments_Exit2WithChineseMessage(string input, string? output, string message)
    {
        _folder.Write("photo.jpg", new SyntheticPhoto().Jpeg());
        string[] args = output is null ? ["photo", "fix", input] : ["photo", "fix", input, output];

        var run = await CliRun.RunAsync([.. args.Select(a => a.Replace("{folder}", _folder.Path))]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public async Task FixCommand_EngineSucceeds_ReplacesExistingOutputAndPrintsVerdict_Exit0()
    {
        var input = _folder.Write("in.jpg", [1, 2, 3]);
        var output = _folder.Write("out.jpg", [9, 9, 9]);
        var fixedJpeg = new SyntheticPhoto().Jpeg();

        var (exitCode, printed) = await RunCommandAsync(input, output, new PhotoFixResult(fixedJpeg, Report(PhotoCheckOutcome.Pass), null));

        Assert.Equal(0, exitCode);
        Assert.Equal($"合格            {output}", printed.TrimEnd());
        Assert.Equal(fixedJpeg, File.ReadAllBytes(output));
        Assert.Equal<byte>([1, 2, 3], File.ReadAllBytes(input));
        Assert.Equal(["in.jpg", "out.jpg"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task FixCommand_FixedPhotoStillFails_WritesItAndPrintsIssues_Exit1()
    {
        var input = _folder.Write("in.jpg", [1, 2, 3]);
        var output = _folder.Combine("out.jpg");
        var report = Report(PhotoCheckOutcome.Fail, new PhotoIssue(PhotoIssueCodes.Blurry, PhotoIssueSeverity.Error, "照片模糊。请对焦清晰。"));

        var (exitCode, printed) = await RunCommandAsync(input, output, new PhotoFixResult([0xFF, 0xD8, 0xFF, 0xD9], report, null));

        Assert.Equal(1, exitCode);
        Assert.Equal($"不合格          {output}  photo.blurry 照片模糊", printed.TrimEnd());
        Assert.True(File.Exists(output));
    }

    [Fact]
    public async Task FixCommand_EngineRefuses_PrintsReasonAndWritesNothing_Exit1()
    {
        var input = _folder.Write("in.jpg", [1, 2, 3]);
        var output = _folder.Combine("out.jpg");
        var refusal = new PhotoIssue("fix.busy_background", PhotoIssueSeverity.Error, "背景太杂乱，无法自动替换。请在纯色墙面前重新拍摄。");

        var (exitCode, printed) = await RunCommandAsync(input, output, new PhotoFixResult(null, null, refusal));

        Assert.Equal(1, exitCode);
        Assert.Equal($"无法自动修正  {input}  fix.busy_background 背景太杂乱，无法自动替换。请在纯色墙面前重新拍摄。", printed.TrimEnd());
        Assert.False(File.Exists(output));
    }

    private static async Task<(int ExitCode, string Output)> RunCommandAsync(string input, string output, PhotoFixResult result)
    {
        var command = new PhotoFixCommand((_, _) => result, new PhotoSpec(), NullLogger<PhotoFixCommand>.Instance);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await command.RunAsync(TypedPath.Resolve(input, "/"), TypedPath.Resolve(output, "/"), stdout, stderr, CancellationToken.None);
        Assert.Equal("", stderr.ToString());
        return (exitCode, stdout.ToString());
    }

    private static PhotoCheckReport Report(PhotoCheckOutcome outcome, params PhotoIssue[] issues) => new()
    {
        Outcome = outcome,
        Issues = issues,
        Measurements = new PhotoMeasurements(),
        EngineVersion = PhotoInspector.EngineVersion,
        SpecVersion = new PhotoSpec().Version,
    };

    /// <summary>Grace Hopper in front of a white wall, as a phone would frame her: 1200 × 1600, face in the upper middle.</summary>
    private static byte[] WhiteWallPhoto()
    {
        using var faces = new FaceDetectorFixture();
        using var source = TestImages.Load(TestImages.GraceHopper);
        var face = faces.Detector.Detect(source).Single();
        var wall = new SyntheticPhoto { Width = 1200, Height = 1600, Background = new Rgb24(238, 238, 236) };
        using var photo = RealFacePhoto.Compose(source, face, wall, faceWidth: 520, centreX: 600, eyeLineY: 600);

        // The input is only a fair test if the detector sees exactly her face in it.
        Assert.Single(faces.Detector.Detect(photo));
        return RealFacePhoto.Jpeg(photo);
    }
}
