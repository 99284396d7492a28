using System.Globalization;
using System.Text;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Payments.WeChatPay;

/// <summary>
/// One line of a trade bill (bill_type ALL): a payment (<c>SUCCESS</c>) or a refund (<c>REFUND</c>, with the refund
/// columns filled). Amounts in fen; WeChat writes "0" where a line has no refund.
/// </summary>
public sealed record WeChatPayBillRow(
    DateTimeOffset TradeTime,
    string AppId,
    string MchId,
    string TransactionId,
    string OutTradeNo,
    string TradeState,
    int TotalFen,
    string? RefundId,
    string? OutRefundNo,
    int RefundFen,
    string? RefundState);

/// <summary>The bill's closing summary. Totals stay in yuan: a day's total may exceed what one price may be.</summary>
public sealed record WeChatPayBillSummary(int TradeCount, decimal SettlementTotalYuan, decimal RefundTotalYuan, decimal FeeTotalYuan);

/// <summary>
/// A downloaded trade bill: UTF-8 CSV (a BOM may lead), a header row, data rows whose every field starts with a
/// backtick (so spreadsheets keep long numbers as text), amounts in yuan, then a caption row and a summary row.
/// Columns are found by their header names, so WeChat adding columns does not shift what we read.
/// </summary>
public sealed record WeChatPayTradeBill(IReadOnlyList<WeChatPayBillRow> Rows, WeChatPayBillSummary Summary)
{
    /// <summary>Throws <see cref="PaymentErrors.BillInvalid"/> for anything that is not such a bill.</summary>
    public static WeChatPayTradeBill Parse(byte[] csv)
    {
        try
        {
            return ParseLines(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(csv).TrimStart('\uFEFF')
                .Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToList());
        }
        catch (Exception error) when (error is FormatException or KeyNotFoundException or ArgumentException or DomainException or OverflowException)
        {
            throw new DomainException(PaymentErrors.BillInvalid);
        }
    }

    private static WeChatPayTradeBill ParseLines(List<string> lines)
    {
        if (lines.Count < 3 || lines[0].StartsWith('`'))
        {
            throw new FormatException("no header");
        }

        var header = Columns(lines[0].Split(','));
        var rows = new List<WeChatPayBillRow>();
        var index = 1;
        for (; index < lines.Count && lines[index].StartsWith('`'); index++)
        {
            rows.Add(Row(header, Fields(lines[index], header.Count)));
        }

        if (index + 2 != lines.Count || !lines[index + 1].StartsWith('`'))
        {
            throw new FormatException("no summary");
        }

        var caption = Columns(lines[index].Split(','));
        var summary = Fields(lines[index + 1], caption.Count);
        return new WeChatPayTradeBill(rows, new WeChatPayBillSummary(
            int.Parse(summary[caption["总交易单数"]], NumberStyles.None, CultureInfo.InvariantCulture),
            Yuan(summary, caption, "应结订单总金额"),
            Yuan(summary, caption, "退款总金额"),
            Yuan(summary, caption, "手续费总金额")));
    }

    private static WeChatPayBillRow Row(Dictionary<string, int> header, string[] fields)
    {
        string Field(string name) => fields[header[name]];
        string? Optional(string name) => header.TryGetValue(name, out var at) && fields[at] is { Length: > 0 } value && value != "0" ? value : null;
        int Fen(string preferred, string fallback) =>
            Money.YuanToFen(decimal.Parse(header.ContainsKey(preferred) ? Field(preferred) : Field(fallback), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));

        return new WeChatPayBillRow(
            ChinaTime.FromChinaLocal(DateTime.ParseExact(Field("交易时间"), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            Field("公众账号ID"),
            Field("商户号"),
            Field("微信订单号"),
            Field("商户订单号"),
            Field("交易状态"),
            Fen("订单金额", "应结订单金额"),
            Optional("微信退款单号"),
            Optional("商户退款单号"),
            Fen("申请退款金额", "退款金额"),
            Optional("退款状态"));
    }

    // A data row is `a,`b,`c: drop the first backtick, then split on ",`" so commas inside a field survive.
    private static string[] Fields(string line, int expected)
    {
        var fields = line[1..].Split(",`");
        return fields.Length == expected ? fields : throw new FormatException($"{fields.Length} fields, {expected} expected");
    }

    private static Dictionary<string, int> Columns(string[] names) =>
        names.Select((name, at) => (name: name.Trim(), at)).ToDictionary(c => c.name, c => c.at, StringComparer.Ordinal);

    private static decimal Yuan(string[] fields, Dictionary<string, int> caption, string name) =>
        caption.TryGetValue(name, out var at) ? decimal.Parse(fields[at], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : 0m;
}
