using PhotoCollect.Core.Audit;

namespace PhotoCollect.Core.Orders;

/// <summary>What the audit log records about orders.</summary>
public static class OrderAuditActions
{
    public static readonly AuditAction Created = new("order.created", "创建订单");
    public static readonly AuditAction PhotoAttached = new("order.photo_attached", "上传照片");
    public static readonly AuditAction Submitted = new("order.submitted", "提交订单");
    public static readonly AuditAction Paid = new("order.paid", "支付成功");
    public static readonly AuditAction Approved = new("order.approved", "审核通过");
    public static readonly AuditAction Rejected = new("order.rejected", "驳回");
    public static readonly AuditAction Resubmitted = new("order.resubmitted", "重新提交");
    public static readonly AuditAction Withdrawn = new("order.withdrawn", "撤回");
    public static readonly AuditAction Cancelled = new("order.cancelled", "取消订单");
    public static readonly AuditAction Refunded = new("order.refunded", "退款");
    public static readonly AuditAction Exported = new("order.exported", "导出");

    /// <summary>A staff member saw the full ID number on the order page.</summary>
    public static readonly AuditAction IdRevealed = new("student.id_revealed", "查看完整证件号");
}
