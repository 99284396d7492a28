using System.Globalization;
using PhotoCollect.Core.Batches;

namespace PhotoCollect.Core.Common;

/// <summary>Prices are stored in fen (分) and shown in yuan (元); this is the only conversion.</summary>
public static class Money
{
    public const decimal MaxYuan = 10_000m;

    /// <summary>¥30.50 → 3050. Refuses negatives, more than two decimals and absurd amounts.</summary>
    public static int YuanToFen(decimal yuan)
    {
        if (yuan < 0)
        {
            throw new DomainException(BatchErrors.NegativePrice);
        }

        if (yuan > MaxYuan)
        {
            throw new DomainException(BatchErrors.PriceTooHigh, MaxYuan);
        }

        var fen = yuan * 100m;
        if (fen != decimal.Truncate(fen))
        {
            throw new DomainException(BatchErrors.PriceTooPrecise);
        }

        return (int)fen;
    }

    public static decimal FenToYuan(int fen) => fen / 100m;

    /// <summary>3050 → "30.50 元", 0 → "免费".</summary>
    public static string FormatYuan(int fen) =>
        fen == 0 ? "免费" : (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture) + " 元";
}
