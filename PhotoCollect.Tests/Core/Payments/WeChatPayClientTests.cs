using System.Net;
using System.Text;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Payments.WeChatPay;

namespace PhotoCollect.Tests.Core.Payments;

public sealed class WeChatPayClientTests
{
    public static TheoryData<bool, bool> KeyModes() => new() { { true, false }, { false, true }, { true, true } };

    [Theory]
    [MemberData(nameof(KeyModes))]
    public async Task PrepayPayQuery_AgainstSimulator_ShowsSuccess(bool certificates, bool publicKey)
    {
        using var rig = new WeChatPayRig(certificates, publicKey);

        var prepayId = await rig.Client.CreateJsapiPrepayAsync(rig.Order("PC20260601000001"), CancellationToken.None);
        var before = await rig.Client.QueryByOutTradeNoAsync("PC20260601000001", CancellationToken.None);
        var notify = rig.Simulator.Pay("PC20260601000001");
        var after = await rig.Client.QueryByOutTradeNoAsync("PC20260601000001", CancellationToken.None);

        Assert.StartsWith("wx", prepayId);
        Assert.Equal("NOTPAY", before.TradeState);
        Assert.False(before.IsPaid);
        Assert.True(after.IsPaid);
        Assert.Equal(3050, after.Amount!.Total);
        Assert.Equal("CNY", after.Amount.Currency);
        Assert.Equal(WeChatPayRig.Setup.AppId, after.AppId);
        Assert.Equal(WeChatPayRig.Setup.MchId, after.MchId);
        Assert.StartsWith("4200", after.TransactionId);
        Assert.Equal(WeChatPayRig.NotifyUrl, notify.Url);
    }

    [Fact]
    public async Task PayNotify_ReadThroughNotifications_VerifiedAndDecrypted()
    {
        using var rig = new WeChatPayRig();
        await rig.Client.CreateJsapiPrepayAsync(rig.Order("PC20260601000002", fen: 100), CancellationToken.None);

        var notification = await rig.Notifications.ReadAsync(rig.Simulator.Pay("PC20260601000002").AsSignedMessage(), CancellationToken.None);

        Assert.Equal("TRANSACTION.SUCCESS", notification.EventType);
        Assert.StartsWith("EV-", notification.Id);
        var transaction = notification.Transaction();
        Assert.Equal("PC20260601000002", transaction.OutTradeNo);
        Assert.Equal("SUCCESS", transaction.TradeState);
        Assert.Equal(100, transaction.Amount!.Total);
        Assert.Equal("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", transaction.Payer!.OpenId);
    }

    [Fact]
    public async Task PayNotify_BodyTampered_Unverified()
    {
        using var rig = new WeChatPayRig();
        await rig.Client.CreateJsapiPrepayAsync(rig.Order("PC20260601000003"), CancellationToken.None);
        var notify = rig.Simulator.Pay("PC20260601000003").AsSignedMessage();

        var error = await Assert.ThrowsAsync<DomainException>(() => rig.Notifications.ReadAsync(
            notify with { Body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(notify.Body).Replace("支付成功", "支付失败", StringComparison.Ordinal)) }, CancellationToken.None));

