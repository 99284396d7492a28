using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Students;

/// <summary>Errors of the student's own account and details; clients switch on the codes.</summary>
public static class StudentErrors
{
    public static readonly DomainError LoginCodeRequired = new("auth.code_required", "缺少微信登录凭证（wx.login 的 code），请重新登录。");
    public static readonly DomainError AccountNotFound = new("auth.account_not_found", "登录状态已失效，请重新登录。");
    public static readonly DomainError ConsentRequired = new("student.consent_required", "请先阅读并同意《个人信息收集与使用说明》，再开始采集。");
    public static readonly DomainError ConsentOutdated = new("student.consent_outdated", "个人信息收集与使用说明已更新，请重新阅读最新版本后再同意。");

    /// <summary>{0}: the longest nickname allowed.</summary>
    public static readonly DomainError InvalidNickname = new("student.invalid_nickname", "昵称不能为空，最多 {0} 个字。");

    public static readonly DomainError InvalidEmail = new("student.invalid_email", "请填写正确的电子邮箱，例如 name@example.com。");
    public static readonly DomainError InvalidPhone = new("student.invalid_phone", "请填写正确的 11 位手机号码。");
    public static readonly DomainError PhoneCodeRequired = new("student.phone_code_required", "缺少手机号授权凭证，请点击“授权手机号”后重试。");

    // One code for every unusable avatar (the client reacts the same way); the message says what to change.
    public static readonly DomainError AvatarInvalid = new("student.avatar_invalid", "头像图片无法识别：请选择 JPG 或 PNG 格式的完整图片。");

    /// <summary>{0}: the largest file in MB.</summary>
    public static readonly DomainError AvatarTooLarge = new("student.avatar_invalid", "头像图片需为 JPG 或 PNG，且不超过 {0} MB。");

    public static readonly DomainError AvatarOddSize = new("student.avatar_invalid", "头像图片尺寸异常，请换一张图片。");
    public static readonly DomainError AvatarDamaged = new("student.avatar_invalid", "头像图片已损坏或无法打开，请换一张图片。");
    public static readonly DomainError AvatarNotFound = new("student.avatar_not_found", "还没有设置头像。");
}
