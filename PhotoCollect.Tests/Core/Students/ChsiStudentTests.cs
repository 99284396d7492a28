using PhotoCollect.Core.Students.Chsi;

namespace PhotoCollect.Tests.Core.Students;

public sealed class ChsiStudentTests
{
    [Fact]
    public void Validate_CompleteDetails_NoProblems()
    {
        Assert.Empty(ChsiTestStudents.SunXiaofang().Validate());
        Assert.Empty(ChsiTestStudents.OuyangNana().Validate());
    }

    [Fact]
    public void Validate_OnlyRequiredFields_NoProblems() =>
        Assert.Empty(new ChsiStudent { ChsiStudentId = "1", Name = "李雷", IdNumber = "110105200401011237", SchoolName = "北京大学" }.Validate());

    [Fact]
    public void Validate_MissingRequiredFields_NamedLikeTheForm()
    {
        var problems = new ChsiStudent { ChsiStudentId = " ", Name = "", IdNumber = "", SchoolName = "" }.Validate();

        Assert.Equal(["缺少学籍编号", "缺少姓名", "缺少学校", "缺少证件号"], problems);
    }

    [Theory]
    [InlineData("440304200307156721")] // resident ID
    [InlineData("11010520040101127X")] // check character X
    [InlineData("810000200301010024")] // Hong Kong residence permit, same numbering
    [InlineData("H12345678")] // Mainland Travel Permit for Hong Kong residents
    [InlineData("E12345678")] // passport
    [InlineData("ABC123456789")] // older permanent residence card shape
    public void Validate_AcceptedDocumentNumbers(string idNumber) =>
        Assert.Empty((ChsiTestStudents.SunXiaofang() with { IdNumber = idNumber }).Validate());

    [Theory]
    [InlineData("440304200307156722")] // resident ID shape with a wrong check character: a typo, not another document
    [InlineData("44030420030715672A")]
    [InlineData("12345")] // too short
    [InlineData("A1234567890123456789012")] // too long
    [InlineData("E1234567A")] // last four must allow the holder check
    [InlineData("E-12345678")]
    [InlineData("E 12345678")]
    public void Validate_RefusedDocumentNumbers(string idNumber) =>
        Assert.Equal(["证件号格式不正确"], (ChsiTestStudents.SunXiaofang() with { IdNumber = idNumber }).Validate());

    [Fact]
    public void Validate_TooLongOrControlCharactersOrBadYear_Explained()
    {
        var student = ChsiTestStudents.SunXiaofang() with
        {
            Name = new string('名', 51),
            Major = "行政\u0000管理",
            SchoolCode = "10-001",
            GraduationYear = 1900,
        };

        Assert.Equal(
            ["姓名过长（最多 50 个字符）", "专业/院系含有不可见的控制字符", "院校代码只能包含字母和数字", "毕业年份应在 1950–2100 之间"],
            student.Validate());
    }

    [Fact]
    public void Normalized_TrimsBlanksEmptiesOptionalAndUpperCasesX()
    {
        var student = new ChsiStudent
        {
            ChsiStudentId = " 42 ",
            Name = " 欧阳娜娜\t",
            IdNumber = " 11010520040101127x ",
            SchoolName = "北京大学 ",
            StudentNo = "  ",
            Major = " 计算机 ",
        }.Normalized();

        Assert.Equal("42", student.ChsiStudentId);
        Assert.Equal("欧阳娜娜", student.Name);
        Assert.Equal("11010520040101127X", student.IdNumber);
        Assert.Equal("北京大学", student.SchoolName);
        Assert.Null(student.StudentNo);
        Assert.Equal("计算机", student.Major);
        Assert.Empty(student.Validate());
    }

    [Fact]
    public void ToString_MasksTheIdNumber()
    {
        var text = ChsiTestStudents.SunXiaofang().ToString();

        Assert.DoesNotContain("440304200307156721", text);
        Assert.Contains("440304********6721", text);
        Assert.Contains("孙小芳", text);
    }
}
