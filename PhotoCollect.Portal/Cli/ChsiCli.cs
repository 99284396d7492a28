using System.Globalization;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Students.Chsi;

namespace PhotoCollect.Portal.Cli;

/// <summary>
/// <c>chsi issue</c>: makes a 学信网 image-collection code (采集码) in the embedded format for
/// training, demos and tests, with the portal's own keys (configuration, or outside Production the
/// development key file in the data folder). Prints the QR text; <c>--out</c> also writes the PNG.
/// </summary>
public static class ChsiCli
{
    public const string Verb = "chsi";

    public const string Usage = """
        用法：
          chsi issue --name <姓名> --id <证件号> --school <学校> [选项]
              生成测试用的学信网图像采集码（嵌入格式，使用门户的密钥），在标准输出打印二维码内容。
          选项：
            --chsi-id <学籍编号>   学信网学籍编号（默认随机生成）
            --school-code <代码>   院校代码
            --student-no <学号>    学号
            --major <专业>         专业/院系
            --level <学历>         学历，例如 本科
            --category <类别>      学历类别，例如 普通全日制
            --year <年份>          毕业年份
            --days <天数>          有效天数（默认使用 ChsiCodes:DefaultValidity）
            --out <文件.png>       同时保存二维码图片（不会覆盖已有文件）
        退出码：0 成功；1 无法生成；2 用法错误。

        """;

    private static readonly Dictionary<string, string> OptionNames = new(StringComparer.Ordinal)
    {
        ["--name"] = "name", ["--id"] = "id", ["--school"] = "school", ["--chsi-id"] = "chsi-id", ["--school-code"] = "school-code",
        ["--student-no"] = "student-no", ["--major"] = "major", ["--level"] = "level", ["--category"] = "category",
        ["--year"] = "year", ["--days"] = "days", ["--out"] = "out",
    };

    public static bool IsCliInvocation(string[] args) => args is [Verb, ..];

    /// <summary>Runs with the portal's configuration, in the current folder as the portal's content root.</summary>
    public static Task<int> RunAsync(string[] args)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production;
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return RunAsync(args, configuration, environment == Environments.Production, Directory.GetCurrentDirectory(), TimeProvider.System, Console.Out, Console.Error);
    }

    /// <summary>
    /// Runs with the keys of the portal at <paramref name="contentRoot"/>. A relative <c>--out</c> is
    /// resolved against <paramref name="workingDirectory"/>, by default the folder the command was
    /// run from (<see cref="CallerDirectory"/>), not the content root.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args, IConfiguration configuration, bool production, string contentRoot, TimeProvider time, TextWriter output, TextWriter error, string? workingDirectory = null)
    {
        if (args is [Verb, "help" or "-h" or "--help", ..])
        {
            await output.WriteAsync(Usage);
            return PhotoCli.ExitOk;
        }

        if (args is not [Verb, "issue", .. var rest])
        {
            return await UsageErrorAsync(error, "未知的子命令：请使用 chsi issue。");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < rest.Length; i++)
        {
            if (!OptionNames.TryGetValue(rest[i], out var name))
            {
                return await UsageErrorAsync(error, $"未知的选项：{rest[i]}。");
            }

            if (i + 1 >= rest.Length)
            {
                return await UsageErrorAsync(error, $"选项 {rest[i]} 缺少取值。");
            }

            values[name] = rest[++i];
        }

        foreach (var required in new[] { "name", "id", "school" })
        {
            if (!values.ContainsKey(required))
            {
                return await UsageErrorAsync(error, $"缺少必填选项 --{required}。");
            }
        }

        int? year = null;
        if (values.TryGetValue("year", out var yearText))
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedYear))
            {
                return await UsageErrorAsync(error, "--year 需要四位数字年份。");
            }

            year = parsedYear;
        }

        TimeSpan? validity = null;
        if (values.TryGetValue("days", out var daysText))
        {
            if (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 3650)
            {
                return await UsageErrorAsync(error, "--days 需要 1 到 3650 之间的整数。");
            }

            validity = TimeSpan.FromDays(days);
        }

        var outPath = values.GetValueOrDefault("out") is { } typed ? TypedPath.Resolve(typed, workingDirectory ?? CallerDirectory.Current) : null;
        if (outPath is not null && File.Exists(outPath.Full))
        {
            return await UsageErrorAsync(error, $"输出文件已存在，不会覆盖：{outPath.AsTyped}");
        }

        ChsiCodeIssuer issuer;
        try
        {
            issuer = new ChsiCodeIssuer(Options.Create(LoadOptions(configuration, production, contentRoot)));
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync($"无法读取采集码密钥：{e.Message}");
            return PhotoCli.ExitFailed;
        }

        var student = new ChsiStudent
        {
            ChsiStudentId = values.GetValueOrDefault("chsi-id") ?? "T" + string.Concat(Enumerable.Range(0, 15).Select(_ => (char)('0' + System.Security.Cryptography.RandomNumberGenerator.GetInt32(10)))),
            Name = values["name"],
            IdNumber = values["id"],
            SchoolName = values["school"],
            SchoolCode = values.GetValueOrDefault("school-code"),
            StudentNo = values.GetValueOrDefault("student-no"),
            Major = values.GetValueOrDefault("major"),
            EducationLevel = values.GetValueOrDefault("level"),
            EducationCategory = values.GetValueOrDefault("category"),
            GraduationYear = year,
        };

        string text;
        try
        {
            text = issuer.Issue(student, time.GetUtcNow(), validity);
        }
        catch (DomainException e)
        {
            await error.WriteLineAsync(e.Message);
            return PhotoCli.ExitFailed;
        }

        if (outPath is not null)
        {
            var full = outPath.Full;
            var temp = full + ".tmp-" + Guid.NewGuid().ToString("N");
            await File.WriteAllBytesAsync(temp, ChsiCodeIssuer.RenderPng(text));
            try
            {
                File.Move(temp, full, overwrite: false);
            }
            catch (IOException)
            {
                File.Delete(temp);
                await error.WriteLineAsync($"输出文件已存在，不会覆盖：{outPath.AsTyped}");
                return PhotoCli.ExitFailed;
            }

            await error.WriteLineAsync($"二维码图片已保存：{full}");
        }

        await output.WriteLineAsync(text);
        await error.WriteLineAsync($"学籍编号 {student.ChsiStudentId}，证件号后四位 {student.IdNumber.Trim()[^4..]}，有效期 {(validity ?? issuer.DefaultValidity).TotalDays:0} 天。");
        return PhotoCli.ExitOk;
    }

    /// <summary>The same keys the portal uses (<see cref="Hosting.DevelopmentKeys"/>): configured ones, else the development key file.</summary>
    private static ChsiCodeOptions LoadOptions(IConfiguration configuration, bool production, string contentRoot)
    {
        var dataFolder = Path.GetFullPath(configuration["DataFolder"] is { Length: > 0 } folder ? folder : "App_Data", contentRoot);
        return Hosting.DevelopmentKeys.ChsiCodes.Load(configuration, production, dataFolder);
    }

    private static async Task<int> UsageErrorAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync(message);
        await error.WriteLineAsync();
        await error.WriteAsync(Usage);
        return PhotoCli.ExitUsage;
    }
}
