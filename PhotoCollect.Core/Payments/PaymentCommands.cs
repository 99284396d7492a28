using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Payments.WeChatPay;

namespace PhotoCollect.Core.Payments;

/// <summary>The <c>wx.requestPayment</c> parameters for a prepay, with the payment they belong to.</summary>
public sealed record PaymentPrepay(
    string OutTradeNo,
    int AmountFen,
    DateTimeOffset ExpiresAt,
    string AppId,
    string TimeStamp,
    string NonceStr,
    string Package,
    string SignType,
    string PaySign);

/// <summary>
/// The student's side of paying an order: a JSAPI prepay for the order's price. A prepay still valid is
/// reused (the same <c>prepay_id</c>, freshly signed parameters); an expired one is closed at WeChat Pay and a
/// new <c>out_trade_no</c> (the order number with <c>-2</c>, <c>-3</c>… ) is made, so an old prepay can never
/// be paid after a new one without the notify handler noticing.
/// </summary>
public sealed class PaymentCommands(
    IDbContextFactory<PhotoCollectDbContext> factory,
    WeChatPayClient client,
    TimeProvider time,
    ILogger<PaymentCommands> logger)
{
    /// <summary>How long a prepay stays payable (WeChat's <c>time_expire</c>).</summary>
    public static readonly TimeSpan PrepayLifetime = TimeSpan.FromMinutes(30);

    /// <summary>A prepay this close to expiry is not handed out again: the student needs time to pay it.</summary>
    public static readonly TimeSpan ReuseMargin = TimeSpan.FromMinutes(2);

    private const int MaxDescriptionLength = 127;

    /// <summary>
    /// Prepays the student's own order (another student's is <see cref="OrderErrors.NotFound"/>). Refused by
    /// <see cref="Order.PrepayBlocker"/>; WeChat Pay errors surface as <see cref="PaymentErrors"/>.
    /// </summary>
    public async Task<PaymentPrepay> PrepayAsync(long accountId, long orderId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.Where(o => o.StudentAccountId == accountId)
            .Include(o => o.Batch).Include(o => o.StudentAccount)
            .SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            ?? throw new DomainException(OrderErrors.NotFound);
        if (order.PrepayBlocker() is { } blocker)
        {
            throw new DomainException(blocker);
        }

        var now = time.GetUtcNow();
        var payments = await db.Payments.Where(p => p.OrderId == order.Id).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var open = payments.LastOrDefault(p => p.Status == PaymentStatus.Created);
        if (open is not null && open.PrepayExpiresAt > now + ReuseMargin)
        {
            if (open.PrepayId is not null)
            {
                return Parameters(open);
            }

            // The last attempt saved the row but never got its prepay_id: ask again with the same terms.
        }
        else if (open is not null)
        {
            await CloseAsync(open, cancellationToken);
            open = null;
        }

        if (open is null)
        {
            open = new Payment
            {
                OrderId = order.Id,
                OutTradeNo = payments.Count == 0 ? order.OrderNo : $"{order.OrderNo}-{payments.Count + 1}",
                AmountFen = order.PriceFen,
                Status = PaymentStatus.Created,
                CreatedAt = now,
                PrepayExpiresAt = now + PrepayLifetime,
            };
            db.Payments.Add(open);
        }

        // Claim the out_trade_no before calling WeChat: a concurrent pay of the same order collides on its unique index.
        await SaveAsync(db, cancellationToken);
        var description = $"毕业照片采集 {order.Batch!.Name}";
        open.PrepayId = await client.CreateJsapiPrepayAsync(
            new WeChatPayJsapiOrder(open.OutTradeNo, description[..Math.Min(description.Length, MaxDescriptionLength)], open.AmountFen, order.StudentAccount!.OpenId, open.PrepayExpiresAt!.Value),
            cancellationToken);
        await SaveAsync(db, cancellationToken);
        logger.LogInformation("Prepay {OutTradeNo} for order {OrderNo}: {AmountFen} fen until {ExpiresAt:O}", open.OutTradeNo, order.OrderNo, open.AmountFen, open.PrepayExpiresAt);
        return Parameters(open);
    }

    private PaymentPrepay Parameters(Payment payment)
    {
        var p = client.PaymentParameters(payment.PrepayId!);
        return new PaymentPrepay(payment.OutTradeNo, payment.AmountFen, payment.PrepayExpiresAt!.Value, p.AppId, p.TimeStamp, p.NonceStr, p.Package, p.SignType, p.PaySign);
    }

    /// <summary>Closes an expired prepay at WeChat Pay so it can no longer be paid; one WeChat never saw is simply closed here.</summary>
    private async Task CloseAsync(Payment payment, CancellationToken cancellationToken)
    {
        try
        {
            await client.CloseAsync(payment.OutTradeNo, cancellationToken);
        }
        catch (DomainException e) when (e.Code == PaymentErrors.NotFound.Code)
        {
            logger.LogInformation("Prepay {OutTradeNo} was unknown to WeChat Pay when closed", payment.OutTradeNo);
        }

        payment.Status = PaymentStatus.Closed;
    }

    private static async Task SaveAsync(PhotoCollectDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new DomainException(OrderErrors.ConcurrentChange);
        }
    }
}
