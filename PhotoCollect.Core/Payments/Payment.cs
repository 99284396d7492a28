using PhotoCollect.Core.Orders;

namespace PhotoCollect.Core.Payments;

public enum PaymentStatus
{
    Created = 0,
    Paid = 1,
    Closed = 2,
    Failed = 3,
    Refunded = 4,

    /// <summary>Paid, but the order was already paid or could no longer be paid: to be refunded in full.</summary>
    RefundDue = 5,
}

/// <summary>A WeChat Pay JSAPI payment for an order.</summary>
public sealed class Payment
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public Order? Order { get; set; }

    /// <summary>Our <c>out_trade_no</c> (the order number, or a suffixed one for a retry).</summary>
    public required string OutTradeNo { get; set; }

    public int AmountFen { get; set; }
    public string? PrepayId { get; set; }
    public DateTimeOffset? PrepayExpiresAt { get; set; }

    /// <summary>WeChat Pay's <c>transaction_id</c>.</summary>
    public string? TransactionId { get; set; }

    public PaymentStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
}

public enum RefundStatus
{
    Requested = 0,
    Processing = 1,
    Succeeded = 2,
    Failed = 3,
}

public sealed class Refund
{
    public long Id { get; set; }
    public long PaymentId { get; set; }
    public Payment? Payment { get; set; }

    /// <summary>Our <c>out_refund_no</c>.</summary>
    public required string OutRefundNo { get; set; }

    public string? RefundId { get; set; }
    public int AmountFen { get; set; }
    public required string Reason { get; set; }
    public RefundStatus Status { get; set; }
    public string? RequestedById { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>A WeChat Pay callback as received; the unique notification id makes duplicates harmless.</summary>
public sealed class PaymentNotification
{
    public long Id { get; set; }
    public required string NotificationId { get; set; }
    public required string EventType { get; set; }
    public string? OutTradeNo { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The decrypted resource, kept for reconciliation.</summary>
    public string? ResourceJson { get; set; }

    public bool Processed { get; set; }
}
