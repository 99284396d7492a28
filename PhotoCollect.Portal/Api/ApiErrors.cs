using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Payments.WeChatPay;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Core.Schools;
using PhotoCollect.Core.Settings;
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
    public static readonly DomainError AuthRequired = new("auth.required", "请先登录（在请求头 Authorization 中携带 Bearer 令牌）。");
    public static readonly DomainError TokenExpired = new("auth.token_expired", "登录已过期，请重新登录。");
    public static readonly DomainError Forbidden = new("auth.forbidden", "无权访问该接口。");
    public static readonly DomainError RateLimited = new("rate_limited", "操作太频繁，请稍后再试。");

    /// <summary>{0}: whole seconds until the limit reopens (the <c>Retry-After</c> value).</summary>
    public static readonly DomainError RateLimitedFor = new(RateLimited.Code, "操作太频繁，请 {0} 秒后再试。");
    public static readonly DomainError RequestInvalid = new("request.invalid", "请求格式有误：请检查提交的参数（JSON 字段名和取值）。");
    public static readonly DomainError FormInvalid = new(RequestInvalid.Code, "上传的表单格式有误或不完整，请重新选择图片后再上传。");
    public static readonly DomainError TooManyFormFields = new(RequestInvalid.Code, "表单字段过多。");

    /// <summary>{0}: the form field's name.</summary>
    public static readonly DomainError FormFieldTooLong = new(RequestInvalid.Code, "表单字段 {0} 过长。");

    /// <summary>{0}: the HTTP method; {1}: the path.</summary>
    public static readonly DomainError NotFound = new("api.not_found", "接口不存在：{0} {1}");

    /// <summary>{0}: the limit in MB.</summary>
    public static readonly DomainError UploadTooLarge = new("upload.too_large", "上传内容过大（最多 {0} MB）：请压缩或换一张图片后重试。");

    /// <summary>The same refusal for a small JSON body; {0}: the limit in KB.</summary>
    public static readonly DomainError RequestTooLarge = new(UploadTooLarge.Code, "请求内容过大（最多 {0} KB）。");

    public static readonly DomainError MultipartRequired = new("upload.multipart_required", "请以 multipart/form-data 方式上传文件（表单字段名 file）。");
    public static readonly DomainError FileRequired = new("upload.file_required", "没有收到文件：请在表单字段 file 中上传图片。");
    public static readonly DomainError InvalidSource = new("upload.invalid_source", "source 只能是 Camera、Album 或 AutoFixed。");

    private static readonly Dictionary<string, (int Status, string Meaning)> Known = new(StringComparer.Ordinal)
    {
        [AuthRequired.Code] = (401, "未登录或登录凭证无效"),
        [TokenExpired.Code] = (401, "登录已过期"),
        [Forbidden.Code] = (403, "无权访问"),
        [RateLimited.Code] = (429, "请求太频繁"),
        [RequestInvalid.Code] = (400, "请求格式有误"),
        [NotFound.Code] = (404, "接口不存在"),
        [UploadTooLarge.Code] = (413, "上传内容过大"),
        [MultipartRequired.Code] = (415, "需要 multipart/form-data 上传"),
        [FileRequired.Code] = (400, "缺少上传文件"),
        [InvalidSource.Code] = (400, "照片来源取值无效"),

        [StudentErrors.LoginCodeRequired.Code] = (400, "缺少 wx.login 的 code"),
        [StudentErrors.AccountNotFound.Code] = (401, "账号不存在，需要重新登录"),
        [StudentErrors.ConsentRequired.Code] = (403, "尚未同意当前版本的个人信息收集与使用说明"),
        [StudentErrors.ConsentOutdated.Code] = (409, "同意的不是当前版本的说明"),
        [StudentErrors.InvalidNickname.Code] = (400, "昵称无效"),
        [StudentErrors.InvalidEmail.Code] = (400, "电子邮箱无效"),
        [StudentErrors.InvalidPhone.Code] = (400, "手机号无效"),
        [StudentErrors.PhoneCodeRequired.Code] = (400, "缺少手机号授权 code"),
        [StudentErrors.AvatarInvalid.Code] = (422, "头像图片无效"),
        [StudentErrors.AvatarNotFound.Code] = (404, "没有头像"),

        [WeChatErrors.InvalidLoginCode.Code] = (400, "微信 code 无效、过期或已使用：重新调用 wx.login（或重新授权手机号）后再试"),
        [WeChatErrors.RateLimited.Code] = (429, "微信接口限流（按分钟计），带 Retry-After"),
        [WeChatErrors.RiskyUser.Code] = (403, "微信判定为风险用户"),
        [WeChatErrors.Failed.Code] = (502, "微信拒绝了本服务的调用（配置问题，请联系分社）"),
        [WeChatErrors.Unavailable.Code] = (503, "暂时无法连接微信，或同时调用微信的人太多，可带 Retry-After：稍后用新的 code 重试"),

        [BatchErrors.CodeInvalid.Code] = (400, "特征码格式不对"),
        [BatchErrors.CodeNotFound.Code] = (404, "特征码不存在"),
        [BatchErrors.TypeMismatch.Code] = (409, "特征码与所选采集类型不符"),
        [BatchErrors.Closed.Code] = (409, "批次已关闭"),
        [BatchErrors.Archived.Code] = (409, "批次已归档，订单不能再修改"),
        [BatchErrors.Expired.Code] = (409, "批次已过截止时间"),
        [BatchErrors.NotYetOpen.Code] = (409, "批次尚未开始"),
        [BatchErrors.Invalid.Code] = (400, "批次信息填写有误"),
        [BatchErrors.NegativePrice.Code] = (400, "批次价格无效"),
        [BatchErrors.CannotClose.Code] = (409, "批次当前状态不允许该操作"),
        [BatchErrors.DeadlinePassed.Code] = (409, "批次已过截止时间，需先延后截止时间"),
        [BatchErrors.Concurrency.Code] = (409, "批次已被他人修改"),
        [BatchErrors.SchoolNotAllowed.Code] = (403, "无权为该学校管理批次"),
        [BatchErrors.Forbidden.Code] = (403, "无权归档批次"),
        [BatchErrors.FeatureCodeExhausted.Code] = (503, "生成特征码失败，请重试"),
        [BatchErrors.PriceLocked.Code] = (409, "已有学生支付，价格不能修改"),

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
        [ChsiCodeError.InvalidStudent.Code] = (400, "测试采集码的学生信息有误（仅管理端）"),

        [OrderErrors.NotFound.Code] = (404, "订单不存在（或不属于当前学生）"),
        [OrderErrors.PhotoNotFound.Code] = (404, "照片不存在"),
        [OrderErrors.ConcurrentChange.Code] = (409, "订单同时被修改，需刷新重试"),
        [OrderErrors.DuplicateLiveOrder.Code] = (409, "该学生在本批次已有订单"),
        [OrderErrors.InvalidTransition.Code] = (409, "当前状态不能进行该操作"),
        [OrderErrors.PhotoLocked.Code] = (409, "当前状态不能更换照片"),
        [OrderErrors.PhotoRequired.Code] = (409, "还没有照片"),
        [OrderErrors.PhotoFailedCheck.Code] = (409, "当前照片未通过检测"),
        [OrderErrors.NewPhotoRequired.Code] = (409, "重新提交前需上传新照片"),
        [OrderErrors.SubmissionLimit.Code] = (409, "已达最多提交次数"),
        [OrderErrors.RevealForbidden.Code] = (403, "只有管理员可以查看完整证件号（后台）"),
        [OrderErrors.ReasonsRequired.Code] = (400, "驳回时未选择原因（后台）"),
        [OrderErrors.NotPaid.Code] = (409, "订单未支付，无需退款（后台）"),
        [OrderErrors.PaidMustRefund.Code] = (409, "已支付的订单需退款而不是取消"),
        [OrderErrors.AlreadyExported.Code] = (409, "已导出的订单不能退款（后台）"),
        [OrderErrors.AmountMismatch.Code] = (409, "支付金额与订单金额不一致（支付回调）"),

        [PaymentErrors.Disabled.Code] = (503, "本站未开通在线支付（生产环境未设置 WeChatPay:Enabled）"),
        [PaymentErrors.NotifyRetry.Code] = (503, "支付回调与并发修改反复冲突：微信支付稍后重试（回调）"),
        [PaymentErrors.Unavailable.Code] = (503, "暂时无法连接微信支付（超时或微信支付 5xx）：稍后重试"),
        [PaymentErrors.Rejected.Code] = (502, "微信支付拒绝了请求（4xx，微信的错误码在消息中）"),
        [PaymentErrors.Unverified.Code] = (502, "微信支付的应答或回调未通过签名验证"),
        [PaymentErrors.Undecryptable.Code] = (400, "微信支付回调的加密数据无法解密"),
        [PaymentErrors.NotFound.Code] = (404, "微信支付中没有该订单或退款"),
        [PaymentErrors.BillNotReady.Code] = (409, "交易账单尚未生成（次日 10 点后）"),
        [PaymentErrors.BillInvalid.Code] = (502, "交易账单的哈希不符或无法解析"),

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

        // Staff-only (portal): the review workspace and the rejection-reason catalogue.
        [ReviewErrors.Stale.Code] = (409, "审核期间订单已变化"),
        [ReviewErrors.ClaimedByOther.Code] = (409, "订单正由其他审核员审核"),
        [ReviewErrors.UnknownReason.Code] = (400, "驳回原因不存在或已停用"),
        [ReviewErrors.CommentTooLong.Code] = (400, "审核备注过长"),
        [ReviewErrors.NotReviewer.Code] = (403, "只有审核员或管理员可以审核"),
        [ReviewErrors.ReasonNotFound.Code] = (404, "驳回原因不存在"),
        [ReviewErrors.ReasonInvalid.Code] = (400, "驳回原因填写有误"),
        [ReviewErrors.ReasonDuplicate.Code] = (409, "驳回原因代码已存在"),

        // Portal-only codes: listed so that every code has a status.
        [IdentityErrors.UserNotFound.Code] = (404, "账号不存在"),
        [IdentityErrors.Invalid.Code] = (400, "账号信息有误"),
        [IdentityErrors.EmailTaken.Code] = (409, "邮箱已被使用"),
        [IdentityErrors.SelfRole.Code] = (409, "不能修改或停用自己的账号"),
        [IdentityErrors.LastAdmin.Code] = (409, "最后一个启用的管理员"),
        [SchoolErrors.NotFound.Code] = (404, "分社或学校不存在"),
        [SchoolErrors.Invalid.Code] = (400, "分社或学校信息有误"),
        [SchoolErrors.Duplicate.Code] = (409, "分社或学校重名"),
        [SettingsErrors.Invalid.Code] = (400, "设置有误"),
    };

    public static int StatusOf(string code) =>
        Known.TryGetValue(code, out var known) ? known.Status
        : code.StartsWith("order.", StringComparison.Ordinal) ? 409
        : code.StartsWith("photo.", StringComparison.Ordinal) || code.StartsWith("fix.", StringComparison.Ordinal) ? 422
        : 400;

    /// <summary>Whether <paramref name="code"/> has its own status and meaning here (not the prefix fallback).</summary>
    public static bool IsKnown(string code) => Known.ContainsKey(code);

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
        context.Response.Headers.RetryAfter = WholeSeconds(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The refusal of a rate limit that reopens in <paramref name="retryAfter"/>, carrying it for the header.</summary>
    public static DomainException TooManyRequests(TimeSpan retryAfter) =>
        new(RateLimitedFor, WholeSeconds(retryAfter)) { RetryAfter = retryAfter };

    private static int WholeSeconds(TimeSpan value) => Math.Max(1, (int)Math.Ceiling(value.TotalSeconds));

    /// <summary>Writes an error that has no placeholders; <paramref name="status"/> overrides the code's usual status.</summary>
    public static Task WriteAsync(HttpContext context, DomainError error, int? status = null) => WriteAsync(context, error.Code, error.Message, status);

    public static Task WriteAsync(HttpContext context, DomainException error) => WriteAsync(context, error.Code, error.Message, null);

    /// <summary>The refusal of a body over <paramref name="limit"/> bytes: in MB for uploads, in KB for small JSON bodies.</summary>
    public static DomainException TooLarge(long limit) =>
        limit >= 1024 * 1024
            ? new DomainException(UploadTooLarge, limit / (1024 * 1024))
            : new DomainException(RequestTooLarge, limit / 1024);

    private static Task WriteAsync(HttpContext context, string code, string detail, int? status)
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
