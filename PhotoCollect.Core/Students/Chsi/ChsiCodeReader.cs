using PhotoCollect.Core.Common;
using PhotoCollect.Core.Photos;

namespace PhotoCollect.Core.Students.Chsi;

/// <summary>
/// The decoded 学信网 code as shown to the student for confirmation: name and ID number masked.
/// <see cref="CodeText"/> goes back with the confirmation, which resolves it again (it is sealed
/// and expires, so the client cannot alter the details in between).
/// </summary>
public sealed record ChsiCodePreview(
    string CodeText,
    string NameMasked,
    string IdNumberMasked,
    string SchoolName,
    string? SchoolCode,
    string? StudentNo,
    string? Major,
    string? EducationLevel,
    string? EducationCategory,
    int? GraduationYear,
    DateTimeOffset? ExpiresAt);

/// <summary>Reads a 采集码 from an uploaded picture or pasted text and resolves it through <see cref="IChsiCodeResolver"/>.</summary>
public sealed class ChsiCodeReader(QrCodeReader qrCodeReader, IChsiCodeResolver resolver, TimeProvider time)
{
    /// <summary>Longer than any real code; longer text is refused before it is parsed.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>The QR text in <paramref name="image"/>, or the <c>qr.*</c> error why there is none.</summary>
    public string ReadImage(byte[] image)
    {
        var read = qrCodeReader.Read(image);
        return read.Succeeded ? read.Text : throw read.Error.ToException();
    }

    /// <summary>The student in the code after the holder check, or the <c>chsi.*</c> error.</summary>
    public (ChsiStudent Student, DateTimeOffset? ExpiresAt) Resolve(string? codeText, string? idLast4)
    {
        var text = codeText?.Trim() ?? "";
        if (text.Length is 0 or > MaxTextLength)
        {
            throw ChsiCodeError.Malformed.ToException();
        }

        var resolution = resolver.Resolve(text, idLast4 ?? "", time.GetUtcNow());
        return resolution.Succeeded ? (resolution.Student, resolution.ExpiresAt) : throw resolution.Error.ToException();
    }

    public ChsiCodePreview Preview(string? codeText, string? idLast4)
    {
        var (student, expiresAt) = Resolve(codeText, idLast4);
        return new ChsiCodePreview(
            codeText!.Trim(),
            Masking.Name(student.Name),
            Masking.IdNumber(student.IdNumber),
            student.SchoolName,
            student.SchoolCode,
            student.StudentNo,
            student.Major,
            student.EducationLevel,
            student.EducationCategory,
            student.GraduationYear,
            expiresAt);
    }
}
