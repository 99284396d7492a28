using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Students;
using PhotoCollect.Core.Students.Chsi;
using PhotoCollect.Core.Students.WeChat;

namespace PhotoCollect.Portal.Api;

/// <summary>
/// Every error code the student API can answer with, its HTTP status and what it means. The one
/// place that maps a <see cref="DomainException"/> code to a status, and the source of the error
/// lists in the OpenAPI document.
/// </summary>
public static class ApiErrors
{
    public const string AuthRequired = "auth.required";
    public const string TokenExpired = "auth.token_expired";
    public const string Forbidden = "auth.forbidden";
    public const string RateLimited = "rate_limited";
    public const string RequestInvalid = "request.invalid";
    public const string NotFound = "api.not_found";
    public const string UploadTooLarge = "upload.too_large";
    public const string MultipartRequired = "upload.multipart_required";
    public const string FileRequired = "upload.file_required";
    public const string InvalidSource = "upload.invalid_source";

    private static readonly Dictionary<string, (int Status, string Meaning)> Known = new(StringComparer.Ordinal)
    {
        [AuthRequired] = (401, "未登录或登录凭证无效"),
        [TokenExpired] = (401, "登录已过期"),
        [Forbidden] = (403, "无权访问"),
        [RateLimited] = (429, "请求太频繁"),
        [RequestInvalid] = (400, "请求格式有误"),
        [NotFound] = (404, "接口不存在"),
        [UploadTooLarge] = (413, "上传内容过大"),
        [MultipartRequired] = (415, "需要 multipart/form-data 上传"),
        [FileRequired] = (400, "缺少上传文件"),
        [InvalidSource] = (400, "照片来源取值无效"),

        [StudentErrors.LoginCodeRequired] = (400, "缺少 wx.login 的 code"),
        [StudentErrors.AccountNotFound] = (401, "账号不存在，需要重新登录"),
        [StudentErrors.ConsentRequired] = (403, "尚未同意当前版本的个人信息收集与使用说明"),
        [StudentErrors.ConsentOutdated] = (409, "同意的不是当前版本的说明"),
        [StudentErrors.InvalidNickname] = (400, "昵称无效"),
        [StudentErrors.InvalidEmail] = (400, "电子邮箱无效"),
        [StudentErrors.InvalidPhone] = (400, "手机号无效"),
        [StudentErrors.PhoneCodeRequired] = (400, "缺少手机号授权 code"),
        [StudentErrors.AvatarInvalid] = (422, "头像图片无效"),
        [StudentErrors.AvatarNotFound] = (404, "没有头像"),

        [WeChatErrors.InvalidLoginCode.Code] = (400, "微信 code 无效、过期或已使用：重新调用 wx.login（或重新授权手机号）后再试"),
        [WeChatErrors.RateLimited.Code] = (429, "微信接口限流（按分钟计），带 Retry-After"),
        [WeChatErrors.RiskyUser.Code] = (403, "微信判定为风险用户"),
        [WeChatErrors.Failed.Code] = (502, "微信拒绝了本服务的调用（配置问题，请联系分社）"),
        [WeChatErrors.Unavailable.Code] = (503, "暂时无法连接微信，或同时调用微信的人太多，可带 Retry-After：稍后用新的 code 重试"),

        [BatchErrors.CodeInvalid] = (400, "特征码格式不对"),
        [BatchErrors.NotFound] = (404, "特征码不存在"),
        [BatchErrors.TypeMismatch] = (409, "特征码与所选采集类型不符"),
        [BatchErrors.Closed] = (409, "批次已关闭"),
        [BatchErrors.Archived] = (409, "批次已归档，订单不能再修改"),
        [BatchErrors.Expired] = (409, "批次已过截止时间"),
        [BatchErrors.NotYetOpen] = (409, "批次尚未开始"),

        [QrReadError.NotImage.Code] = (422, "不是 JPG/PNG 图片"),
        [QrReadError.TooLarge.Code] = (413, "图片过大"),
        [QrReadError.Corrupt.Code] = (422, "图片损坏或不完整"),
        [QrReadError.NotFound.Code] = (422, "图片中没有二维码"),
        [QrReadError.Unreadable.Code] = (422, "二维码无法读取"),
        [ChsiCodeError.InvalidLast4.Code] = (400, "证件号后四位格式不对"),
        [ChsiCodeError.Malformed.Code] = (422, "不是学信网图像采集码"),
        [ChsiCodeError.UnknownKey.Code] = (422, "采集码签发密钥未知"),
        [ChsiCodeError.Tampered.Code] = (422, "采集码被篡改或损坏"),
        [ChsiCodeError.Expired.Code] = (422, "采集码已过期"),
        [ChsiCodeError.InvalidContent.Code] = (422, "采集码内容不完整"),
        [ChsiCodeError.HolderMismatch.Code] = (422, "证件号后四位与采集码不符"),

        [StudentOrderService.NotFoundCode] = (404, "订单不存在（或不属于当前学生）"),
        [StudentOrderService.PhotoNotFoundCode] = (404, "照片不存在"),
        [StudentOrderService.ConcurrentChangeCode] = (409, "订单同时被修改，需刷新重试"),
        [OrderErrors.DuplicateLiveOrder] = (409, "该学生在本批次已有订单"),
        [OrderErrors.InvalidTransition] = (409, "当前状态不能进行该操作"),
        [OrderErrors.PhotoLocked] = (409, "当前状态不能更换照片"),
        [OrderErrors.PhotoRequired] = (409, "还没有照片"),
        [OrderErrors.PhotoFailedCheck] = (409, "当前照片未通过检测"),
        [OrderErrors.NewPhotoRequired] = (409, "重新提交前需上传新照片"),
        [OrderErrors.SubmissionLimit] = (409, "已达最多提交次数"),

        [PhotoFixCodes.NoFace] = (422, "一键修正：没有人脸"),
        [PhotoFixCodes.SeveralFaces] = (422, "一键修正：多张人脸"),
        [PhotoFixCodes.HeadCutOff] = (422, "一键修正：头部不完整"),
        [PhotoFixCodes.BodyCutOff] = (422, "一键修正：肩部不完整"),
        [PhotoFixCodes.BackgroundTooBusy] = (422, "一键修正：背景太杂"),
        [PhotoIssueCodes.Empty] = (422, "空文件"),
        [PhotoIssueCodes.NotJpeg] = (422, "不是 JPG"),
        [PhotoIssueCodes.Corrupt] = (422, "图片损坏"),
        [PhotoIssueCodes.Truncated] = (422, "图片不完整"),
        [PhotoIssueCodes.TooManyPixels] = (422, "像素过多"),
        [PhotoIssueCodes.UploadTooLarge] = (413, "文件过大"),
    };

