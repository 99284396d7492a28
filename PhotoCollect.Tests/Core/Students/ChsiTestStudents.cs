using PhotoCollect.Core.Students.Chsi;

namespace PhotoCollect.Tests.Core.Students;

/// <summary>Student details as 学信网 would hold them; the ID numbers carry correct check characters.</summary>
internal static class ChsiTestStudents
{
    public static ChsiStudent SunXiaofang() => new()
    {
        ChsiStudentId = "CHSI-2024-0000123456",
        Name = "孙小芳",
        IdNumber = "440304200307156721",
        SchoolName = "国家开放大学",
        SchoolCode = "51161",
        StudentNo = "2024440300123",
        Major = "行政管理（24 秋）",
        EducationLevel = "成人专科",
        EducationCategory = "开放教育",
        GraduationYear = 2027,
    };

    /// <summary>An ID number whose check character is X.</summary>
    public static ChsiStudent OuyangNana() => new()
    {
        ChsiStudentId = "CHSI-2023-0000654321",
        Name = "欧阳娜娜",
        IdNumber = "11010520040101127X",
        SchoolName = "北京大学",
        SchoolCode = "10001",
        StudentNo = "2301210456",
        Major = "信息科学技术学院/计算机科学与技术",
        EducationLevel = "本科",
        EducationCategory = "普通全日制",
        GraduationYear = 2027,
    };
}
