using PhotoCollect.Core.Audit;

namespace PhotoCollect.Core.Payments;

/// <summary>What the audit log records about payments (the order's own 支付成功 is <c>order.paid</c>).</summary>
public static class PaymentAuditActions
{
    public static readonly AuditAction AnomalyRecorded = new("payment.anomaly", "支付异常（未入账）");
    public static readonly AuditAction RefundNeeded = new("payment.refund_needed", "重复或无效支付，待全额退款");
}
