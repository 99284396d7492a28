using System.Diagnostics.CodeAnalysis;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Students.Chsi;

/// <summary>The outcome of <see cref="IChsiCodeResolver.Resolve"/>: the student's details, or why there are none.</summary>
public sealed record ChsiResolution
{
    private ChsiResolution(ChsiStudent? student, DateTimeOffset? expiresAt, ChsiCodeError? error)
    {
        Student = student;
        ExpiresAt = expiresAt;
        Error = error;
    }

    /// <summary>The decoded details, with the full ID number: mask it (<see cref="Masking.IdNumber"/>) before it leaves the server.</summary>
    public ChsiStudent? Student { get; }

    /// <summary>When the code stops being accepted, if the format says.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    public ChsiCodeError? Error { get; }

    [MemberNotNullWhen(true, nameof(Student))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Student is not null;

    public static ChsiResolution Success(ChsiStudent student, DateTimeOffset? expiresAt) => new(student, expiresAt, null);

    public static ChsiResolution Failure(ChsiCodeError error) => new(null, null, error);
}

/// <summary>
/// Why a 采集码 gave no student details. <see cref="Code"/> is stable (clients switch on it);
/// <see cref="Message"/> is Simplified Chinese and tells the student what to do next.
/// </summary>
public sealed record ChsiCodeError(string Code, string Message)
{
    public static readonly ChsiCodeError InvalidLast4 = new(
        "chsi.invalid_last4",
        "请输入证件号的后四位：4 位数字，最后一位可以是 X。");

    public static readonly ChsiCodeError Malformed = new(
        "chsi.malformed",
        "这不是学信网图像采集码：请登录学信网（学信档案），打开“图像采集码”页面，上传该页面的截图或保存的二维码图片，不要上传其他二维码。");

    public static readonly ChsiCodeError UnknownKey = new(
        "chsi.unknown_key",
        "无法识别这个采集码的签发方，可能是已停用的旧采集码：请在学信网重新下载图像采集码后再上传；仍然不行请联系学校老师或分社。");

    public static readonly ChsiCodeError Tampered = new(
        "chsi.tampered",
        "采集码校验未通过，内容可能被修改或损坏：请在学信网重新下载图像采集码，直接上传截图或保存的原图，不要编辑、裁剪拼接或美化图片。");

    public static readonly ChsiCodeError Expired = new(
        "chsi.expired",
        "采集码已过期：请在学信网重新下载图像采集码后再上传。");

    public static readonly ChsiCodeError InvalidContent = new(
        "chsi.invalid_content",
        "采集码中的学籍信息不完整或有误，无法用于采集：请联系学校老师或分社核实学籍信息。");

    public static readonly ChsiCodeError HolderMismatch = new(
        "chsi.holder_mismatch",
        "证件号后四位与采集码不一致：请核对后重新输入（最后一位是 X 的请输入 X），并确认上传的是本人的图像采集码。");

    /// <summary>
    /// Not a resolution failure: the issuer (admin page 测试采集码, CLI) was given details it cannot
    /// seal into a code. {0}: the problems found, joined.
    /// </summary>
    public static readonly DomainError InvalidStudent = new("chsi.invalid_student", "学生信息有误，无法生成采集码：{0}。");

    /// <summary>For callers that report domain errors by exception.</summary>
    public DomainException ToException() => new(Code, Message);
}