    public static int StatusOf(string code) =>
        Known.TryGetValue(code, out var known) ? known.Status
        : code.StartsWith("order.", StringComparison.Ordinal) ? 409
        : code.StartsWith("photo.", StringComparison.Ordinal) || code.StartsWith("fix.", StringComparison.Ordinal) ? 422
        : 400;

    /// <summary>The short meaning for the API documentation.</summary>
    public static string MeaningOf(string code) => Known.TryGetValue(code, out var known) ? known.Meaning : code;

    public static IResult Problem(DomainException error) => Problem(error.Code, error.Message);

    /// <summary>RFC 7807 problem details with the stable <c>code</c> beside the Chinese <c>detail</c>.</summary>
    public static IResult Problem(string code, string detail, int? status = null) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status ?? StatusOf(code),
            title: TitleOf(status ?? StatusOf(code)),
            type: "https://photocollect.local/errors/" + code,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>Whole seconds, rounded up: a client that waits exactly this long is not refused again.</summary>
    public static void SetRetryAfter(HttpContext context, TimeSpan retryAfter) =>
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Task WriteAsync(HttpContext context, string code, string detail, int? status = null)
    {
        context.Response.StatusCode = status ?? StatusOf(code);
        return Problem(code, detail, status).ExecuteAsync(context);
    }

    private static string TitleOf(int status) => status switch
    {
        400 => "请求有误",
        401 => "需要登录",
        403 => "无权操作",
        404 => "未找到",
        409 => "当前状态不允许",
        413 => "内容过大",
        415 => "格式不支持",
        422 => "无法处理",
        429 => "请求太频繁",
        502 or 503 => "外部服务暂不可用",
        _ => "请求失败",
    };
}
