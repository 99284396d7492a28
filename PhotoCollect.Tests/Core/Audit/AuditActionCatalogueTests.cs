using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Demo;
using PhotoCollect.Core.Identity;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Core.Audit;

/// <summary>An audit action is declared once, with its Chinese name, and nothing writes one that is not declared.</summary>
public sealed class AuditActionCatalogueTests
{
    [Fact]
    public void EveryDeclaredAction_HasUniqueCodeAndChineseName()
    {
        var declared = typeof(AuditAction).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("AuditActions", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields().Where(f => f.FieldType == typeof(AuditAction)).Select(f => (AuditAction)f.GetValue(null)!))
            .ToList();

        Assert.True(declared.Count >= 30, $"only {declared.Count} actions found");
        Assert.Equal(declared.Count, declared.Select(a => a.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(declared.Count, AuditAction.All.Count);
        Assert.All(declared, a =>
        {
            Assert.Matches(@"^[a-z]+(\.[a-z_]+)+$", a.Code);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", a.DisplayName);
            Assert.Equal(a.DisplayName, AuditActionText.ToChinese(a.Code));
        });
    }

    [Fact]
    public async Task EveryActionWrittenBySeedingAndAdministration_IsDeclared()
    {
        await using var services = await TestServices.CreateAsync();
        await using (var scope = services.Provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IdentityBootstrapper>().EnsureAdminAsync();
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }

        await using var db = services.Database.CreateDbContext();
        var written = await db.AuditEvents.Select(e => e.Action).Distinct().ToListAsync();

        Assert.Contains("order.submitted", written);
        Assert.All(written, action => Assert.True(AuditAction.All.ContainsKey(action), $"{action} has no declared display name"));
    }
}
