using Bunit;
using Microsoft.AspNetCore.Components;
using PhotoCollect.Core.Orders;
using PhotoCollect.Portal.Components.Orders;

namespace PhotoCollect.Tests.Portal.Orders;

public sealed class StudentFactsTests
{
    private static readonly OrderStudent Student = new(
        "孙小芳", "CHSI000001", "1101**********1234", "示例大学", "10001", "202300001", "计算机学院", "本科", "普通全日制", 2027, "sun@example.com", "138****0000");

    [Fact]
    public async Task Render_Compact_StudentRowsThenTheCallersRows()
    {
        await using var ctx = new BunitContext();

        var cut = ctx.Render<StudentFacts>(p => p
            .Add(x => x.Student, Student)
            .Add(x => x.TestId, "review-student")
            .AddChildContent("<dt>批次</dt><dd>2027届</dd>"));

        Assert.Equal("孙小芳", cut.Find("[data-testid=review-student-name]").TextContent);
        Assert.Equal("1101**********1234", cut.Find("[data-testid=review-student-id-number]").TextContent);
        var labels = cut.FindAll("[data-testid=review-student] dt").Select(d => d.TextContent).ToList();
        Assert.Equal(["姓名", "学号", "证件号", "学校", "专业/院系", "学历", "批次"], labels);
        Assert.DoesNotContain("sun@example.com", cut.Markup);
    }

    [Fact]
    public async Task Render_DetailedWithRevealedNumber_ShowsContactsAndTheFullNumber()
    {
        await using var ctx = new BunitContext();

        var cut = ctx.Render<StudentFacts>(p => p
            .Add(x => x.Student, Student)
            .Add(x => x.Detailed, true)
            .Add(x => x.RevealedIdNumber, "110105200401011234")
            .Add(x => x.IdNumberAction, (RenderFragment)(b => b.AddMarkupContent(0, "<button data-testid=\"reveal-id\">查看</button>"))));

        Assert.Equal("110105200401011234", cut.Find("[data-testid=student-id-number]").TextContent);
        Assert.Single(cut.FindAll("[data-testid=reveal-id]"));
        Assert.Contains("sun@example.com", cut.Markup);
        Assert.Contains("示例大学（10001）", cut.Markup);
        Assert.Contains("CHSI000001", cut.Markup);
    }
}
