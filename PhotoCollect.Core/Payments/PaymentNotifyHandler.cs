using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Payments.WeChatPay;

namespace PhotoCollect.Core.Payments;

/// <summary>What became of a verified notification; WeChat is answered success for every one of them.</summary>
public enum PaymentNotifyOutcome
{
    /// <summary>The payment was recorded and the order moved 待支付 → 待审核.</summary>
    Applied,

    /// <summary>Already handled (the same notification again, or the same trade under another notification id).</summary>
    Duplicate,

    /// <summary>Recorded for an admin, not applied (unmatched, mismatched, or paid for an order that cannot take it).</summary>
    Recorded,

    /// <summary>Kept, nothing to apply (not a successful payment, or a refund notify this flow does not handle yet).</summary>
    Ignored,
}

/// <summary>
/// Handles a WeChat Pay notify: verified over its raw bytes and decrypted by <see cref="WeChatPayNotifications"/>,
/// then matched against our payment and applied in one save (one transaction): the notification row (unique
/// notification id), the payment marked paid and <see cref="Orders.Order.ConfirmPayment"/> with its audit row.
/// Copies of a notification racing each other collide on that unique index or on the order's concurrency
/// token; the loser finds the winner's row and answers success, so a notification changes state at most once.
/// </summary>
public sealed class PaymentNotifyHandler(
    IDbContextFactory<PhotoCollectDbContext> factory,
    WeChatPayNotifications notifications,
    WeChatPayOptions options,
    TimeProvider time,
    ILogger<PaymentNotifyHandler> logger)
{
    /// <summary>Who confirms payments in the audit log.</summary>
    public static readonly Actor WeChatPay = new(ActorKind.System, "wechatpay", "微信支付");

    private const int MaxAttempts = 3;

    /// <summary>
    /// Throws <see cref="PaymentErrors.Unverified"/>, <see cref="PaymentErrors.Undecryptable"/>,
    /// <see cref="PaymentErrors.Unavailable"/> or <see cref="PaymentErrors.NotifyRetry"/> for a notify WeChat should
    /// send again; anything else it answers.
    /// </summary>
    public async Task<PaymentNotifyOutcome> HandleAsync(WeChatPaySignedMessage message, CancellationToken cancellationToken)
    {
        var notification = await notifications.ReadAsync(message, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await ApplyAsync(notification, cancellationToken);
                logger.LogInformation("WeChat Pay notify {NotificationId} ({EventType}): {Outcome}", notification.Id, notification.EventType, outcome);
                return outcome;
            }
            catch (DbUpdateException e) when (attempt >= MaxAttempts)
            {
                // Still colliding: let WeChat send it again later rather than guess.
                logger.LogWarning(e, "WeChat Pay notify {NotificationId}: gave up after {Attempts} collisions", notification.Id, attempt);
                throw new DomainException(PaymentErrors.NotifyRetry);
            }
            catch (DbUpdateException e)
            {
                // A concurrent copy won: its notification row is there. Otherwise the order changed under us: read again.
                await using var db = await factory.CreateDbContextAsync(cancellationToken);
                if (await db.PaymentNotifications.AnyAsync(n => n.NotificationId == notification.Id, cancellationToken))
                {
                    logger.LogInformation("WeChat Pay notify {NotificationId} was handled concurrently", notification.Id);
                    return PaymentNotifyOutcome.Duplicate;
                }

                logger.LogInformation(e, "WeChat Pay notify {NotificationId}: attempt {Attempt} collided, retrying", notification.Id, attempt);
            }
        }
    }

    private async Task<PaymentNotifyOutcome> ApplyAsync(WeChatPayNotification notification, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.PaymentNotifications.AnyAsync(n => n.NotificationId == notification.Id, cancellationToken))
        {
            return PaymentNotifyOutcome.Duplicate;
        }

        var now = time.GetUtcNow();
        var record = new PaymentNotification
        {
            NotificationId = notification.Id,
            EventType = notification.EventType,
            ReceivedAt = now,
            ResourceJson = notification.ResourceJson,
        };
        db.PaymentNotifications.Add(record);
        var outcome = PaymentNotifyOutcome.Ignored;
        if (notification.IsTransaction && notification.Transaction() is { IsPaid: true } trade)
        {
            record.OutTradeNo = trade.OutTradeNo.Length <= 32 ? trade.OutTradeNo : null;
            outcome = await ApplyTransactionAsync(db, notification.Id, trade, now, cancellationToken);
            record.Processed = outcome is PaymentNotifyOutcome.Applied or PaymentNotifyOutcome.Duplicate;
        }

        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    private async Task<PaymentNotifyOutcome> ApplyTransactionAsync(PhotoCollectDbContext db, string notificationId, WeChatPayTransaction trade, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.Include(p => p.Order).SingleOrDefaultAsync(p => p.OutTradeNo == trade.OutTradeNo, cancellationToken);
        var paidFen = trade.Amount?.Total ?? 0;
        var mismatch = payment is null ? (PaymentAnomalyKind.Unmatched, "没有该商户订单号的支付记录。")
            : trade.MchId != options.MchId || trade.AppId != options.AppId
                ? (PaymentAnomalyKind.MerchantMismatch, $"商户号或 AppID 不符：{trade.MchId} / {trade.AppId}。")
            : trade.Amount is null || paidFen != payment.AmountFen || trade.Amount.Currency != WeChatPayJson.Currency
                ? (PaymentAnomalyKind.AmountMismatch, $"金额不符：微信支付 {Money.FormatYuan(paidFen)}（{trade.Amount?.Currency}），应付 {Money.FormatYuan(payment.AmountFen)}。")
            : ((PaymentAnomalyKind, string)?)null;
        if (mismatch is { } found)
        {
            Flag(db, notificationId, trade, payment, found.Item1, found.Item2, needsRefund: false, now);
            return PaymentNotifyOutcome.Recorded;
        }

        if (payment!.Status is PaymentStatus.Paid or PaymentStatus.RefundDue)
        {
            return PaymentNotifyOutcome.Duplicate;
        }

        var paidAt = trade.SuccessTime ?? now;
        payment.Status = PaymentStatus.Paid;
        payment.TransactionId = trade.TransactionId;
        payment.PaidAt = paidAt;
        var order = payment.Order!;
        if (order.PayBlocker() is { } blocker)
        {
            // Money was taken for an order already paid (an older prepay) or no longer payable: it goes back in full.
            payment.Status = PaymentStatus.RefundDue;
            Flag(db, notificationId, trade, payment, PaymentAnomalyKind.OrderNotPayable, $"订单无法入账（{blocker.Message}），需全额退款。", needsRefund: true, now);
            return PaymentNotifyOutcome.Recorded;
        }

        order.ConfirmPayment(paidFen, WeChatPay, paidAt);
        return PaymentNotifyOutcome.Applied;
    }

    private void Flag(PhotoCollectDbContext db, string notificationId, WeChatPayTransaction trade, Payment? payment, PaymentAnomalyKind kind, string reason, bool needsRefund, DateTimeOffset now)
    {
        var outTradeNo = trade.OutTradeNo.Length <= 32 ? trade.OutTradeNo : trade.OutTradeNo[..32];
        db.PaymentAnomalies.Add(new PaymentAnomaly
        {
            Kind = kind,
            NotificationId = notificationId,
            OutTradeNo = outTradeNo,
            TransactionId = trade.TransactionId is { Length: <= 32 } id ? id : null,
            AmountFen = trade.Amount?.Total ?? 0,
            PaymentId = payment?.Id,
            OrderId = payment?.OrderId,
            Reason = reason.Length <= 200 ? reason : reason[..200],
            NeedsRefund = needsRefund,
            RecordedAt = now,
        });
        var action = needsRefund ? PaymentAuditActions.RefundNeeded : PaymentAuditActions.AnomalyRecorded;
        db.AuditEvents.Add(AuditEvent.For(WeChatPay, now, action, nameof(Payment), outTradeNo, $"{kind}: {reason}"));
        logger.LogWarning("WeChat Pay notify {NotificationId} for {OutTradeNo} not applied: {Kind} {Reason}", notificationId, outTradeNo, kind, reason);
    }
}
