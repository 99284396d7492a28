using System.Reflection;
using PhotoCollect.Core.Common;
using PhotoCollect.Portal.Api;

namespace PhotoCollect.Tests.Portal.Hosting;

/// <summary>Every error Core declares answers with a status of its own choosing, not the fallback.</summary>
public sealed class ErrorStatusTests
{
    [Fact]
    public void EveryDeclaredErrorCode_HasAnEntryInApiErrors()
    {
        // DomainError fields of the XxxErrors classes, and the records shaped like them (ChsiCodeError, QrReadError).
        var codes = typeof(DomainError).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => f.IsInitOnly && f.FieldType.Name.EndsWith("Error", StringComparison.Ordinal)
                && f.FieldType.GetProperty("Code")?.PropertyType == typeof(string))
            .Select(f => (string)f.FieldType.GetProperty("Code")!.GetValue(f.GetValue(null))!)
            .Distinct()
            .ToList();

        Assert.Contains("user.last_admin", codes);
        Assert.DoesNotContain(codes, code => ApiErrors.MeaningOf(code) == code);
    }
}
