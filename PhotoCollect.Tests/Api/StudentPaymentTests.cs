using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Payments;
using PhotoCollect.Core.Payments.WeChatPay;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Api.StudentApiKit;

namespace PhotoCollect.Tests.Api;

/// <summary>The payment flow end to end against the simulated WeChat Pay: prepay, notify, idempotency, anomalies.</summary>
[Collection(StudentApiCollection.Name)]
public sealed class StudentPaymentTests(StudentApiFactory factory)
{
    private const string NotifyUrl = "/api/v1/payments/wechat/notify";

    [Fact]
    public async Task Pay_PricedOrder_PrepayReusedAndNotifyMovesOrderToPendingReview()
    {
        var (client, orderId) = await AwaitingPaymentOrderAsync(3000);

        var first = await ReadAsync(await client.PostAsync($"/api/v1/orders/{orderId}/pay", null));
        var outTradeNo = first.GetProperty("outTradeNo").GetString()!;
        var package = first.GetProperty("package").GetString()!;
        Assert.StartsWith("prepay_id=", package);
        Assert.Equal("RSA", first.GetProperty("signType").GetString());
        Assert.Equal(3000, first.GetProperty("amountFen").GetInt32());
        Assert.True(first.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        AssertPaySignVerifies(first);

        // Paying again while the prepay is valid hands out the same prepay.
        var second = await ReadAsync(await client.PostAsync($"/api/v1/orders/{orderId}/pay", null));
        Assert.Equal(outTradeNo, second.GetProperty("outTradeNo").GetString());
        Assert.Equal(package, second.GetProperty("package").GetString());
        AssertPaySignVerifies(second);

        var response = await PostNotifyAsync(factory.CreateClient(), Simulator.Pay(outTradeNo));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());

        await using var db = await DbAsync();
        var order = await db.Orders.SingleAsync(o => o.Id == orderId);
        Assert.Equal(OrderStatus.PendingReview, order.Status);
        Assert.NotNull(order.PaidAt);
        Assert.Equal(1, await PaidAuditRowsAsync(db, order.OrderNo));
        var payment = await db.Payments.SingleAsync(p => p.OrderId == orderId);
        Assert.Equal(PaymentStatus.Paid, payment.Status);
        Assert.NotNull(payment.TransactionId);

        // A paid order cannot be paid again.
        await AssertProblemAsync(await client.PostAsync($"/api/v1/orders/{orderId}/pay", null), HttpStatusCode.Conflict, OrderErrors.InvalidTransition.Code);
    }

    [Fact]
    public async Task Notify_SameNotificationFiveTimesConcurrently_AppliedOnce()
    {
        var (client, orderId) = await AwaitingPaymentOrderAsync(2500);
        var outTradeNo = (await ReadAsync(await client.PostAsync($"/api/v1/orders/{orderId}/pay", null))).GetProperty("outTradeNo").GetString()!;
        var notify = Simulator.Pay(outTradeNo);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PostNotifyAsync(factory.CreateClient(), notify)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        await using var db = await DbAsync();
        var order = await db.Orders.SingleAsync(o => o.Id == orderId);
        Assert.Equal(OrderStatus.PendingReview, order.Status);
        Assert.Equal(1, await PaidAuditRowsAsync(db, order.OrderNo));
        Assert.Equal(1, await db.PaymentNotifications.CountAsync(n => n.OutTradeNo == outTradeNo));
        Assert.Equal(0, await db.PaymentAnomalies.CountAsync(a => a.OutTradeNo == outTradeNo));
    }

