using Microsoft.AspNetCore.Http.HttpResults;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Payments;
using PhotoCollect.Core.Payments.WeChatPay;

namespace PhotoCollect.Portal.Api;

/// <summary>WeChat Pay: the student's prepay and WeChat Pay's payment notify.</summary>
public static class PaymentApi
{
    public const string NotifyPath = "/payments/wechat/notify";

    /// <summary>A payment notify is about 1 KB; nothing legitimate comes near this.</summary>
    public const long NotifyBodyLimit = 16 * 1024;

    /// <param name="api">The whole API (the anonymous notify).</param>
    /// <param name="collection">The signed-in, consented student's group (the prepay).</param>
    public static void Map(RouteGroupBuilder api, RouteGroupBuilder collection)
    {
        collection.MapPost("/orders/{orderId:long}/pay", async Task<Ok<PaymentPrepay>> (long orderId, HttpContext context, CancellationToken ct) =>
                TypedResults.Ok(await Service<PaymentCommands>(context).PrepayAsync(context.AccountId(), orderId, ct)))
            .WithTags("支付")
            .WithSummary("微信支付下单：返回 wx.requestPayment 的参数（timeStamp、nonceStr、package、signType、paySign）及商户订单号和有效期；有效的预支付单会重复使用")
            .Errors(OrderErrors.NotFound.Code, OrderErrors.InvalidTransition.Code, OrderErrors.PhotoRequired.Code, OrderErrors.PhotoFailedCheck.Code,
                OrderErrors.ConcurrentChange.Code, PaymentErrors.Disabled.Code, PaymentErrors.Unavailable.Code, PaymentErrors.Rejected.Code, PaymentErrors.Unverified.Code)
            .RequireRateLimiting(StudentRateLimits.Pay);

        // WeChat Pay's own callback: no student token, and no rate limit that could drop its retries.
        api.MapPost(NotifyPath, NotifyAsync)
            .AllowAnonymous()
            .BodyLimit(NotifyBodyLimit)
            .WithTags("支付")
            .WithSummary("微信支付回调（由微信支付调用，非小程序接口）：验签后解密；成功 204 无内容，拒绝时 4xx/5xx 且 {\"code\":\"FAIL\",\"message\":…}，微信会重试");
    }

    /// <summary>204 for every notification we keep (applied, duplicate or recorded for an admin); FAIL when WeChat should send it again.</summary>
    private static async Task<IResult> NotifyAsync(HttpContext context, ILogger<PaymentNotifyHandler> logger, CancellationToken ct)
    {
        var handler = context.RequestServices.GetService<PaymentNotifyHandler>();
        if (handler is null)
        {
            return Fail(StatusCodes.Status503ServiceUnavailable, PaymentErrors.Disabled.Message);
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, ct);
        var headers = context.Request.Headers;
        var message = WeChatPaySignedMessage.FromHeaders(name => headers[name] is { Count: 1 } values ? values[0] : null, buffer.ToArray());
        try
        {
            await handler.HandleAsync(message, ct);
            return Results.NoContent();
        }
        catch (DomainException e)
        {
            var status = e.Code == PaymentErrors.Unverified.Code ? StatusCodes.Status401Unauthorized
                : e.Code == PaymentErrors.Undecryptable.Code ? StatusCodes.Status400BadRequest
                : StatusCodes.Status503ServiceUnavailable;
            logger.LogWarning("WeChat Pay notify refused with {Status}: {Code}", status, e.Code);
            return Fail(status, e.Message);
        }
    }

    /// <summary>WeChat Pay's refusal format, which makes it retry.</summary>
    private static IResult Fail(int status, string message) => Results.Json(new { code = "FAIL", message }, statusCode: status);

    private static T Service<T>(HttpContext context)
        where T : notnull =>
        context.RequestServices.GetService<T>() ?? throw new DomainException(PaymentErrors.Disabled);
}
