namespace PhotoCollect.Core.Orders;

/// <summary>Order states (DESIGN.md §3). Values are stored; never renumber.</summary>
public enum OrderStatus
{
    Draft = 0,
    AwaitingPayment = 1,
    PendingReview = 2,
    Approved = 3,
    Rejected = 4,
    Cancelled = 5,
    Refunded = 6,
}

public static class OrderStatusText
{
    public static string ToChinese(this OrderStatus status) => status switch
    {
        OrderStatus.Draft => "待提交",
        OrderStatus.AwaitingPayment => "待支付",
        OrderStatus.PendingReview => "待审核",
        OrderStatus.Approved => "审核通过",
        OrderStatus.Rejected => "已驳回",
        OrderStatus.Cancelled => "已取消",
        OrderStatus.Refunded => "已退款",
        _ => status.ToString(),
    };

    /// <summary>States that hold the (batch, student) slot: only cancelled or refunded orders free it.</summary>
    public static bool IsLive(this OrderStatus status) => status is not (OrderStatus.Cancelled or OrderStatus.Refunded);
}