        Assert.Equal(PaymentErrors.Unverified.Code, error.Code);
    }

    [Fact]
    public async Task PaymentParameters_OfPrepay_PaySignVerifiesWithMerchantKey()
    {
        using var rig = new WeChatPayRig();
        var prepayId = await rig.Client.CreateJsapiPrepayAsync(rig.Order("PC20260601000004"), CancellationToken.None);

        var parameters = rig.Client.PaymentParameters(prepayId);

        using var merchant = WeChatPayKeys.PrivateKeyFromPem(WeChatPayRig.Setup.MerchantPrivateKeyPem);
        var message = $"{WeChatPayRig.Setup.AppId}\n{parameters.TimeStamp}\n{parameters.NonceStr}\nprepay_id={prepayId}\n";
        Assert.True(WeChatPayKeys.Verify(merchant, Encoding.UTF8.GetBytes(message), parameters.PaySign));
    }

    [Fact]
    public async Task Close_UnpaidOrder_NoContentVerified_ThenClosed()
    {
        using var rig = new WeChatPayRig();
        await rig.Client.CreateJsapiPrepayAsync(rig.Order("PC20260601000005"), CancellationToken.None);

        await rig.Client.CloseAsync("PC20260601000005", CancellationToken.None);

        Assert.Equal("CLOSED", (await rig.Client.QueryByOutTradeNoAsync("PC20260601000005", CancellationToken.None)).TradeState);
    }

    [Fact]
    public async Task Refund_PaidOrder_QueryShowsProcessingThenSuccessAfterNotify()
    {
        using var rig = new WeChatPayRig();
        await rig.Client.CreateJsapiPrepayAsync(rig.Order("PC20260601000006"), CancellationToken.None);
        rig.Simulator.Pay("PC20260601000006");

        var refund = await rig.Client.RefundAsync(new WeChatPayRefundRequest("PC20260601000006", "RF20260601000006", 1000, 3050, "照片不合格"), CancellationToken.None);
        var again = await rig.Client.RefundAsync(new WeChatPayRefundRequest("PC20260601000006", "RF20260601000006", 1000, 3050, "照片不合格"), CancellationToken.None);
        var processing = await rig.Client.QueryRefundAsync("RF20260601000006", CancellationToken.None);
        var notification = await rig.Notifications.ReadAsync(rig.Simulator.CompleteRefund("RF20260601000006").AsSignedMessage(), CancellationToken.None);
        var done = await rig.Client.QueryRefundAsync("RF20260601000006", CancellationToken.None);

        Assert.Equal("PROCESSING", refund.Status);
        Assert.Equal(refund.RefundId, again.RefundId);
        Assert.Equal("PROCESSING", processing.Status);
        Assert.Equal(1000, processing.Amount.Refund);
        Assert.Equal(3050, processing.Amount.Total);
        Assert.Equal("REFUND.SUCCESS", notification.EventType);
        Assert.Equal("SUCCESS", notification.Refund().RefundStatus);
        Assert.Equal(refund.RefundId, notification.Refund().RefundId);
        Assert.Equal("SUCCESS", done.Status);
        Assert.NotNull(done.SuccessTime);
    }

    [Fact]
    public async Task Query_UnknownOrder_NotFound()
    {
        using var rig = new WeChatPayRig();

        var error = await Assert.ThrowsAsync<DomainException>(() => rig.Client.QueryByOutTradeNoAsync("PC-NOPE", CancellationToken.None));

        Assert.Equal(PaymentErrors.NotFound.Code, error.Code);
    }

    [Fact]
    public async Task Refund_MoreThanPaid_Rejected()
    {
        using var rig = new WeChatPayRig();
        await rig.Client.CreateJsapiPrepayAsync(rig.Order("PC20260601000007"), CancellationToken.None);
        rig.Simulator.Pay("PC20260601000007");

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            rig.Client.RefundAsync(new WeChatPayRefundRequest("PC20260601000007", "RF7", 4000, 3050, null), CancellationToken.None));

        Assert.Equal(PaymentErrors.Rejected.Code, error.Code);
        Assert.Contains("INVALID_REQUEST", error.Message);
    }

    [Fact]
    public async Task Answer_TamperedAfterSigning_Unverified()
    {
        using var rig = new WeChatPayRig();
        rig.Simulator.TamperNextAnswer = body => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"wx", "\"wy", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<DomainException>(() => rig.Client.CreateJsapiPrepayAsync(rig.Order("PC20260601000008"), CancellationToken.None));

        Assert.Equal(PaymentErrors.Unverified.Code, error.Code);
    }

    [Fact]
    public async Task Answer_ClockFarFromWeChat_SimulatorRefusesOurSignature()
    {
        using var rig = new WeChatPayRig(handler: new ShiftedClock(TimeSpan.FromMinutes(6)));

        var error = await Assert.ThrowsAsync<DomainException>(() => rig.Client.CreateJsapiPrepayAsync(rig.Order("PC20260601000009"), CancellationToken.None));

        Assert.Equal(PaymentErrors.Rejected.Code, error.Code);
        Assert.Contains("SIGN_ERROR", error.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "SYSTEM_ERROR")]
    [InlineData(HttpStatusCode.TooManyRequests, "FREQUENCY_LIMITED")]
    public async Task ServerErrors_Unavailable(HttpStatusCode status, string code)
    {
        using var rig = new WeChatPayRig(handler: new Answering(_ => new HttpResponseMessage(status) { Content = new StringContent($$"""{"code":"{{code}}","message":"系统错误"}""") }));

        var error = await Assert.ThrowsAsync<DomainException>(() => rig.Client.QueryByOutTradeNoAsync("PC1", CancellationToken.None));

        Assert.Equal(PaymentErrors.Unavailable.Code, error.Code);
    }

    [Fact]
    public async Task NoAnswer_Unavailable()
    {
        using var rig = new WeChatPayRig(handler: new Answering(_ => throw new HttpRequestException("connection refused")));

        var error = await Assert.ThrowsAsync<DomainException>(() => rig.Client.QueryByOutTradeNoAsync("PC1", CancellationToken.None));

        Assert.Equal(PaymentErrors.Unavailable.Code, error.Code);
    }

    [Fact]
    public async Task Timeout_Unavailable()
    {
        using var rig = new WeChatPayRig(handler: new Answering(_ => throw new TaskCanceledException("timed out", new TimeoutException())));

        var error = await Assert.ThrowsAsync<DomainException>(() => rig.Client.QueryByOutTradeNoAsync("PC1", CancellationToken.None));

        Assert.Equal(PaymentErrors.Unavailable.Code, error.Code);
    }

    [Fact]
    public async Task UnsignedSuccess_Unverified()
    {
        using var rig = new WeChatPayRig(handler: new Answering(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"trade_state":"SUCCESS"}""") }));

        var error = await Assert.ThrowsAsync<DomainException>(() => rig.Client.QueryByOutTradeNoAsync("PC1", CancellationToken.None));

        Assert.Equal(PaymentErrors.Unverified.Code, error.Code);
    }

    private sealed class Answering(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(answer(request));
    }

    /// <summary>A simulator whose clock runs ahead of ours.</summary>
    private sealed class ShiftedClock(TimeSpan ahead) : HttpMessageHandler
    {
        private readonly SimulatedWeChatPay _simulator = new(WeChatPayRig.Setup, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero) + ahead),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SimulatedWeChatPay>.Instance);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            new HttpMessageInvoker(_simulator, disposeHandler: false).SendAsync(request, cancellationToken);
    }
}
