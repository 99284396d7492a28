using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Students.Chsi;
using PhotoCollect.Portal.Cli;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Portal.Cli;

public sealed class ChsiCliTests : IDisposable
{
    private static readonly string IdNumber = TestIdNumbers.Valid;
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(Builders.Now);

    private static IConfiguration ConfiguredKeys() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ChsiCodes:CurrentKeyId"] = "a",
        ["ChsiCodes:Keys:a"] = TestKeys.ChsiKeyA,
    }).Build();

    [Fact]
    public async Task Issue_PrintsACodeThePortalResolves_AndWritesThePng()
    {
        var png = Path.Combine(_folder.Path, "code.png");
        var (exit, output, error) = await RunAsync(ConfiguredKeys(), production: true,
            "chsi", "issue", "--name", "孙小芳", "--id", IdNumber, "--school", "示例理工大学", "--major", "软件工程", "--days", "7", "--out", png);

        Assert.Equal(0, exit);
        Assert.Contains("有效期 7 天", error);
        var resolver = new EmbeddedChsiCodeResolver(Options.Create(TestKeys.ChsiCodes()));
        var resolved = resolver.Resolve(output.Trim(), IdNumber[^4..], _time.GetUtcNow());
        Assert.Equal("软件工程", resolved.Student?.Major);
        Assert.Equal(_time.GetUtcNow().AddDays(7).ToUnixTimeSeconds(), resolved.ExpiresAt?.ToUnixTimeSeconds());
        Assert.Equal(output.Trim(), new QrCodeReader().Read(await File.ReadAllBytesAsync(png)).Text);

        // Never overwrites.
        var again = await RunAsync(ConfiguredKeys(), production: true, "chsi", "issue", "--name", "孙小芳", "--id", IdNumber, "--school", "示例理工大学", "--out", png);
        Assert.Equal(2, again.Exit);
        Assert.Contains("不会覆盖", again.Error);
    }

    [Theory]
    [InlineData(2, "缺少必填选项 --school", "chsi", "issue", "--name", "孙小芳", "--id", "110105200401011231")]
    [InlineData(2, "未知的选项", "chsi", "issue", "--colour", "blue")]
    [InlineData(2, "--days 需要", "chsi", "issue", "--name", "孙", "--id", "1", "--school", "x", "--days", "0")]
    [InlineData(1, "学生信息有误", "chsi", "issue", "--name", "孙小芳", "--id", "12", "--school", "示例理工大学")]
    [InlineData(2, "未知的子命令", "chsi", "decode")]
    public async Task BadArguments_ExplainInChinese(int expectedExit, string message, params string[] args)
    {
        var (exit, output, error) = await RunAsync(ConfiguredKeys(), production: true, args);
        Assert.Equal(expectedExit, exit);
        Assert.Contains(message, error);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task Production_WithoutKeys_Refuses_DevelopmentMakesAKeyFile()
    {
        var empty = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DataFolder"] = _folder.Path }).Build();
        var refused = await RunAsync(empty, production: true, "chsi", "issue", "--name", "孙小芳", "--id", IdNumber, "--school", "示例理工大学");
        Assert.Equal(1, refused.Exit);
        Assert.Contains("ChsiCodes", refused.Error);

        var issued = await RunAsync(empty, production: false, "chsi", "issue", "--name", "孙小芳", "--id", IdNumber, "--school", "示例理工大学");
        Assert.Equal(0, issued.Exit);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "keys", "chsi-codes.json")));
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(IConfiguration configuration, bool production, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ChsiCli.RunAsync(args, configuration, production, _folder.Path, _time, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose() => _folder.Dispose();
}
