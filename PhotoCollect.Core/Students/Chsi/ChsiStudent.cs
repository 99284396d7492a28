using System.Globalization;
using System.Text;

namespace PhotoCollect.Core.Students.Chsi;

/// <summary>
/// The student details a 学信网 image-collection code (采集码) carries, named after the fields
/// of the mini program's 学生个人信息填写 form. They become a <see cref="StudentRecord"/> once
/// the student confirms. <see cref="IdNumber"/> is the full number: it stays on the server and
/// is shown only through <see cref="Masking.IdNumber"/>.
/// </summary>
public sealed record ChsiStudent
{
    private const int MinGraduationYear = 1950;
    private const int MaxGraduationYear = 2100;

    /// <summary>学信网学籍编号, CHSI's own id for the student.</summary>
    public required string ChsiStudentId { get; init; }

    /// <summary>姓名.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// 证件号: an 18-character resident ID number (GB 11643, check character verified; also
    /// the residence permits of Hong Kong, Macao and Taiwan residents) or another document's
    /// number — 6 to 20 letters and digits ending in four digits (the last may be X), so the
    /// holder check on the last four is always possible.
    /// </summary>
    public required string IdNumber { get; init; }

    /// <summary>学校.</summary>
    public required string SchoolName { get; init; }

    /// <summary>院校代码 (e.g. 10001), letters and digits.</summary>
    public string? SchoolCode { get; init; }

    /// <summary>学号.</summary>
    public string? StudentNo { get; init; }

    /// <summary>专业/院系.</summary>
    public string? Major { get; init; }

    /// <summary>学历, e.g. 本科, 成人专科.</summary>
    public string? EducationLevel { get; init; }

    /// <summary>学历类别, e.g. 普通全日制, 开放教育.</summary>
    public string? EducationCategory { get; init; }

    /// <summary>毕业年份.</summary>
    public int? GraduationYear { get; init; }

    /// <summary>
    /// The same details with surrounding blanks removed, empty optional fields as null and the
    /// ID number in upper case (a trailing x becomes X).
    /// </summary>
    public ChsiStudent Normalized() => this with
    {
        ChsiStudentId = ChsiStudentId?.Trim() ?? "",
        Name = Name?.Trim() ?? "",
        IdNumber = IdNumber is null ? "" : PersonalDataProtector.NormalizeIdNumber(IdNumber),
        SchoolName = SchoolName?.Trim() ?? "",
        SchoolCode = Optional(SchoolCode),
        StudentNo = Optional(StudentNo),
        Major = Optional(Major),
        EducationLevel = Optional(EducationLevel),
        EducationCategory = Optional(EducationCategory),
    };

    /// <summary>
    /// What is missing or wrong, in Chinese and named by the form's field names; empty when the
    /// details can be stored as a <see cref="StudentRecord"/>. Lengths match the record's columns.
    /// Checks the details as they are: call <see cref="Normalized"/> first for user input.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Text(ChsiStudentId, "学籍编号", 64, required: true);
        Text(Name, "姓名", 50, required: true);
        Text(SchoolName, "学校", 100, required: true);
        Text(SchoolCode, "院校代码", 10, required: false);
        Text(StudentNo, "学号", 40, required: false);
        Text(Major, "专业/院系", 100, required: false);
        Text(EducationLevel, "学历", 40, required: false);
        Text(EducationCategory, "学历类别", 40, required: false);

        if (string.IsNullOrEmpty(IdNumber))
        {
            problems.Add("缺少证件号");
        }
        else if (!IsAcceptableIdNumber(IdNumber))
        {
            problems.Add("证件号格式不正确");
        }

        if (SchoolCode is { Length: > 0 } && !SchoolCode.All(char.IsAsciiLetterOrDigit))
        {
            problems.Add("院校代码只能包含字母和数字");
        }

        if (GraduationYear is < MinGraduationYear or > MaxGraduationYear)
        {
            problems.Add($"毕业年份应在 {MinGraduationYear}–{MaxGraduationYear} 之间");
        }

        return problems;

        void Text(string? value, string label, int maxLength, bool required)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    problems.Add($"缺少{label}");
                }
            }
            else if (value.Length > maxLength)
            {
                problems.Add($"{label}过长（最多 {maxLength} 个字符）");
            }
            else if (value.Any(char.IsControl))
            {
                problems.Add($"{label}含有不可见的控制字符");
            }
        }
    }

    /// <summary>
    /// A resident ID shape (17 digits and a digit or X) must carry a correct check character: a
    /// mistyped resident ID is refused rather than accepted as "another document".
    /// </summary>
    private static bool IsAcceptableIdNumber(string value)
    {
        if (value.Length == 18 && !value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9'))
        {
            return ChineseIdNumber.IsValid(value);
        }

        return value.Length is >= 6 and <= 20
            && value.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
            && IsLastFour(value.AsSpan(value.Length - 4));
    }

    /// <summary>Four digits, the last of which may be X (upper case; normalise first).</summary>
    internal static bool IsLastFour(ReadOnlySpan<char> value) =>
        value.Length == 4
        && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1]) && char.IsAsciiDigit(value[2])
        && (char.IsAsciiDigit(value[3]) || value[3] == 'X');

    // The compiler-generated ToString would print the full ID number into any log line or
    // assertion message that formats this record.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture,
            $"ChsiStudentId = {ChsiStudentId}, Name = {Name}, IdNumber = {Masking.IdNumber(IdNumber)}, SchoolName = {SchoolName}, "
            + $"SchoolCode = {SchoolCode}, StudentNo = {StudentNo}, Major = {Major}, EducationLevel = {EducationLevel}, "
            + $"EducationCategory = {EducationCategory}, GraduationYear = {GraduationYear}");
        return true;
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
