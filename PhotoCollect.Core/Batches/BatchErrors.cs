using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Batches;

/// <summary>
/// Every error about collection batches, with the message the user sees. Codes are stable (the
/// mini program switches on them); where one code needs several messages, the fields share it.
/// </summary>
public static class BatchErrors
{
    // What a student meets when joining with a 特征码.
    public static readonly DomainError CodeInvalid = new("batch.code_invalid", "特征码为 8 位字母和数字（不含 0、O、1、I、L），请核对老师提供的特征码后重新输入。");
    public static readonly DomainError CodeNotFound = new("batch.not_found", "没有找到该特征码对应的采集批次：请核对老师提供的特征码后重新输入，或联系老师确认。");
    public static readonly DomainError TypeMismatch = new("batch.type_mismatch", "该特征码属于“{0}”批次，请返回选择“{0}”后再输入。");
    public static readonly DomainError Closed = new("batch.closed", "该采集批次已关闭，无法提交。请联系分社或老师。");
    public static readonly DomainError NotYetOpen = new("batch.not_open", "该采集批次尚未开始，开始时间：{0}。");
    public static readonly DomainError Expired = new("batch.expired", "该采集批次已过截止时间，无法提交。请联系分社或老师。");
    public static readonly DomainError Archived = new("batch.archived", "该采集批次已归档，订单不能再修改。如有问题请联系分社或老师。");

    // What staff meet in the portal.
    public static readonly DomainError NotFound = new("batch.not_found", "采集批次不存在，或您无权查看。");
    public static readonly DomainError Concurrency = new("batch.concurrency", "该批次刚被其他人修改过，请刷新页面后重试。");
    public static readonly DomainError SchoolNotAllowed = new("batch.school_not_allowed", "您不能为该学校创建或调整采集批次。");
    public static readonly DomainError Forbidden = new("batch.forbidden", "只有分社工作人员或管理员可以归档批次。");
    public static readonly DomainError FeatureCodeExhausted = new("batch.feature_code_exhausted", "生成特征码失败，请重试。");

    /// <summary>The form's own messages, joined: the portal shows them per field before this is ever thrown.</summary>
    public static readonly DomainError Invalid = new("batch.invalid", "批次信息有误：{0}");
    public static readonly DomainError ClosesBeforeOpens = new("batch.invalid", "截止时间必须晚于开始时间。");

    public static readonly DomainError NegativePrice = new("batch.invalid_price", "价格不能为负数。");
    public static readonly DomainError PriceTooHigh = new("batch.invalid_price", "价格不能超过 {0:0} 元。");
    public static readonly DomainError PriceTooPrecise = new("batch.invalid_price", "价格最多保留两位小数（精确到分）。");

    public static readonly DomainError CannotClose = new("batch.invalid_transition", "批次当前状态为“{0}”，不能关闭。");
    public static readonly DomainError CannotReopen = new("batch.invalid_transition", "批次当前状态为“{0}”，不能重新开放。");
    public static readonly DomainError ArchiveNeedsClose = new("batch.invalid_transition", "请先关闭批次，再归档。");
    public static readonly DomainError AlreadyArchived = new("batch.invalid_transition", "批次已归档。");
    public static readonly DomainError ArchivedNoEdit = new("batch.invalid_transition", "已归档的批次不能修改。");

    /// <summary>Every student of a batch pays the same: once anyone has paid, the price stays.</summary>
    public static readonly DomainError PriceLocked = new("batch.price_locked", "本批次已有学生支付，价格不能再修改。如需调整，请为差额办理退款或新建批次。");
    public static readonly DomainError ArchivedNoNewCode = new("batch.invalid_transition", "已归档的批次不能更换特征码。");
    public static readonly DomainError DeadlinePassed = new("batch.deadline_passed", "批次已过截止时间，请先编辑批次、延后截止时间，再重新开放。");
}
