using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Portal.Hosting;

namespace PhotoCollect.Portal.Api;

/// <summary>The requirements the mini program shows before the student takes the photo.</summary>
public sealed record PhotoRequirements(int Width, int Height, int MinKilobytes, int MaxKilobytes, string BackgroundColor, string SpecVersion, IReadOnlyList<string> Rules);

public sealed record PhotoFixResponse(string ContentType, string ImageBase64, PhotoVerdict Verdict);

/// <summary>Photo checks, uploads, 一键修正 and downloads.</summary>
public static class PhotoApi
{
    private static readonly string[] UploadErrors = [ApiErrors.MultipartRequired.Code, ApiErrors.FileRequired.Code, ApiErrors.UploadTooLarge.Code];

    public static void Map(RouteGroupBuilder api, IServiceProvider services)
    {
        var maxUpload = services.GetRequiredService<IOptionsMonitor<PhotoSpec>>().CurrentValue.MaxUploadBytes;
        var bodyLimit = maxUpload + 64L * 1024;

        api.MapGet("/photo-requirements", (IOptionsMonitor<PhotoSpec> spec) => TypedResults.Ok(Requirements(spec.CurrentValue)))
            .WithTags("照片")
            .WithSummary("照片要求（拍摄前展示）");

        api.MapPost("/photos/check", async Task<Ok<PhotoVerdict>> (HttpRequest request, PhotoInspector inspector, IOptionsMonitor<PhotoSpec> spec, CancellationToken ct) =>
            {
                var upload = await MultipartUpload.ReadAsync(request, maxUpload, ct);
                return TypedResults.Ok(PhotoVerdict.From(inspector.Inspect(upload.File, spec.CurrentValue)));
            })
            .BodyLimit(bodyLimit)
            .RequireRateLimiting(StudentRateLimits.Upload)
            .MultipartBody()
            .WithTags("照片")
            .WithSummary("检测照片（不保存）：立即返回合格与否和具体问题")
            .WithDescription("表单字段 file。不合格的照片也返回 200，passed=false，issues 中每一项都有错误码和中文提示（photo.* 错误码）。")
            .Errors(UploadErrors);

        api.MapPost("/orders/{orderId:long}/photo", Upload)
            .BodyLimit(bodyLimit)
            .RequireRateLimiting(StudentRateLimits.Upload)
            .MultipartBody("source")
            .WithTags("照片")
            .WithSummary("上传订单照片：检测，合格（含有提示）才保存为当前照片")
            .WithDescription("表单字段：file，source（Camera 拍摄 / Album 相册 / AutoFixed 一键修正结果，默认 Album）。accepted=false 表示照片不合格、未保存，verdict 给出原因。")
            .Errors([.. UploadErrors, ApiErrors.InvalidSource.Code, OrderErrors.NotFound.Code, OrderErrors.PhotoLocked.Code, BatchErrors.Archived.Code, OrderErrors.ConcurrentChange.Code]);

        api.MapPost("/orders/{orderId:long}/photo/fix", Fix)
            .BodyLimit(bodyLimit)
            .RequireRateLimiting(StudentRateLimits.Upload)
            .MultipartBody()
            .WithTags("照片")
            .WithSummary("一键修正：裁剪到规定构图并替换为标准蓝色背景，返回修正后的 JPG 和检测结果（不保存）")
            .WithDescription("学生确认使用后，再以 source=AutoFixed 调用上传接口。")
            .Errors([.. UploadErrors, OrderErrors.NotFound.Code, OrderErrors.PhotoLocked.Code, BatchErrors.Archived.Code,
                PhotoFixCodes.NoFace, PhotoFixCodes.SeveralFaces, PhotoFixCodes.HeadCutOff, PhotoFixCodes.BodyCutOff, PhotoFixCodes.BackgroundTooBusy,
                PhotoIssueCodes.Empty, PhotoIssueCodes.NotJpeg, PhotoIssueCodes.Corrupt, PhotoIssueCodes.Truncated, PhotoIssueCodes.TooManyPixels, PhotoIssueCodes.UploadTooLarge]);

        api.MapGet("/orders/{orderId:long}/photos/{versionNo:int}", async (long orderId, int versionNo, HttpContext context, StudentOrderQueries orders, CancellationToken ct) =>
                PrivateImage.Jpeg(context, await orders.OpenPhotoAsync(context.AccountId(), orderId, versionNo, ct)))
            .Produces(200, contentType: "image/jpeg")
            .WithTags("照片")
            .WithSummary("下载自己订单的某一版照片（不缓存）")
            .Errors(OrderErrors.PhotoNotFound.Code);
    }

    private static async Task<Ok<PhotoUploadResult>> Upload(long orderId, HttpContext context, StudentPhotoCommands photos, CancellationToken cancellationToken)
    {
        var upload = await MultipartUpload.ReadAsync(context.Request, context.RequestServices.GetRequiredService<IOptionsMonitor<PhotoSpec>>().CurrentValue.MaxUploadBytes, cancellationToken);
        var source = upload.Field("source")?.Trim().ToLowerInvariant() switch
        {
            null or "" or "album" => PhotoSource.Album,
            "camera" => PhotoSource.Camera,
            "autofixed" => PhotoSource.AutoFixed,
            _ => throw new DomainException(ApiErrors.InvalidSource),
        };
        return TypedResults.Ok(await photos.UploadPhotoAsync(context.AccountId(), orderId, upload.File, source, context.ClientAddress(), cancellationToken));
    }

    private static async Task<Ok<PhotoFixResponse>> Fix(long orderId, HttpContext context, StudentPhotoCommands photos, CancellationToken cancellationToken)
    {
        var upload = await MultipartUpload.ReadAsync(context.Request, context.RequestServices.GetRequiredService<IOptionsMonitor<PhotoSpec>>().CurrentValue.MaxUploadBytes, cancellationToken);
        var fixedPhoto = await photos.FixPhotoAsync(context.AccountId(), orderId, upload.File, cancellationToken);
        return TypedResults.Ok(new PhotoFixResponse("image/jpeg", Convert.ToBase64String(fixedPhoto.Jpeg), fixedPhoto.Verdict));
    }

    private static PhotoRequirements Requirements(PhotoSpec spec) => new(
        spec.Width,
        spec.Height,
        spec.MinBytes / 1024,
        spec.MaxBytes / 1024,
        spec.BackgroundColor,
        spec.Version,
        PhotoRequirementsText.For(spec));
}
