using System.Text.Json;
using PhotoCollect.Core.Notifications;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Reviews;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Core.Notifications;

public sealed class ReviewResultNotificationTests
{
    [Fact]
    public void For_Rejection_PendingRowWithReasonsGuidanceAndComment()
    {
        var order = NewOrder(Batch());
        var decision = new ReviewDecision { ReviewerId = "r", Approved = false, ReasonCodes = ["blurry"], Comment = "请重新对焦", DecidedAt = Now };
        RejectionReasonView[] reasons = [new("blurry", "照片模糊", "请对焦清晰、保持手机稳定后重新拍摄。")];

        var notification = ReviewResultNotification.For(order, decision, reasons, "tmpl-1");

        Assert.Equal((ReviewResultNotification.RejectedKind, "tmpl-1", NotificationStatus.Pending), (notification.Kind, notification.TemplateId, notification.Status));
        Assert.Equal(order.StudentAccountId, notification.StudentAccountId);
        Assert.Equal((Now, Now), (notification.CreatedAt, notification.NextAttemptAt));
        // Chinese stays readable in the stored row (no \u escapes).
        Assert.Contains("审核未通过", notification.PayloadJson);
        using var payload = JsonDocument.Parse(notification.PayloadJson);
        var root = payload.RootElement;
        Assert.Equal(order.OrderNo, root.GetProperty("orderNo").GetString());
        Assert.Equal("审核未通过", root.GetProperty("result").GetString());
        Assert.Equal("请重新对焦", root.GetProperty("comment").GetString());
        Assert.Equal(Now, root.GetProperty("decidedAt").GetDateTimeOffset());
        var reason = Assert.Single(root.GetProperty("reasons").EnumerateArray().ToList());
        Assert.Equal(("blurry", "照片模糊", "请对焦清晰、保持手机稳定后重新拍摄。"),
            (reason.GetProperty("code").GetString(), reason.GetProperty("label").GetString(), reason.GetProperty("guidance").GetString()));
    }

    [Fact]
    public void For_Approval_ApprovedKindWithoutReasons()
    {
        var order = NewOrder(Batch());
        var decision = new ReviewDecision { ReviewerId = "r", Approved = true, DecidedAt = Now };

        var notification = ReviewResultNotification.For(order, decision, [], "review_result");

        Assert.Equal(ReviewResultNotification.ApprovedKind, notification.Kind);
        using var payload = JsonDocument.Parse(notification.PayloadJson);
        Assert.Equal("审核通过", payload.RootElement.GetProperty("result").GetString());
        Assert.Empty(payload.RootElement.GetProperty("reasons").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, payload.RootElement.GetProperty("comment").ValueKind);
    }
}
