namespace PhotoCollect.Core.Students;

/// <summary>
/// 学籍信息 decoded from the student's 学信网 code. The ID number is never stored in clear:
/// see <see cref="PersonalDataProtector"/>.
/// </summary>
public sealed class StudentRecord
{
    public long Id { get; set; }
    public long StudentAccountId { get; set; }
    public StudentAccount? StudentAccount { get; set; }

    /// <summary>CHSI's own id for the student (学信网学籍编号).</summary>
    public required string ChsiStudentId { get; set; }

    public required string Name { get; set; }

    /// <summary>AES-256-GCM ciphertext with its key id, as written by <see cref="PersonalDataProtector.Protect"/>.</summary>
    public required string IdNumberCipher { get; set; }

    /// <summary>HMAC-SHA256 blind index for exact lookups.</summary>
    public required string IdNumberIndex { get; set; }

    /// <summary>The masked form (<see cref="Masking.IdNumber"/>) kept for lists that must not decrypt.</summary>
    public required string IdNumberMasked { get; set; }

    public required string SchoolName { get; set; }
    public string? SchoolCode { get; set; }
    public string? StudentNo { get; set; }
    public string? Major { get; set; }

    /// <summary>学历, e.g. 本科, 成人专科.</summary>
    public string? EducationLevel { get; set; }

    /// <summary>学历类别, e.g. 普通全日制, 开放教育.</summary>
    public string? EducationCategory { get; set; }

    public int? GraduationYear { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
