using System.Reflection;
using PhotoCollect.Core.Common;
using PhotoCollect.Portal.Api;

namespace PhotoCollect.Tests.Api;

/// <summary>Every error code a feature declares has its HTTP status and meaning in <see cref="ApiErrors"/>.</summary>
public sealed class ErrorCatalogueTests
{
    public static TheoryData<string, string> DeclaredCodes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (owner, code) in Declared())
        {
            data.Add(owner, code);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DeclaredCodes))]
    public void DeclaredCode_HasAnHttpStatus(string owner, string code) =>
        Assert.True(ApiErrors.IsKnown(code), $"{owner}: {code} has no status in ApiErrors");

    [Fact]
    public void DeclaredErrors_HaveChineseMessages_AndOneOwnerPerCode()
    {
        var errors = ErrorTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(DomainError)).Select(f => (t.Name, Error: (DomainError)f.GetValue(null)!)))
            .ToList();

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Error.Message));
        foreach (var group in Declared().GroupBy(d => d.Code))
        {
            Assert.True(group.Select(d => d.Owner).Distinct().Count() == 1, $"{group.Key} is declared by {string.Join(", ", group.Select(d => d.Owner).Distinct())}");
        }
    }

    private static IEnumerable<Type> ErrorTypes() =>
        typeof(DomainError).Assembly.GetTypes().Concat(typeof(ApiErrors).Assembly.GetTypes())
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Errors", StringComparison.Ordinal));

    // The 采集码 and photo-fix errors are typed values of their own (QrReadError.NotFound, …).
    private static IEnumerable<Type> TypedErrorOwners() =>
        [typeof(PhotoCollect.Core.Photos.QrReadError), typeof(PhotoCollect.Core.Students.Chsi.ChsiCodeError), typeof(PhotoCollect.Core.Photos.PhotoFixCodes)];

    private static IEnumerable<(string Owner, string Code)> Declared() =>
        ErrorTypes().Concat(TypedErrorOwners()).SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null) switch
            {
                DomainError error => error.Code,
                string code when f.IsLiteral => code,
                { } typed when f.FieldType == t => t.GetProperty("Code")?.GetValue(typed) as string,
                _ => null,
            })
            .OfType<string>()
            .Distinct()
            .Select(code => (t.Name, code)));
}
