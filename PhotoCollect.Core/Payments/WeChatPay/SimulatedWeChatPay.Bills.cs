using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Payments.WeChatPay;

// The trade bill: one CSV per China day, ready from 10:00 the next day, fetched through a short-lived token.
public sealed partial class SimulatedWeChatPay
{
    private const string BillHeader =
        "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,"
        + "微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";

    private const string SummaryCaption = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";

    private static readonly TimeSpan BillTokenLifetime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan BillReadyAfter = TimeSpan.FromHours(10);

    private readonly Dictionary<string, (byte[] Bytes, DateTimeOffset ExpiresAt)> _bills = new(StringComparer.Ordinal);

    /// <summary>The bill CSV of a China day as this simulator would serve it (uncompressed).</summary>
    public byte[] TradeBillCsv(DateOnly day)
    {
        lock (_gate)
        {
            var lines = new List<string> { BillHeader };
            var paid = _trades.Values.Where(t => t.SuccessTime is { } at && ChinaTime.DayOf(at) == day).ToList();
            foreach (var trade in paid)
            {
                lines.Add(BillLine(trade.SuccessTime!.Value, trade, "SUCCESS", trade.Total, null, 0));
            }

            var refunds = _refunds.Values.Where(r => r.SuccessTime is { } at && ChinaTime.DayOf(at) == day).ToList();
            foreach (var refund in refunds)
            {
                lines.Add(BillLine(refund.SuccessTime!.Value, _trades[refund.OutTradeNo], "REFUND", 0, refund, refund.Amount));
            }

            var settled = paid.Sum(t => t.Total);
            var refunded = refunds.Sum(r => r.Amount);
            lines.Add(SummaryCaption);
            lines.Add(string.Join(",", new[]
            {
                (paid.Count + refunds.Count).ToString(CultureInfo.InvariantCulture), Yuan(settled), Yuan(refunded), "0.00", Yuan(Fee(settled)), Yuan(settled), Yuan(refunded),
            }.Select(field => "`" + field)));

            // UTF-8 with a BOM, CRLF line ends, a line end after the summary: as WeChat serves it.
            return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];
        }
    }

    private (HttpStatusCode, object?) TradeBill(Dictionary<string, string> query)
    {
        if (!DateOnly.TryParseExact(query.GetValueOrDefault("bill_date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Failure(HttpStatusCode.BadRequest, "PARAM_ERROR", "bill_date 格式错误");
        }

        var now = _time.GetUtcNow();
        if (now < ChinaTime.StartOfDayUtc(day.AddDays(1)) + BillReadyAfter)
        {
            return Failure(HttpStatusCode.BadRequest, "NO_STATEMENT_EXIST", "账单文件不存在");
        }

        var bytes = TradeBillCsv(day);
        var gzip = query.GetValueOrDefault("tar_type") == "GZIP";
        if (gzip)
        {
            using var packed = new MemoryStream();
            using (var zip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zip.Write(bytes);
            }

            bytes = packed.ToArray();
        }

        var token = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", 43);
        lock (_gate)
        {
            _bills[token] = (bytes, now + BillTokenLifetime);
        }

        return (HttpStatusCode.OK, new
        {
            hash_type = "SHA1",
            hash_value = Convert.ToHexStringLower(SHA1.HashData(bytes)),
            download_url = WeChatPayOptions.DefaultBaseAddress + "/v3/billdownload/file?token=" + token,
        });
    }

    private HttpResponseMessage Download(HttpRequestMessage request, string? token)
    {
        (byte[] Bytes, DateTimeOffset ExpiresAt) bill;
        lock (_gate)
        {
            if (token is null || !_bills.Remove(token, out bill) || _time.GetUtcNow() > bill.ExpiresAt)
            {
                return Error(request, HttpStatusCode.BadRequest, "INVALID_REQUEST", "下载链接已失效");
            }
        }

        var bytes = Interlocked.Exchange(ref _tamperNextBill, null) is { } tamper ? tamper(bill.Bytes) : bill.Bytes;
        return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(bytes) };
    }

    private string BillLine(DateTimeOffset at, Trade trade, string state, int settledFen, RefundRecord? refund, int refundFen)
    {
        string[] fields =
        [
            ChinaTime.Seconds(at), _setup.AppId, _setup.MchId, "0", "", trade.TransactionId ?? "", trade.OutTradeNo, trade.OpenId, "JSAPI", state,
            "OTHERS", "CNY", Yuan(settledFen), "0.00", refund?.RefundId ?? "0", refund?.OutRefundNo ?? "0", Yuan(refundFen), "0.00",
            refund is null ? "" : "ORIGINAL", refund?.Status ?? "", "毕业照片采集, 含精修", "", Yuan(Fee(settledFen)), "0.60%",
            Yuan(refund is null ? trade.Total : 0), Yuan(refundFen), "",
        ];
        return string.Join(",", fields.Select(field => "`" + field));
    }

    private static int Fee(int fen) => (int)Math.Round(fen * 0.006m, MidpointRounding.AwayFromZero);

    private static string Yuan(int fen) => Money.FenToYuan(fen).ToString("0.00", CultureInfo.InvariantCulture);
}
