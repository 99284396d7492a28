using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Tests.Core.Batches;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("30", 3000)]
    [InlineData("30.5", 3050)]
    [InlineData("25.55", 2555)]
    [InlineData("0.01", 1)]
    [InlineData("10000", 1_000_000)]
    public void YuanToFen_ValidAmounts_ExactFen(string yuan, int fen) =>
        Assert.Equal(fen, Money.YuanToFen(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("-1")]
    [InlineData("30.555")]
    [InlineData("10000.01")]
    public void YuanToFen_InvalidAmounts_RefusedWithPriceCode(string yuan)
    {
        var error = Assert.Throws<DomainException>(() => Money.YuanToFen(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(BatchErrors.NegativePrice.Code, error.Code);
    }

    [Fact]
    public void FormatYuan_ShowsYuanWithTwoDecimalsOrFree()
    {
        Assert.Equal("30.50 元", Money.FormatYuan(3050));
        Assert.Equal("免费", Money.FormatYuan(0));
        Assert.Equal(30.5m, Money.FenToYuan(3050));
    }
}
