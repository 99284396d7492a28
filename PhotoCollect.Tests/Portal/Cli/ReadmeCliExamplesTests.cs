using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Students.Chsi;
using PhotoCollect.Portal.Cli;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Portal.Cli;

/// <summary>
/// The command lines README.md shows (<c>dotnet run --project PhotoCollect.Portal -- …</c> in its
/// bash blocks) run as written through the CLI entry points, from a folder holding real files for
/// the placeholders, with relative paths as a user would type them.
/// </summary>
public sealed partial class ReadmeCliExamplesTests(CliPhotos photos) : IClassFixture<CliPhotos>, IDisposable
{
    private const string Prefix = "dotnet run --project PhotoCollect.Portal -- ";

    /// <summary>What the README's placeholders stand for, in the test's working folder.</summary>
    private static readonly Dictionary<string, string> Placeholders = new(StringComparer.Ordinal)
    {
        ["<files or folders>..."] = "shoot",
        ["<in.jpg>"] = "in.jpg",
        ["<out.jpg>"] = "out.jpg",
    };

    private readonly TempFolder _work = new("pc-readme-cli");
    private readonly TempFolder _data = new("pc-readme-data");

    public static TheoryData<string> Examples => [.. ReadmeExamples()];

    [Fact]
    public void Readme_ShowsPhotoCheckPhotoFixAndChsiIssue()
    {
        var verbs = ReadmeExamples().Select(e => string.Join(' ', e.Split(' ').Take(2))).Distinct();

        Assert.Equal(["photo check", "photo fix", "chsi issue"], verbs);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task ReadmeExample_RunAsWritten_Succeeds(string example)
    {
        _work.Write("shoot/one.jpg", File.ReadAllBytes(Path.Combine(photos.Passing, "one.jpg")));
        _work.Write("in.jpg", File.ReadAllBytes(Path.Combine(photos.Passing, "two.jpeg")));

        foreach (var args in Variants(example))
        {
            var run = args[0] == ChsiCli.Verb ? await RunChsiAsync(args) : await CliRun.RunInAsync(_work.Path, args);

            Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)} → exit {run.ExitCode}\n{run.Output}\n{run.Error}");
            if (args[0] == ChsiCli.Verb)
            {
                AssertCodeResolves(run.Output.Trim(), args);
            }

            // A relative output path lands in the folder the command was typed in.
            var written = args is ["photo", "fix", _, var fixedPhoto] ? fixedPhoto : ValueOf(args, "--out");
            if (written is not null)
            {
                Assert.True(File.Exists(_work.Combine(written)), $"{written} is not in the working folder");
            }
        }
    }

    public void Dispose()
    {
        _work.Dispose();
        _data.Dispose();
    }

    /// <summary>The argument lists after <see cref="Prefix"/>, continuation lines joined, from every bash block of README.md.</summary>
    private static IEnumerable<string> ReadmeExamples()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (Match block in BashBlock().Matches(readme))
        {
            foreach (var line in block.Groups[1].Value.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n'))
            {
                if (line.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    yield return WhiteSpace().Replace(line[Prefix.Length..], " ").Trim();
                }
            }
        }
    }

    /// <summary>The example with its placeholders filled; an optional <c>[--x]</c> is run both without and with it.</summary>
    private static IEnumerable<string[]> Variants(string example)
    {
        var filled = Placeholders.Aggregate(example, (text, p) => text.Replace(p.Key, p.Value, StringComparison.Ordinal));
        var words = filled.Split(' ');
        Assert.DoesNotContain(words, w => w.StartsWith('<'));
        var optional = words.Where(w => w.StartsWith('[')).ToList();
        Assert.True(optional.Count <= 1, $"Teach this test the README's new optional arguments: {example}");
        yield return [.. words.Except(optional)];
        if (optional.Count == 1)
        {
            yield return [.. words.Select(w => w == optional[0] ? w.Trim('[', ']') : w)];
        }
    }

    /// <summary><c>chsi issue</c> as Program.cs runs it, with development keys in a data folder of the test's own.</summary>
    private async Task<CliRun> RunChsiAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("DataFolder", _data.Path)]).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ChsiCli.RunAsync(args, configuration, production: false, _data.Path, TimeProvider.System, output, error, _work.Path);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    private static string? ValueOf(string[] args, string option) =>
        Array.IndexOf(args, option) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private void AssertCodeResolves(string code, string[] args)
    {
        var idNumber = ValueOf(args, "--id")!;
        var keys = DevelopmentKeyFile.LoadOrCreate<ChsiCodeOptions>(Path.Combine(_data.Path, "keys", "chsi-codes.json"), () => throw new InvalidOperationException("no key file"));
        var resolved = new EmbeddedChsiCodeResolver(Options.Create(keys)).Resolve(code, idNumber[^4..], DateTimeOffset.UtcNow);

        Assert.True(resolved.Succeeded, resolved.Error?.Message);
        Assert.Equal(ValueOf(args, "--name"), resolved.Student.Name);
    }

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
