using PhotoCollect.Core.Payments;
using PhotoCollect.Core.Payments.WeChatPay;

namespace PhotoCollect.Portal.Api.Dev;

/// <summary>
/// <c>POST /dev/payments/{outTradeNo}/pay</c>: the student "pays" in the simulated WeChat Pay, which produces
/// the exact signed, encrypted notify; it goes through the same <see cref="PaymentNotifyHandler"/> the notify
/// endpoint uses, with its own bytes and headers. Development only, for scripts, tests and <c>/dev/student</c>.
/// </summary>
public static class PaymentSimulator
{
    public const string Path = "/dev/payments";

    public static void MapPaymentSimulator(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path + "/{outTradeNo}/pay", async (string outTradeNo, HttpContext context, CancellationToken ct) =>
            {
                var simulator = context.RequestServices.GetService<SimulatedWeChatPay>();
                var handler = context.RequestServices.GetService<PaymentNotifyHandler>();
                if (simulator is null || handler is null)
                {
                    return Results.Problem("本环境未使用模拟微信支付。", statusCode: StatusCodes.Status404NotFound);
                }

                SimulatedWeChatPayNotify notify;
                try
                {
                    notify = simulator.Pay(outTradeNo);
                }
                catch (InvalidOperationException e)
                {
                    return Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict);
                }

                var outcome = await handler.HandleAsync(notify.AsSignedMessage(), ct);
                return Results.Ok(new { outTradeNo, outcome = outcome.ToString() });
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
    }
}
