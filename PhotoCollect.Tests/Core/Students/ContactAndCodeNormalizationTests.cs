using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Students;

namespace PhotoCollect.Tests.Core.Students;

public sealed class ContactAndCodeNormalizationTests
{
    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData(" 138 0013 8000 ", "13800138000")]
    [InlineData("+86 138-0013-8000", "13800138000")]
    public void Mobile_CommonSpellings_Normalise(string input, string expected) => Assert.Equal(expected, ContactDetails.NormalizeMobile(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1380013800")]
    [InlineData("23800138000")]
    [InlineData("12800138000")]
    [InlineData("138001380001")]
    [InlineData("010-12345678")]
    public void Mobile_Invalid_IsRefused(string? input) =>
        Assert.Equal(StudentErrors.InvalidPhone.Code, Assert.Throws<DomainException>(() => ContactDetails.NormalizeMobile(input)).Code);

    [Theory]
    [InlineData(" name@example.com ", "name@example.com")]
    [InlineData("zhang.san+photo@mail.example.edu.cn", "zhang.san+photo@mail.example.edu.cn")]
    public void Email_Valid_IsTrimmed(string input, string expected) => Assert.Equal(expected, ContactDetails.NormalizeEmail(input));

    [Theory]
    [InlineData(null)]
    [InlineData("name")]
    [InlineData("name@localhost")]
    [InlineData("张三 <name@example.com>")]
    [InlineData("name@example.com.")]
    public void Email_Invalid_IsRefused(string? input) =>
        Assert.Equal(StudentErrors.InvalidEmail.Code, Assert.Throws<DomainException>(() => ContactDetails.NormalizeEmail(input)).Code);

    [Theory]
    [InlineData("abcd-efgh", "ABCDEFGH")]
    [InlineData(" 2345 6789 ", "23456789")]
    public void FeatureCode_AsStudentsTypeIt_Normalises(string input, string expected) => Assert.Equal(expected, FeatureCodeLookup.Normalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("ABCDEFG")]
    [InlineData("ABCDEFGHJ")]
    [InlineData("ABCDEFG0")]
    [InlineData("ABCDEFGI")]
    [InlineData("ABCDEFG中")]
    public void FeatureCode_Impossible_IsRefused(string? input) =>
        Assert.Equal(BatchErrors.CodeInvalid.Code, Assert.Throws<DomainException>(() => FeatureCodeLookup.Normalize(input)).Code);

    [Theory]
    [InlineData(0, "免费")]
    [InlineData(3000, "30.00 元")]
    [InlineData(1250, "12.50 元")]
    public void Price_ShowsYuan(int fen, string expected) => Assert.Equal(expected, Money.FormatYuan(fen));

    [Fact]
    public void Avatar_HostileOrHuge_IsRefused_AndAGoodOneBecomesA256Jpeg()
    {
        Assert.Equal(StudentErrors.AvatarInvalid.Code, Assert.Throws<DomainException>(() => AvatarImage.Normalize([])).Code);
        Assert.Equal(StudentErrors.AvatarInvalid.Code, Assert.Throws<DomainException>(() => AvatarImage.Normalize("GIF89a"u8.ToArray())).Code);
        var jpeg = PhotoCollect.Core.Demo.DemoPhotoFactory.Create(1);
        Assert.Equal(StudentErrors.AvatarInvalid.Code, Assert.Throws<DomainException>(() => AvatarImage.Normalize(jpeg[..(jpeg.Length / 2)])).Code);
        Assert.Equal(StudentErrors.AvatarInvalid.Code, Assert.Throws<DomainException>(() => AvatarImage.Normalize(PhotoCollect.Tests.Infrastructure.TestImages.JpegWithDeclaredSize(jpeg, 60000, 60000))).Code);

        using (var sliver = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(4000, 2))
        using (var png = new MemoryStream())
        {
            SixLabors.ImageSharp.ImageExtensions.SaveAsPng(sliver, png);
            Assert.Equal(StudentErrors.AvatarInvalid.Code, Assert.Throws<DomainException>(() => AvatarImage.Normalize(png.ToArray())).Code);
        }

        using var avatar = SixLabors.ImageSharp.Image.Load(AvatarImage.Normalize(jpeg));
        Assert.Equal((256, 256), (avatar.Width, avatar.Height));
    }
}
