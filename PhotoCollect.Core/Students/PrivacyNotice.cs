namespace PhotoCollect.Core.Students;

/// <summary>
/// The personal-information notice a student must accept (PIPL: separate consent) before any
/// collection endpoint. Changing the text means a new <see cref="Version"/>, which asks every
/// student to consent again.
/// </summary>
public static class PrivacyNotice
{
    public const string Version = "2026.11";

    public const string Title = "个人信息收集与使用说明";

    public static readonly IReadOnlyList<string> Paragraphs =
    [
        "为完成毕业照片采集并上报学信网，我们将收集你的学籍信息（姓名、证件号、学号、学校、专业、学历、学历类别）、证件照片、手机号和电子邮箱。",
        "证件号加密保存，页面上只显示部分号码；照片只用于学历证书电子注册和学校归档，只有负责审核的分社工作人员可以查看。",
        "信息只在采集、审核、上报所需的期限内保存；采集批次归档后，照片和个人信息会按规定期限删除。",
        "你可以随时在“我的”中查看自己的信息；如需更正或删除，请联系学校老师或分社。",
    ];
}
