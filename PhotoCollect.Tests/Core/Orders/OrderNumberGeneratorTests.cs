using Microsoft.Extensions.Time.Testing;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Orders;

namespace PhotoCollect.Tests.Core.Orders;

public sealed class OrderNumberGeneratorTests
{
    [Fact]
    public void Next_UsesChinaDateAndIsValidOutTradeNo()
    {
        // 20:00 UTC on the 28th is already the 29th in China.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.Zero));
        var generator = new OrderNumberGenerator(new CryptoRandom(), time);

        var number = generator.Next();

        Assert.StartsWith("PC20261129", number);
        Assert.Equal(18, number.Length);
        Assert.True(OrderNumberGenerator.IsValidOutTradeNo(number));
    }

    [Fact]
    public void Next_ManyNumbers_AllDistinct()
    {
        var generator = new OrderNumberGenerator(new CryptoRandom(), TimeProvider.System);
        var numbers = Enumerable.Range(0, 5000).Select(_ => generator.Next()).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Theory]
    [InlineData("PC2026", true)]
    [InlineData("abc_DEF-123", true)]
    [InlineData("PC1", false)]
    [InlineData("PC2026112812345678901234567890123", false)]
    [InlineData("PC 2026", false)]
    [InlineData("PC2026/1", false)]
    public void IsValidOutTradeNo_FollowsWeChatPayRule(string value, bool valid) =>
        Assert.Equal(valid, OrderNumberGenerator.IsValidOutTradeNo(value));
}
