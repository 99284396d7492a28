using System.Diagnostics.CodeAnalysis;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Photos;

/// <summary>The outcome of <see cref="QrCodeReader.Read"/>: the decoded text, or why there is none.</summary>
public sealed record QrReadResult
{
    private QrReadResult(string? text, QrReadError? error)
    {
        Text = text;
        Error = error;
    }

    public string? Text { get; }

    public QrReadError? Error { get; }

    [MemberNotNullWhen(true, nameof(Text))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Text is not null;

    public static QrReadResult Success(string text) => new(text, null);

    public static QrReadResult Failure(QrReadError error) => new(null, error);
}

/// <summary>
/// Why no QR text came out of a picture. <see cref="Code"/> is stable (clients switch on it);
/// <see cref="Message"/> is Simplified Chinese and tells the student what to do next.
/// </summary>
public sealed record QrReadError(string Code, string Message)
{
    public static readonly QrReadError NotImage = new(
        "qr.not_image",
        "无法识别该文件：请上传 JPG 或 PNG 格式的图片（学信网“图像采集码”的截图或保存的二维码图片）。");

    public static readonly QrReadError TooLarge = new(
        "qr.too_large",
        $"图片过大（最大 {QrCodeReader.MaxBytes / (1024 * 1024)} MB、{QrCodeReader.MaxPixels / 10_000} 万像素）：请直接截屏或保存二维码图片后重新上传，不要上传原始大图。");

    public static readonly QrReadError Corrupt = new(
        "qr.corrupt",
        "图片文件已损坏或不完整，无法打开：请重新截屏或重新保存二维码图片后再上传。");

    public static readonly QrReadError NotFound = new(
        "qr.not_found",
        "图片中没有找到二维码：请上传学信网“图像采集码”的截图或保存的二维码图片，二维码要完整、清晰，不要被遮挡或裁掉。");

    public static readonly QrReadError Unreadable = new(
        "qr.unreadable",
        "找到了二维码，但无法读取其中的内容：二维码可能被遮挡、模糊或有污损。请在学信网重新打开“图像采集码”，截取清晰完整的二维码后再上传。");

    /// <summary>For callers that report domain errors by exception.</summary>
    public DomainException ToException() => new(Code, Message);
}
