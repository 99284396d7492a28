using PhotoCollect.Core.Photos;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Core.Photos;

/// <summary>What students read about the photo follows the administered spec, not the defaults.</summary>
public sealed class PhotoRequirementsTextTests
{
    [Fact]
    public void For_DefaultSpec_SaysTheSeedDocumentsNumbers()
    {
        var lines = PhotoRequirementsText.For(new PhotoSpec());

        Assert.Contains(lines, l => l.Contains("色号 28BEFA", StringComparison.Ordinal));
        Assert.Contains("长宽为 480×640 像素", lines);
        Assert.Contains(lines, l => l.StartsWith("文件大小在 30K 以上", StringComparison.Ordinal));
    }

    [Fact]
    public void For_ChangedSpec_QuotesTheChangedValues()
    {
        var lines = PhotoRequirementsText.For(new PhotoSpec { BackgroundColor = "#3c8cdc", Width = 390, Height = 567, MinBytes = 40 * 1024 });

        Assert.Contains(lines, l => l.Contains("色号 3C8CDC", StringComparison.Ordinal));
        Assert.Contains("长宽为 390×567 像素", lines);
        Assert.Contains(lines, l => l.StartsWith("文件大小在 40K 以上", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("28BEFA", StringComparison.Ordinal) || l.Contains("480", StringComparison.Ordinal));
    }

    [Fact]
    public void Inspector_BackgroundColourMessage_QuotesTheConfiguredColour()
    {
        // The drawn photo keeps the default #28BEFA background; the branch asks for another blue.
        var spec = new PhotoSpec { BackgroundColor = "#3C8CDC" };
        var photo = new SyntheticPhoto();

        var report = new PhotoInspector(photo.Detector(), TimeProvider.System).Inspect(photo.Jpeg(), spec);

        var issue = Assert.Single(report.Issues, i => i.Code == PhotoIssueCodes.BackgroundColor);
        Assert.Contains("色号 3C8CDC", issue.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("28BEFA", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequirementsAndInspector_WhiteBackground_NameWhiteNotBlue()
    {
        var spec = new PhotoSpec { BackgroundColor = "#FFFFFF" };
        var photo = new SyntheticPhoto();

        var lines = PhotoRequirementsText.For(spec);
        var report = new PhotoInspector(photo.Detector(), TimeProvider.System).Inspect(photo.Jpeg(), spec);

        Assert.StartsWith("背景为白色，色号 FFFFFF", lines[0], StringComparison.Ordinal);
        var issue = Assert.Single(report.Issues, i => i.Code == PhotoIssueCodes.BackgroundColor);
        Assert.Contains("白色", issue.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("蓝色", issue.Message, StringComparison.Ordinal);
    }
}
