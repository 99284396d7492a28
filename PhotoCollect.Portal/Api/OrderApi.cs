using Microsoft.AspNetCore.Http.HttpResults;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Orders;

namespace PhotoCollect.Portal.Api;

/// <summary>The student's orders: list, detail, submit, withdraw, resubmit.</summary>
public static class OrderApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("订单");
        orders.MapGet("", async (HttpContext context, StudentOrderQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(context.AccountId(), ct)))
            .WithSummary("我的订单（最新在前），含状态、下一步提示和驳回原因");

        orders.MapGet("/{orderId:long}", async Task<Ok<StudentOrderDetail>> (long orderId, HttpContext context, StudentOrderQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(context.AccountId(), orderId, ct)))
            .WithSummary("订单详情：学生信息（打码）、当前照片检测结果、驳回原因与指导、照片历史、时间线、可执行的操作")
            .Errors(OrderErrors.NotFound.Code);

        orders.MapPost("/{orderId:long}/submit", async Task<Ok<StudentOrderDetail>> (long orderId, HttpContext context, StudentOrderCommands commands, CancellationToken ct) =>
                TypedResults.Ok(await commands.SubmitAsync(context.AccountId(), orderId, context.ClientAddress(), ct)))
            .WithSummary("提交订单：需要合格的当前照片；收费批次进入待支付，免费批次直接待审核")
            .Errors(OrderErrors.NotFound.Code, OrderErrors.InvalidTransition.Code, OrderErrors.PhotoRequired.Code, OrderErrors.PhotoFailedCheck.Code,
                OrderErrors.SubmissionLimit.Code, BatchErrors.Closed.Code, BatchErrors.Expired.Code, BatchErrors.NotYetOpen.Code, BatchErrors.Archived.Code, OrderErrors.ConcurrentChange.Code);

        orders.MapPost("/{orderId:long}/withdraw", async Task<Ok<StudentOrderDetail>> (long orderId, HttpContext context, StudentOrderCommands commands, CancellationToken ct) =>
                TypedResults.Ok(await commands.WithdrawAsync(context.AccountId(), orderId, context.ClientAddress(), ct)))
            .WithSummary("撤回待审核的订单（回到待提交，可更换照片；已支付的不需要重新支付）")
            .Errors(OrderErrors.NotFound.Code, OrderErrors.InvalidTransition.Code, BatchErrors.Archived.Code, OrderErrors.ConcurrentChange.Code);

        orders.MapPost("/{orderId:long}/resubmit", async Task<Ok<StudentOrderDetail>> (long orderId, HttpContext context, StudentOrderCommands commands, CancellationToken ct) =>
                TypedResults.Ok(await commands.ResubmitAsync(context.AccountId(), orderId, context.ClientAddress(), ct)))
            .WithSummary("驳回后上传新照片并重新提交（计入批次的提交次数上限）")
            .Errors(OrderErrors.NotFound.Code, OrderErrors.InvalidTransition.Code, OrderErrors.PhotoRequired.Code, OrderErrors.PhotoFailedCheck.Code,
                OrderErrors.NewPhotoRequired.Code, OrderErrors.SubmissionLimit.Code, BatchErrors.Archived.Code, OrderErrors.ConcurrentChange.Code);
    }
}
