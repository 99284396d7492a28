namespace PhotoCollect.Core.Payments;

/// <summary>Why a verified WeChat Pay payment was not applied to an order as it stands.</summary>
public enum PaymentAnomalyKind
{
    /// <summary>No payment of ours has that <c>out_trade_no</c>.</summary>
    Unmatched = 0,

    /// <summary>The amount or currency differs from the payment we asked for.</summary>
    AmountMismatch = 1,

    /// <summary>The mchid or appid is not ours.</summary>
    MerchantMismatch = 2,

    /// <summary>The order was already paid (another prepay) or can no longer be paid: the money goes back in full.</summary>
    OrderNotPayable = 3,
}

/// <summary>
/// A verified payment notification that was recorded for an admin instead of being applied. WeChat is
/// answered success for it (retrying would not change anything); <see cref="NeedsRefund"/> marks money
/// taken for nothing, to be refunded in full.
/// </summary>
public sealed class PaymentAnomaly
{
    public long Id { get; set; }
    public PaymentAnomalyKind Kind { get; set; }
    public required string NotificationId { get; set; }
    public required string OutTradeNo { get; set; }
    public string? TransactionId { get; set; }

    /// <summary>What WeChat reports as paid, in fen.</summary>
    public int AmountFen { get; set; }

    public long? PaymentId { get; set; }
    public long? OrderId { get; set; }

    /// <summary>For the admin, in Chinese.</summary>
    public required string Reason { get; set; }

    public bool NeedsRefund { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
