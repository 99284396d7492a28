using QRCoder;

namespace PhotoCollect.Portal.Components.Batches;

/// <summary>
/// The QR code on a batch notice. It holds the 特征码 itself: the mini program's scan button
/// reads it into the 特征码 field, and any phone scanner shows the code to type.
/// </summary>
public static class BatchNoticeQr
{
    public static byte[] Png(string featureCode, int pixelsPerModule = 10)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(featureCode, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string DataUri(string featureCode) => "data:image/png;base64," + Convert.ToBase64String(Png(featureCode));
}