    [Fact]
    public async Task Notify_SameTradeUnderFiveNotificationIdsConcurrently_AppliedOnce()
    {
        // Distinct notification ids: the unique index cannot help, the order's concurrency token must.
        var (client, orderId) = await AwaitingPaymentOrderAsync(2500);
        var outTradeNo = (await ReadAsync(await client.PostAsync($"/api/v1/orders/{orderId}/pay", null))).GetProperty("outTradeNo").GetString()!;
        var notifies = Enumerable.Range(0, 5).Select(_ => Simulator.Pay(outTradeNo)).ToList();

        var responses = await Task.WhenAll(notifies.Select(n => PostNotifyAsync(factory.CreateClient(), n)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        await using var db = await DbAsync();
        var order = await db.Orders.SingleAsync(o => o.Id == orderId);
        Assert.Equal(OrderStatus.PendingReview, order.Status);
        Assert.Equal(1, await PaidAuditRowsAsync(db, order.OrderNo));
        Assert.Equal(5, await db.PaymentNotifications.CountAsync(n => n.OutTradeNo == outTradeNo));
        Assert.Equal(0, await db.PaymentAnomalies.CountAsync(a => a.OutTradeNo == outTradeNo));
    }

    [Fact]
    public async Task Notify_AmountDiffersFromPayment_RecordedNotApplied()
    {
        var (client, orderId) = await AwaitingPaymentOrderAsync(3000);
        var outTradeNo = (await ReadAsync(await client.PostAsync($"/api/v1/orders/{orderId}/pay", null))).GetProperty("outTradeNo").GetString()!;
        await using (var db = await DbAsync())
        {
            // Our record now expects another amount than WeChat took.
            await db.Payments.Where(p => p.OutTradeNo == outTradeNo).ExecuteUpdateAsync(s => s.SetProperty(p => p.AmountFen, 1));
        }

        var response = await PostNotifyAsync(factory.CreateClient(), Simulator.Pay(outTradeNo));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await using var check = await DbAsync();
        Assert.Equal(OrderStatus.AwaitingPayment, (await check.Orders.SingleAsync(o => o.Id == orderId)).Status);
        var anomaly = await check.PaymentAnomalies.SingleAsync(a => a.OutTradeNo == outTradeNo);
        Assert.Equal(PaymentAnomalyKind.AmountMismatch, anomaly.Kind);
        Assert.Equal(3000, anomaly.AmountFen);
        Assert.False(anomaly.NeedsRefund);
        Assert.Equal(PaymentStatus.Created, (await check.Payments.SingleAsync(p => p.OutTradeNo == outTradeNo)).Status);
    }

    [Fact]
    public async Task Notify_OrderCancelledBeforeThePaymentArrived_RecordedForFullRefund()
    {
        var (client, orderId) = await AwaitingPaymentOrderAsync(3000);
        var outTradeNo = (await ReadAsync(await client.PostAsync($"/api/v1/orders/{orderId}/pay", null))).GetProperty("outTradeNo").GetString()!;
        await using (var db = await DbAsync())
        {
            var order = await db.Orders.SingleAsync(o => o.Id == orderId);
            order.Cancel(PhotoCollect.Core.Common.Actor.System, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var response = await PostNotifyAsync(factory.CreateClient(), Simulator.Pay(outTradeNo));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await using var check = await DbAsync();
        var cancelled = await check.Orders.SingleAsync(o => o.Id == orderId);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Null(cancelled.PaidAt);
        var payment = await check.Payments.SingleAsync(p => p.OutTradeNo == outTradeNo);
        Assert.Equal(PaymentStatus.RefundDue, payment.Status);
        Assert.NotNull(payment.TransactionId);
        var anomaly = await check.PaymentAnomalies.SingleAsync(a => a.OutTradeNo == outTradeNo);
        Assert.Equal(PaymentAnomalyKind.OrderNotPayable, anomaly.Kind);
        Assert.True(anomaly.NeedsRefund);
        Assert.Equal(1, await check.AuditEvents.CountAsync(a => a.Action == PaymentAuditActions.RefundNeeded.Code && a.EntityId == outTradeNo));
        Assert.Equal(0, await PaidAuditRowsAsync(check, cancelled.OrderNo));
    }

    [Fact]
    public async Task Pay_PrepayExpired_ClosedAndNewOutTradeNo()
    {
        var (client, orderId) = await AwaitingPaymentOrderAsync(3000);
        var first = (await ReadAsync(await client.PostAsync($"/api/v1/orders/{orderId}/pay", null))).GetProperty("outTradeNo").GetString()!;
        await using (var db = await DbAsync())
        {
            await db.Payments.Where(p => p.OutTradeNo == first).ExecuteUpdateAsync(s => s.SetProperty(p => p.PrepayExpiresAt, DateTimeOffset.UtcNow.AddSeconds(30)));
        }

        var renewed = await ReadAsync(await client.PostAsync($"/api/v1/orders/{orderId}/pay", null));

        Assert.Equal(first + "-2", renewed.GetProperty("outTradeNo").GetString());
        await using var check = await DbAsync();
        Assert.Equal(PaymentStatus.Closed, (await check.Payments.SingleAsync(p => p.OutTradeNo == first)).Status);
        Assert.Throws<InvalidOperationException>(() => Simulator.Pay(first));
        Assert.Equal(HttpStatusCode.NoContent, (await PostNotifyAsync(factory.CreateClient(), Simulator.Pay(first + "-2"))).StatusCode);
        Assert.Equal(OrderStatus.PendingReview, (await check.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId)).Status);
    }

    [Fact]
    public async Task Pay_AnotherStudentsOrder_NotFound()
    {
        var (_, orderId) = await AwaitingPaymentOrderAsync(3000);
        var stranger = await SignInAsync(factory);

        await AssertProblemAsync(await stranger.PostAsync($"/api/v1/orders/{orderId}/pay", null), HttpStatusCode.NotFound, OrderErrors.NotFound.Code);
    }

    [Fact]
    public async Task Notify_TamperedBody_FailAndNothingApplied()
    {
        var (client, orderId) = await AwaitingPaymentOrderAsync(3000);
        var outTradeNo = (await ReadAsync(await client.PostAsync($"/api/v1/orders/{orderId}/pay", null))).GetProperty("outTradeNo").GetString()!;
        var notify = Simulator.Pay(outTradeNo);
        // Still valid JSON, one byte more: the signature over the raw bytes no longer holds.
        var tampered = notify with { Body = [.. notify.Body[..^1], (byte)' ', (byte)'}'] };

        var response = await PostNotifyAsync(factory.CreateClient(), tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FAIL", body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
        await using var db = await DbAsync();
        Assert.Equal(OrderStatus.AwaitingPayment, (await db.Orders.SingleAsync(o => o.Id == orderId)).Status);
        Assert.Equal(0, await db.PaymentNotifications.CountAsync(n => n.OutTradeNo == outTradeNo));

        // The genuine notify (WeChat's retry) still goes through.
        Assert.Equal(HttpStatusCode.NoContent, (await PostNotifyAsync(factory.CreateClient(), notify)).StatusCode);
    }

    [Fact]
    public async Task DevPay_SimulatorEndpoint_PaysThroughTheNotifyHandler()
    {
        var (client, orderId) = await AwaitingPaymentOrderAsync(1000);
        var outTradeNo = (await ReadAsync(await client.PostAsync($"/api/v1/orders/{orderId}/pay", null))).GetProperty("outTradeNo").GetString()!;

        var paid = await ReadAsync(await factory.CreateClient().PostAsync($"/dev/payments/{outTradeNo}/pay", null));

        Assert.Equal("Applied", paid.GetProperty("outcome").GetString());
        var detail = await ReadAsync(await client.GetAsync($"/api/v1/orders/{orderId}"));
        Assert.Equal("PendingReview", detail.GetProperty("status").GetString());
    }

    private SimulatedWeChatPay Simulator => factory.Services.GetRequiredService<SimulatedWeChatPay>();

    private async Task<(HttpClient Client, long OrderId)> AwaitingPaymentOrderAsync(int priceFen)
    {
        var batch = await AddBatchAsync(factory, b => b.PriceFen = priceFen);
        var client = await SignInAsync(factory);
        var orderId = await CreateOrderAsync(factory, client, batch);
        await UploadPhotoAsync(client, orderId, GoodPhoto(factory));
        var submitted = await ReadAsync(await client.PostAsync($"/api/v1/orders/{orderId}/submit", null));
        Assert.Equal("AwaitingPayment", submitted.GetProperty("status").GetString());
        return (client, orderId);
    }

    private void AssertPaySignVerifies(JsonElement prepay)
    {
        var setup = factory.Services.GetRequiredService<SimulatedWeChatPaySetup>();
        using var merchant = RSA.Create();
        merchant.ImportFromPem(setup.MerchantPrivateKeyPem);
        using var publicKey = RSA.Create();
        publicKey.ImportSubjectPublicKeyInfo(merchant.ExportSubjectPublicKeyInfo(), out _);
        var message = $"{setup.AppId}\n{prepay.GetProperty("timeStamp").GetString()}\n{prepay.GetProperty("nonceStr").GetString()}\n{prepay.GetProperty("package").GetString()}\n";
        Assert.Equal(setup.AppId, prepay.GetProperty("appId").GetString());
        Assert.True(publicKey.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(prepay.GetProperty("paySign").GetString()!), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    private static async Task<HttpResponseMessage> PostNotifyAsync(HttpClient client, SimulatedWeChatPayNotify notify)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, NotifyUrl) { Content = new ByteArrayContent(notify.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in notify.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    private async Task<PhotoCollectDbContext> DbAsync() =>
        await factory.Services.GetRequiredService<IDbContextFactory<PhotoCollectDbContext>>().CreateDbContextAsync();

    private static Task<int> PaidAuditRowsAsync(PhotoCollectDbContext db, string orderNo) =>
        db.AuditEvents.CountAsync(a => a.Action == OrderAuditActions.Paid.Code && a.EntityId == orderNo);
}
