using System.Reflection;

namespace PhotoCollect.Core.Audit;

/// <summary>
/// What an audit event records: the stable dotted code stored in the log and the Chinese name
/// staff read. Declared once per feature in an <c>XxxAuditActions</c> class, so an action cannot
/// be written without its display name.
/// </summary>
public sealed record AuditAction(string Code, string DisplayName)
{
    private static readonly Lazy<IReadOnlyDictionary<string, AuditAction>> Declared = new(FindDeclared);

    /// <summary>Every action declared in this assembly's <c>XxxAuditActions</c> classes, by code.</summary>
    public static IReadOnlyDictionary<string, AuditAction> All => Declared.Value;

    private static IReadOnlyDictionary<string, AuditAction> FindDeclared() =>
        typeof(AuditAction).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("AuditActions", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(AuditAction))
            .Select(f => (AuditAction)f.GetValue(null)!)
            .ToDictionary(a => a.Code, StringComparer.Ordinal);
}
