using PhotoCollect.Core.Audit;

namespace PhotoCollect.Core.Reviews;

/// <summary>What the audit log records about reviews and the rejection-reason catalogue.</summary>
public static class ReviewAuditActions
{
    public static readonly AuditAction BulkApproved = new("review.bulk_approved", "批量审核通过");
    public static readonly AuditAction ReasonCreated = new("reason.created", "新增驳回原因");
    public static readonly AuditAction ReasonUpdated = new("reason.updated", "修改驳回原因");
}
