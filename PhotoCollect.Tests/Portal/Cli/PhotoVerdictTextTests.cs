using PhotoCollect.Core.Photos;
using PhotoCollect.Portal.Cli;

namespace PhotoCollect.Tests.Portal.Cli;

public sealed class PhotoVerdictTextTests
{
    [Fact]
    public void Line_Pass_LabelAndPathOnly()
    {
        Assert.Equal("合格            a.jpg", PhotoVerdictText.Line("a.jpg", Report(PhotoCheckOutcome.Pass)));
    }

    [Fact]
    public void Line_PassWithWarnings_ShowsWarningsWithFirstSentence()
    {
        var line = PhotoVerdictText.Line("a.jpg", Report(PhotoCheckOutcome.PassWithWarnings, Warning(PhotoIssueCodes.Tilted, "头部倾斜。请保持头部端正。")));

        Assert.Equal("合格（有提示）  a.jpg  photo.tilted 头部倾斜", line);
    }

    [Fact]
    public void Line_Fail_ErrorsFirstAndWarningsMarked()
    {
        var line = PhotoVerdictText.Line("b.jpg", Report(
            PhotoCheckOutcome.Fail,
            Warning(PhotoIssueCodes.Tilted, "头部倾斜。请保持头部端正。"),
            new PhotoIssue(PhotoIssueCodes.NoFace, PhotoIssueSeverity.Error, "没有检测到人脸。请正对镜头。")));

        Assert.Equal("不合格          b.jpg  photo.no_face 没有检测到人脸；photo.tilted（提示） 头部倾斜", line);
    }

    [Theory]
    [InlineData("照片是黑白的，请上传彩色照片。", "照片是黑白的，请上传彩色照片")]
    [InlineData("没有句号", "没有句号")]
    public void ShortMessage_KeepsFirstSentence(string message, string expected)
    {
        Assert.Equal(expected, PhotoVerdictText.ShortMessage(message));
    }

    [Fact]
    public void Summary_CountsAndSeconds()
    {
        var tally = PhotoCheckTally.Empty
            .Add(PhotoCheckOutcome.Pass).Add(PhotoCheckOutcome.Pass)
            .Add(PhotoCheckOutcome.PassWithWarnings).Add(PhotoCheckOutcome.Fail);

        Assert.Equal("共 4 张：合格 2，有提示 1，不合格 1（用时 1.3 秒）", PhotoVerdictText.Summary(tally, TimeSpan.FromMilliseconds(1260)));
    }

    private static PhotoIssue Warning(string code, string message) => new(code, PhotoIssueSeverity.Warning, message);

    private static PhotoCheckReport Report(PhotoCheckOutcome outcome, params PhotoIssue[] issues) => new()
    {
        Outcome = outcome,
        Issues = issues,
        Measurements = new PhotoMeasurements(),
        EngineVersion = PhotoInspector.EngineVersion,
        SpecVersion = new PhotoSpec().Version,
    };
}
