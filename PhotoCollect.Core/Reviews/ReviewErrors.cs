using PhotoCollect.Core.Common;
using PhotoCollect.Core.Identity;

namespace PhotoCollect.Core.Reviews;

/// <summary>
/// The errors of the review workspace and the rejection-reason catalogue, with the Chinese
/// message the portal shows. <c>review.stale</c> has one message per way the order moved on.
/// </summary>
public static class ReviewErrors
{
    /// <summary>Another reviewer (or the student) changed the order between reading and saving.</summary>
    public static readonly DomainError Stale = new("review.stale", "该订单刚刚已被其他人处理或学生已修改，本次审核未保存。请刷新后重新审核。");
    public static readonly DomainError StaleWithdrawn = new(Stale.Code, "学生已撤回该订单，本次审核未保存。");
    public static readonly DomainError StaleDecided = new(Stale.Code, "该订单已由其他审核员处理，本次审核未保存。");
    public static readonly DomainError StaleResubmitted = new(Stale.Code, "学生在您审核期间重新提交了照片，本次审核未保存。请查看新照片后重新审核。");

    /// <summary>{0}: the order's status now, in Chinese.</summary>
    public static readonly DomainError StaleStatus = new(Stale.Code, "订单状态已变为“{0}”，本次审核未保存。");

    /// <summary>Another reviewer holds an unexpired claim on the order. {0}: their name.</summary>
    public static readonly DomainError ClaimedByOther = new("review.claimed_by_other", "该订单正由 {0} 审核，请审核其他订单。");

    /// <summary>A reason code that is not in the active catalogue. {0}: the codes.</summary>
    public static readonly DomainError UnknownReason = new("review.unknown_reason", "驳回原因不存在或已停用：{0}。请刷新页面后重新选择。");

    /// <summary>{0}: the longest comment allowed.</summary>
    public static readonly DomainError CommentTooLong = new("review.comment_too_long", "备注最多 {0} 个字。");

    /// <summary>Only branch reviewers and admins review photos (teachers read orders elsewhere).</summary>
    public static readonly DomainError NotReviewer = new("review.not_reviewer", "只有分社审核员或管理员可以审核照片。");


    public static readonly DomainError ReasonNotFound = new("reason.not_found", "驳回原因不存在。");

    /// <summary>{0}: the validation messages.</summary>
    public static readonly DomainError ReasonInvalid = new("reason.invalid", "驳回原因填写有误：{0}");

    /// <summary>{0}: the code already in the catalogue.</summary>
    public static readonly DomainError ReasonDuplicate = new("reason.duplicate", "代码 {0} 已存在。");

    /// <summary>The services check this themselves; the pages' reviewer policy is not the only guard.</summary>
    internal static void EnsureReviewer(StaffScope scope)
    {
        if (!scope.IsAdmin && scope.BranchId is null)
        {
            throw new DomainException(NotReviewer);
        }
    }
}
