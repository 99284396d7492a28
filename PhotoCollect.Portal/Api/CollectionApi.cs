using Microsoft.AspNetCore.Http.HttpResults;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Students;
using PhotoCollect.Core.Students.Chsi;

namespace PhotoCollect.Portal.Api;

public sealed record ChsiCodeTextRequest(string? CodeText, string? IdLast4);

/// <summary>Starting a collection: the batch by 特征码, the 学信网 code, and the confirmation that creates the order.</summary>
public static class CollectionApi
{
    /// <summary>A phone screenshot is a few MB; QrCodeReader refuses more than its own limit anyway.</summary>
    public const int MaxCodeImageBytes = 15 * 1024 * 1024;

    private static readonly string[] CodeErrors =
    [
        ChsiCodeError.InvalidLast4.Code, ChsiCodeError.Malformed.Code, ChsiCodeError.UnknownKey.Code, ChsiCodeError.Tampered.Code,
        ChsiCodeError.Expired.Code, ChsiCodeError.InvalidContent.Code, ChsiCodeError.HolderMismatch.Code,
    ];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/batches/{featureCode}", Lookup)
            .RequireRateLimiting(StudentRateLimits.FeatureCode)
            .WithTags("采集")
            .WithSummary("按特征码和采集类型查找采集批次")
            .WithDescription("type 取 Centralised（集中采集）或 Individual（个人采集）。特征码不区分大小写，忽略空格和短横线。")
            .Errors(BatchErrors.CodeInvalid.Code, BatchErrors.CodeNotFound.Code, BatchErrors.TypeMismatch.Code, BatchErrors.Closed.Code, BatchErrors.Expired.Code, BatchErrors.NotYetOpen.Code);

        api.MapPost("/chsi-codes/image", ReadImage)
            .BodyLimit(MaxCodeImageBytes + 64 * 1024)
            .RequireRateLimiting(StudentRateLimits.ChsiCode)
            .MultipartBody("idLast4")
            .WithTags("采集")
            .WithSummary("上传学信网图像采集码图片（截图或保存的二维码），识别学生信息")
            .WithDescription("表单字段：file（JPG/PNG 图片，二维码可以只占截图的一小部分），idLast4（证件号后四位）。返回的姓名和证件号已打码；codeText 在确认时原样提交。")
            .Errors([ApiErrors.MultipartRequired.Code, ApiErrors.FileRequired.Code, ApiErrors.UploadTooLarge.Code, QrReadError.NotImage.Code, QrReadError.TooLarge.Code, QrReadError.Corrupt.Code, QrReadError.NotFound.Code, QrReadError.Unreadable.Code, .. CodeErrors]);

        api.MapPost("/chsi-codes/text", ReadText)
            .RequireRateLimiting(StudentRateLimits.ChsiCode)
            .WithTags("采集")
            .WithSummary("提交采集码文本（小程序扫码得到的内容）和证件号后四位，识别学生信息")
            .Errors(CodeErrors);

        api.MapPost("/orders", Confirm)
            .WithTags("采集")
            .WithSummary("确认学生信息，创建订单（待上传照片）")
            .WithDescription("collectionType 取 Centralised 或 Individual；codeText 为识别接口返回的内容；email 与 phone 必填。同一学生在同一批次只能有一个有效订单。")
            .Errors([BatchErrors.CodeInvalid.Code, BatchErrors.CodeNotFound.Code, BatchErrors.TypeMismatch.Code, BatchErrors.Closed.Code, BatchErrors.Expired.Code, BatchErrors.NotYetOpen.Code,
                StudentErrors.InvalidEmail.Code, StudentErrors.InvalidPhone.Code, OrderErrors.DuplicateLiveOrder.Code, .. CodeErrors]);
    }

    private static async Task<Ok<BatchForStudent>> Lookup(string featureCode, CollectionType? type, FeatureCodeLookup lookup, CancellationToken cancellationToken) =>
        TypedResults.Ok(await lookup.FindOpenAsync(featureCode, type ?? CollectionType.Centralised, cancellationToken));

    private static async Task<Ok<ChsiCodePreview>> ReadImage(HttpRequest request, ChsiCodeReader reader, CancellationToken cancellationToken)
    {
        var upload = await MultipartUpload.ReadAsync(request, MaxCodeImageBytes, cancellationToken);
        var text = reader.ReadImage(upload.File);
        return TypedResults.Ok(reader.Preview(text, upload.Field("idLast4")));
    }

    private static Ok<ChsiCodePreview> ReadText(ChsiCodeTextRequest request, ChsiCodeReader reader) =>
        TypedResults.Ok(reader.Preview(request.CodeText, request.IdLast4));

    private static async Task<Created<StudentOrderDetail>> Confirm(ConfirmOrderRequest request, HttpContext context, StudentOrderCommands orders, CancellationToken cancellationToken)
    {
        var order = await orders.ConfirmAsync(context.AccountId(), request, context.ClientAddress(), cancellationToken);
        return TypedResults.Created($"{StudentApi.Prefix}/orders/{order.Id}", order);
    }
}
