using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Orders;

/// <summary>
/// Every order error: the stable code clients switch on and the Chinese message the user sees.
/// The one place for both; a code with two messages has two fields sharing it.
/// </summary>
public static class OrderErrors
{
    public static readonly DomainError NotFound = new("order.not_found", "订单不存在，或您无权查看。");
    public static readonly DomainError PhotoNotFound = new("order.photo_not_found", "没有找到这张照片。");
    public static readonly DomainError ConcurrentChange = new("order.concurrent_change", "订单刚刚发生了变化（可能在另一台设备上操作过），请刷新后重试。");
    public static readonly DomainError RevealForbidden = new("order.reveal_forbidden", "只有管理员可以查看完整证件号。");

    /// <summary>{0}: the current status in Chinese; {1}: the refused action (提交, 撤回, …).</summary>
    public static readonly DomainError InvalidTransition = new("order.invalid_transition", "订单当前状态为“{0}”，不能{1}。");

    public static readonly DomainError PhotoRequired = new("order.photo_required", "请先上传照片，再提交订单。");
    public static readonly DomainError PhotoFailedCheck = new("order.photo_failed_check", "当前照片未通过自动检测，请按提示重新拍摄或选择照片。");
    public static readonly DomainError NewPhotoRequired = new("order.new_photo_required", "请先上传新的照片，再重新提交。");

    /// <summary>{0}: the batch's maximum number of submissions.</summary>
    public static readonly DomainError SubmissionLimit = new("order.submission_limit", "已达到本批次的最多提交次数（{0} 次），请联系分社或老师处理。");

    public static readonly DomainError ReasonsRequired = new("order.reasons_required", "驳回时至少选择一个驳回原因。");
    public static readonly DomainError NotPaid = new("order.not_paid", "该订单未支付，无需退款。");
    public static readonly DomainError PaidMustRefund = new("order.paid_must_refund", "该订单已支付，不能直接取消，请联系分社办理退款。");
    public static readonly DomainError AlreadyExported = new("order.already_exported", "该订单的照片已导出上报，不能退款。");

    /// <summary>{0}: the amount paid; {1}: the order's price (both in fen).</summary>
    public static readonly DomainError AmountMismatch = new("order.amount_mismatch", "支付金额（{0} 分）与订单金额（{1} 分）不一致。");

    /// <summary>{0}: the current status in Chinese.</summary>
    public static readonly DomainError PhotoLocked = new("order.photo_locked", "订单当前状态为“{0}”，不能更换照片。");

    /// <summary>The same refusal while under review, where withdrawing first is the way out.</summary>
    public static readonly DomainError PhotoLockedInReview = new(PhotoLocked.Code, "订单正在审核中，不能更换照片：如需修改，请先撤回订单。");

    /// <summary>{0}: the order number of the student's existing order.</summary>
    public static readonly DomainError DuplicateLiveOrder = new("order.duplicate", "你已在本批次创建过订单（订单号 {0}），请在“我的订单”中继续，不需要重复提交。");

    /// <summary>The same refusal when another WeChat account holds the student's order.</summary>
    public static readonly DomainError DuplicateLiveOrderOtherAccount = new(DuplicateLiveOrder.Code, "该学生在本批次已有订单（由另一个微信账号创建）。如果不是本人操作，请联系老师或分社处理。");
}
