using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Orders;

/// <summary>
/// Order numbers such as <c>PC20261128K7M2Q9XD</c>: a prefix, the China date and 8 random
/// characters. 18 characters of <c>[0-9A-Z]</c>, valid as a WeChat Pay <c>out_trade_no</c>
/// (6–32 of <c>[0-9A-Za-z_-]</c>); the unique index catches the rare collision and the caller retries.
/// </summary>
public sealed class OrderNumberGenerator(ISecureRandom random, TimeProvider time)
{
    public string Next() =>
        "PC" + ChinaTime.ToChina(time.GetUtcNow()).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)
        + random.NextString(Batches.FeatureCodeGenerator.Alphabet, 8);

    public static bool IsValidOutTradeNo(string value) =>
        value.Length is >= 6 and <= 32 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
