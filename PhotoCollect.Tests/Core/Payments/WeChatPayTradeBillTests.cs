using System.Text;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Payments.WeChatPay;

namespace PhotoCollect.Tests.Core.Payments;

public sealed class WeChatPayTradeBillTests
{
    private static readonly DateOnly Day = new(2026, 6, 1);

    [Fact]
    public async Task DownloadTradeBill_BeforeTenNextDay_NotReady()
    {
        using var rig = new WeChatPayRig();
        rig.Time.SetUtcNow(ChinaTime.StartOfDayUtc(Day.AddDays(1)).AddHours(9).AddMinutes(59));

        var error = await Assert.ThrowsAsync<DomainException>(() => rig.Client.DownloadTradeBillAsync(Day, gzip: false, CancellationToken.None));

        Assert.Equal(PaymentErrors.BillNotReady.Code, error.Code);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DownloadTradeBill_PaymentsAndRefund_HashCheckedAndParsed(bool gzip)
    {
        using var rig = await PaidDay();

        var bill = await rig.Client.DownloadTradeBillAsync(Day, gzip, CancellationToken.None);

        Assert.Equal(3, bill.Rows.Count);
        var first = bill.Rows.Single(r => r.OutTradeNo == "PC-BILL-1" && r.TradeState == "SUCCESS");
        Assert.Equal(3050, first.TotalFen);
        Assert.Equal(WeChatPayRig.Setup.AppId, first.AppId);
        Assert.Equal(WeChatPayRig.Setup.MchId, first.MchId);
        Assert.StartsWith("4200", first.TransactionId);
        Assert.Null(first.RefundId);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero), first.TradeTime);
        var refund = bill.Rows.Single(r => r.TradeState == "REFUND");
        Assert.Equal("PC-BILL-1", refund.OutTradeNo);
        Assert.Equal("RF-BILL-1", refund.OutRefundNo);
        Assert.Equal(1001, refund.RefundFen);
        Assert.Equal("SUCCESS", refund.RefundState);
        Assert.NotNull(refund.RefundId);
        Assert.Equal(1, bill.Rows.Count(r => r.OutTradeNo == "PC-BILL-2"));
        Assert.Equal(3, bill.Summary.TradeCount);
        Assert.Equal(31.51m, bill.Summary.SettlementTotalYuan);
        Assert.Equal(10.01m, bill.Summary.RefundTotalYuan);
    }

    [Fact]
    public async Task DownloadTradeBill_TamperedDownload_Refused()
    {
        using var rig = await PaidDay();
        rig.Simulator.TamperNextBill = bytes => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("`30.50", "`3.05", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<DomainException>(() => rig.Client.DownloadTradeBillAsync(Day, gzip: false, CancellationToken.None));

        Assert.Equal(PaymentErrors.BillInvalid.Code, error.Code);
    }

    [Fact]
    public void Parse_HandWrittenBill_BackticksYuanAndCommasInFields()
    {
        var csv = "\uFEFF交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\r\n"
            + "`2026-06-01 18:30:05,`wx2421b1c4370ec43b,`10000100,`0,`,`4200000001202606011234567890,`PC0001,`oUpF8uMuAJO,`JSAPI,`SUCCESS,`OTHERS,`CNY,`25.00,`0.00,`0,`0,`0.00,`0.00,`,`,`照片, 精修,`,`0.15000,`0.60%,`25.00,`0.00,`\r\n"
            + "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n"
            + "`1,`25.00,`0.00,`0.00,`0.15000,`25.00,`0.00\r\n";

        var bill = WeChatPayTradeBill.Parse(Encoding.UTF8.GetBytes(csv));

        var row = Assert.Single(bill.Rows);
        Assert.Equal(2500, row.TotalFen);
        Assert.Equal("4200000001202606011234567890", row.TransactionId);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 10, 30, 5, TimeSpan.Zero), row.TradeTime);
        Assert.Null(row.OutRefundNo);
        Assert.Equal(0, row.RefundFen);
        Assert.Equal(1, bill.Summary.TradeCount);
        Assert.Equal(0.15m, bill.Summary.FeeTotalYuan);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not,a,bill\r\n")]
    [InlineData("交易时间,商户订单号\r\n`2026-06-01 18:30:05,`PC1,`extra\r\n总交易单数\r\n`1\r\n")]
    public void Parse_NotABill_BillInvalid(string csv)
    {
        var error = Assert.Throws<DomainException>(() => WeChatPayTradeBill.Parse(Encoding.UTF8.GetBytes(csv)));

        Assert.Equal(PaymentErrors.BillInvalid.Code, error.Code);
    }

    /// <summary>Two payments and a partial refund on <see cref="Day"/>, and the clock at 10:00 the next day.</summary>
    internal static async Task<WeChatPayRig> PaidDay()
    {
        var rig = new WeChatPayRig();
        await rig.Client.CreateJsapiPrepayAsync(rig.Order("PC-BILL-1", 3050), CancellationToken.None);
        await rig.Client.CreateJsapiPrepayAsync(rig.Order("PC-BILL-2", 101), CancellationToken.None);
        rig.Simulator.Pay("PC-BILL-1");
        rig.Simulator.Pay("PC-BILL-2");
        await rig.Client.RefundAsync(new WeChatPayRefundRequest("PC-BILL-1", "RF-BILL-1", 1001, 3050, "部分退款"), CancellationToken.None);
        rig.Simulator.CompleteRefund("RF-BILL-1");
        rig.Time.SetUtcNow(ChinaTime.StartOfDayUtc(Day.AddDays(1)).AddHours(10));
        return rig;
    }
}
