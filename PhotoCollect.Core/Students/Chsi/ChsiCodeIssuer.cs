using Microsoft.Extensions.Options;
using PhotoCollect.Core.Common;
using QRCoder;

namespace PhotoCollect.Core.Students.Chsi;

/// <summary>
/// Issues codes in the embedded 采集码 format (see <see cref="EmbeddedChsiCodeResolver"/>) under
/// the current key, for the admin page 测试采集码 and the CLI: training, demos and tests.
/// Thread-safe.
/// </summary>
public sealed class ChsiCodeIssuer
{
    /// <summary>Module size of <see cref="IssuePng"/>: a code of about 80 modules becomes an image of about 900 px.</summary>
    public const int DefaultPixelsPerModule = 10;

    private readonly ChsiCodeFormat _format;

    public ChsiCodeIssuer(IOptions<ChsiCodeOptions> options)
    {
        _format = new ChsiCodeFormat(options);
    }

    /// <summary>Validity used when <see cref="Issue"/> is given none (<c>ChsiCodes:DefaultValidity</c>).</summary>
    public TimeSpan DefaultValidity => _format.DefaultValidity;

    /// <summary>
    /// The QR text of a code for <paramref name="student"/> (normalised first), valid from
    /// <paramref name="now"/> for <paramref name="validity"/> or <see cref="DefaultValidity"/>.
    /// </summary>
    /// <exception cref="DomainException"><see cref="ChsiCodeError.InvalidStudent"/> when the details could not be stored.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The validity is not positive.</exception>
    public string Issue(ChsiStudent student, DateTimeOffset now, TimeSpan? validity = null)
    {
        ArgumentNullException.ThrowIfNull(student);
        var lifetime = validity ?? _format.DefaultValidity;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero, nameof(validity));

        var normalized = student.Normalized();
        var problems = normalized.Validate();
        if (problems.Count > 0)
        {
            throw new DomainException(ChsiCodeError.InvalidStudent, string.Join("；", problems));
        }

        return _format.Seal(ChsiCodeFormat.Payload.From(normalized, now, now + lifetime));
    }

    /// <summary><see cref="Issue"/> rendered as a PNG QR image (<see cref="RenderPng"/>).</summary>
    public byte[] IssuePng(ChsiStudent student, DateTimeOffset now, TimeSpan? validity = null) =>
        RenderPng(Issue(student, now, validity));

    /// <summary>
    /// A black-on-white PNG of <paramref name="qrText"/> with the quiet zone, error correction
    /// level M (survives a screenshot's scaling and light compression).
    /// </summary>
    public static byte[] RenderPng(string qrText, int pixelsPerModule = DefaultPixelsPerModule)
    {
        ArgumentException.ThrowIfNullOrEmpty(qrText);
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        using var data = QRCodeGenerator.GenerateQrCode(qrText, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }
}
