using PhotoCollect.Core.Students;

namespace PhotoCollect.Tests.Infrastructure;

/// <summary>Resident ID numbers for tests that need one the check-digit rule accepts.</summary>
public static class TestIdNumbers
{
    /// <summary>110105 (Beijing Chaoyang), born 2004-01-01, with its GB 11643 check character: 110105200401011237.</summary>
    public static readonly string Valid = WithCheckCharacter("11010520040101123");

    /// <summary>The 17 digits followed by their check character.</summary>
    public static string WithCheckCharacter(string first17) => first17 + ChineseIdNumber.ComputeCheckCharacter(first17);
}
