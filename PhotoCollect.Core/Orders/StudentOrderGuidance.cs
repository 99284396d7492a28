using PhotoCollect.Core.Batches;

namespace PhotoCollect.Core.Orders;

/// <summary>
/// What the mini program offers the student on an order (<c>actions</c>) and the one-line hint
/// (<c>nextStep</c>). Both are read from the order's capability methods, the same ones its
/// transitions enforce; nothing here decides a rule of its own.
/// </summary>
public static class StudentOrderGuidance
{
    public static OrderActions Actions(Order order, CollectionBatch batch, DateTimeOffset now) => new(
        UploadPhoto: order.CanChangePhoto(batch),
        Submit: order.CanSubmit(batch, now),
        Withdraw: order.CanWithdraw(batch),
        Resubmit: order.CanResubmit(batch),
        Pay: order.CanPay());

    public static string NextStep(Order order, CollectionBatch batch, DateTimeOffset now) => order.Status switch
    {
        OrderStatus.Draft => DraftStep(order, batch, now),
        OrderStatus.AwaitingPayment => "请完成支付，支付成功后进入审核。",
        OrderStatus.PendingReview => order.CanWithdraw(batch)
            ? "照片审核中，请耐心等待审核结果；如需更换照片，可以先撤回订单。"
            : "照片审核中，请耐心等待审核结果。",
        OrderStatus.Approved => "照片审核通过，无需其他操作。",
        OrderStatus.Rejected => RejectedStep(order, batch),
        OrderStatus.Cancelled => "订单已取消。",
        OrderStatus.Refunded => "订单已退款。",
        _ => "",
    };

    private static string DraftStep(Order order, CollectionBatch batch, DateTimeOffset now)
    {
        var blocker = order.SubmitBlocker(batch, now);
        if (blocker is null)
        {
            return "照片已合格，请提交订单。";
        }

        if (blocker.Code == OrderErrors.PhotoRequired.Code)
        {
            return "请上传符合要求的证件照。";
        }

        return blocker.Code == OrderErrors.SubmissionLimit.Code
            ? $"已达到本批次最多提交次数（{batch.MaxSubmissions} 次），请联系老师或分社处理。"
            : blocker.Message;
    }

    private static string RejectedStep(Order order, CollectionBatch batch)
    {
        var blocker = order.ResubmitBlocker(batch);
        var left = order.SubmissionsLeft(batch);
        if (blocker is null)
        {
            return $"新照片已上传，请重新提交订单（还可提交 {left} 次）。";
        }

        // At the limit a new photo alone does not help, whichever check the resubmission meets first.
        if (left == 0 && order.CanChangePhoto(batch))
        {
            return $"照片未通过审核，且已达到最多提交次数（{batch.MaxSubmissions} 次），请联系老师或分社处理。";
        }

        return blocker.Code == OrderErrors.NewPhotoRequired.Code
            ? $"照片未通过审核：请按驳回原因重新拍摄，上传新照片后重新提交（还可提交 {left} 次）。"
            : blocker.Message;
    }
}
