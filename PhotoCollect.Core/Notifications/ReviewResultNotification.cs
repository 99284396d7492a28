using System.Text.Encodings.Web;
using System.Text.Json;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Reviews;

namespace PhotoCollect.Core.Notifications;

/// <summary>
/// The subscribe message a student is sent when a reviewer decides their order: the outbox row
/// is added in the decision's own transaction, so a decision never goes unannounced and an
/// unsaved one is never announced.
/// </summary>
public static class ReviewResultNotification
{
    public const string ApprovedKind = "order.approved";
    public const string RejectedKind = "order.rejected";

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web)
    {
        // The sender passes the text on to WeChat as it is; \uXXXX escapes would only make the rows unreadable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="order">The decided order (its number and student account).</param>
    /// <param name="decision">The decision being saved; its time is the notification's.</param>
    /// <param name="reasons">The rejection reasons as the student reads them (guidance filled in); empty for an approval.</param>
    /// <param name="templateId">The WeChat subscribe-message template.</param>
    public static Notification For(Order order, ReviewDecision decision, IReadOnlyList<RejectionReasonView> reasons, string templateId) => new()
    {
        StudentAccountId = order.StudentAccountId,
        Kind = decision.Approved ? ApprovedKind : RejectedKind,
        TemplateId = templateId,
        PayloadJson = JsonSerializer.Serialize(new
        {
            orderId = order.Id,
            orderNo = order.OrderNo,
            result = decision.Approved ? "审核通过" : "审核未通过",
            reasons = reasons.Select(r => new { r.Code, r.Label, r.Guidance }),
            comment = decision.Comment,
            decidedAt = decision.DecidedAt,
        }, PayloadJson),
        Status = NotificationStatus.Pending,
        NextAttemptAt = decision.DecidedAt,
        CreatedAt = decision.DecidedAt,
    };
}
