using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Students.Chsi;
using PhotoCollect.Portal.Components.Admin;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Portal.Admin;

public sealed class ChsiTestCodePageTests
{
    [Fact]
    public async Task Issue_ShowsAReadableQr_AndAuditsIt()
    {
        await using var services = await TestServices.CreateAsync();
        await using var ctx = CreateContext(services);

        var cut = ctx.Render<ChsiTestCodePage>();
        Fill(cut, "chsi-name", "孙小芳");
        var idNumber = TestIdNumbers.Valid;
        var last4 = idNumber[^4..];
        Fill(cut, "chsi-id", idNumber);
        Fill(cut, "chsi-school", "示例理工大学");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=chsi-result]"));
        var src = cut.Find("[data-testid=chsi-qr]").GetAttribute("src")!;
        Assert.StartsWith("data:image/png;base64,", src);
        Assert.Equal(src, cut.Find("[data-testid=chsi-download]").GetAttribute("href"));
        Assert.Equal(last4, cut.Find("[data-testid=chsi-last4]").TextContent);

        // The PNG is what a student uploads: it decodes and resolves to the details typed in.
        var png = Convert.FromBase64String(src["data:image/png;base64,".Length..]);
        var text = new QrCodeReader().Read(png);
        Assert.True(text.Succeeded);
        var resolved = new EmbeddedChsiCodeResolver(Options.Create(TestKeys.ChsiCodes())).Resolve(text.Text, last4, services.Time.GetUtcNow());
        Assert.Equal("孙小芳", resolved.Student?.Name);

        await using var db = services.Database.CreateDbContext();
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "chsi.test_code_issued");
        Assert.Equal($"孙*芳，证件号 110105********{last4}，示例理工大学，有效 30 天", audit.Details);
        Assert.Equal(ActorKind.Staff, audit.ActorKind);
    }

    [Fact]
    public async Task Issue_WithBadIdNumber_ShowsTheReason_AndIssuesNothing()
    {
        await using var services = await TestServices.CreateAsync();
        await using var ctx = CreateContext(services);

        var cut = ctx.Render<ChsiTestCodePage>();
        Fill(cut, "chsi-name", "孙小芳");
        var valid = TestIdNumbers.Valid;
        Fill(cut, "chsi-id", valid[..17] + (valid[17] == '0' ? '1' : '0'));
        Fill(cut, "chsi-school", "示例理工大学");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("学生信息有误", cut.Find("[data-testid=chsi-error]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=chsi-result]"));
        await using var db = services.Database.CreateDbContext();
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Action == "chsi.test_code_issued"));
    }

    private static void Fill(IRenderedComponent<ChsiTestCodePage> cut, string testId, string value) =>
        cut.Find($"input[data-testid={testId}], [data-testid={testId}] input").Change(value);

    private static BunitContext CreateContext(TestServices services)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        foreach (var type in new[] { typeof(ChsiCodeIssuer), typeof(AuditLogService), typeof(TimeProvider), typeof(ISecureRandom) })
        {
            ctx.Services.AddSingleton(type, services.Provider.GetRequiredService(type));
        }

        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("管理员");
        auth.SetRoles(Roles.Admin);
        return ctx;
    }
}
