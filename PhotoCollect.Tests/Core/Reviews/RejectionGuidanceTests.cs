using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Core.Reviews;

public sealed class RejectionGuidanceTests
{
    private static RejectionReason Standard(string code) => RejectionReasonCatalogue.CreateStandard().Single(r => r.Code == code);

    [Fact]
    public void GuidanceFor_DefaultSpec_QuotesBlue28BEFA()
    {
        var guidance = Standard("background_color").GuidanceFor(new PhotoSpec());

        Assert.Equal("请使用蓝色背景（色号 28BEFA）重新拍摄，或使用“一键修正”替换背景。", guidance);
        Assert.Equal("请更换与蓝色背景区分明显的衣服（避免蓝色及相近颜色），避免复杂图案和条纹。", Standard("clothing_color").GuidanceFor(new PhotoSpec()));
    }

    [Fact]
    public void GuidanceFor_AdminChangedTheColour_QuotesTheConfiguredColour()
    {
        var white = new PhotoSpec { BackgroundColor = "#ffffff" };

        var guidance = Standard("background_color").GuidanceFor(white);

        Assert.Equal("请使用白色背景（色号 FFFFFF）重新拍摄，或使用“一键修正”替换背景。", guidance);
        Assert.DoesNotContain("蓝色", Standard("clothing_color").GuidanceFor(white));
    }

    [Fact]
    public void Catalogue_StandardGuidance_NamesNoColourOfItsOwn()
    {
        var reasons = RejectionReasonCatalogue.CreateStandard();

        Assert.Equal(17, reasons.Count);
        Assert.All(reasons, r => Assert.DoesNotContain("28BEFA", r.Guidance, StringComparison.OrdinalIgnoreCase));
        Assert.All(reasons, r => Assert.DoesNotContain("蓝色", r.Guidance));
        Assert.Contains(RejectionGuidance.ColourCode, Standard("background_color").Guidance);
    }

    [Theory]
    [InlineData("#28BEFA", "蓝色")]
    [InlineData("#438EDB", "蓝色")]
    [InlineData("#FFFFFF", "白色")]
    [InlineData("#F5F5F5", "白色")]
    [InlineData("#D9001B", "红色")]
    [InlineData("#FF0000", "红色")]
    [InlineData("#808080", "灰色")]
    [InlineData("#000000", "黑色")]
    [InlineData("28befa", "蓝色")]
    [InlineData("blue", "规定颜色")]
    public void NameOf_BackgroundColours_PlainChineseName(string hex, string expected) =>
        Assert.Equal(expected, BackgroundColour.Name(hex));

    [Fact]
    public async Task SeedAsync_UntouchedEarlierText_UpgradedButAnAdminsEditIsKept()
    {
        await using var services = await TestServices.CreateAsync();
        await using (var db = services.Database.CreateDbContext())
        {
            db.RejectionReasons.AddRange(
                new RejectionReason { Code = "background_color", Label = "背景颜色不符", Guidance = "请使用蓝色背景（色号 28BEFA）重新拍摄，或使用“一键修正”替换背景。" },
                new RejectionReason { Code = "clothing_color", Label = "衣着与背景颜色相近", Guidance = "请换一件深色衣服。" });
            await db.SaveChangesAsync();
        }

        await services.Provider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();

        await using var check = services.Database.CreateDbContext();
        var guidance = await check.RejectionReasons.ToDictionaryAsync(r => r.Code, r => r.Guidance);
        Assert.Equal(Standard("background_color").Guidance, guidance["background_color"]);
        Assert.Equal("请换一件深色衣服。", guidance["clothing_color"]);
        Assert.Equal(17, guidance.Count);
    }
}
