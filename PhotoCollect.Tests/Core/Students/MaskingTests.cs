using PhotoCollect.Core.Students;

namespace PhotoCollect.Tests.Core.Students;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("110105199001011234", "110105********1234")]
    [InlineData("11010519900101123X", "110105********123X")]
    [InlineData("110105900101123", "110105*****1123")]
    [InlineData("E12345678", "*****5678")]
    [InlineData("123", "***")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void IdNumber_KeepsRegionAndLastFour(string? input, string expected) =>
        Assert.Equal(expected, Masking.IdNumber(input));

    [Theory]
    [InlineData("孙小芳", "孙*芳")]
    [InlineData("李雷", "李*")]
    [InlineData("欧阳娜娜", "欧**娜")]
    [InlineData("王", "*")]
    public void Name_KeepsFirstAndLast(string input, string expected) =>
        Assert.Equal(expected, Masking.Name(input));

    [Fact]
    public void Phone_KeepsPrefixAndLastFour() =>
        Assert.Equal("138****5678", Masking.Phone("13812345678"));

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("11010519491231002", false)]
    [InlineData("1101051949123100AX", false)]
    public void ChineseIdNumber_ChecksumValidated(string value, bool valid) =>
        Assert.Equal(valid, ChineseIdNumber.IsValid(value));
}
