namespace PhotoCollect.Portal.Cli;

/// <summary>What the command line asked for, before anything touches the disk.</summary>
internal abstract record PhotoCliRequest;

internal sealed record CheckPhotosRequest(IReadOnlyList<string> Paths, bool Json) : PhotoCliRequest;

internal sealed record FixPhotoRequest(string Input, string Output) : PhotoCliRequest;

internal sealed record ShowUsageRequest : PhotoCliRequest;

internal sealed record UsageErrorRequest(string Message) : PhotoCliRequest;

/// <summary>Parses <c>photo check …</c> and <c>photo fix …</c>; every mistake becomes a Chinese message.</summary>
internal static class PhotoCliArguments
{
    public const string Verb = "photo";

    public const string Usage = """
        用法：
          photo check <文件或文件夹>... [--json]
              检查照片是否符合采集规格。文件夹会连同子文件夹一起查找 .jpg / .jpeg 照片；
              直接列出的文件不论扩展名都会检查。
              --json  以 JSON 格式输出每张照片的完整检查报告和汇总。
          photo fix <输入照片> <输出照片>
              自动修正照片（方向、背景、尺寸、人像位置），写入输出文件并显示修正后的检查结果。
              不会覆盖输入照片。
        退出码：0 全部合格；1 有照片不合格、无法读取或无法修正；2 用法错误。

        """;

    public static PhotoCliRequest Parse(IReadOnlyList<string> args)
    {
        if (args.Count < 2)
        {
            return new UsageErrorRequest("缺少子命令：请使用 photo check 或 photo fix。");
        }

        var verb = args[1];
        var rest = args.Skip(2).ToList();
        return verb switch
        {
            "check" => ParseCheck(rest),
            "fix" => ParseFix(rest),
            "help" or "-h" or "--help" => new ShowUsageRequest(),
            _ => new UsageErrorRequest($"未知的子命令：{verb}。"),
        };
    }

    private static PhotoCliRequest ParseCheck(List<string> args) =>
        Split(args, ["--json"]) switch
        {
            { Refusal: { } refusal } => refusal,
            { Paths.Count: 0 } => new UsageErrorRequest("请指定要检查的照片文件或文件夹。"),
            var split => new CheckPhotosRequest(split.Paths, split.Flags.Contains("--json")),
        };

    private static PhotoCliRequest ParseFix(List<string> args) =>
        Split(args, []) switch
        {
            { Refusal: { } refusal } => refusal,
            { Paths: [var input, var output] } => new FixPhotoRequest(input, output),
            _ => new UsageErrorRequest("photo fix 需要两个路径：输入照片和输出照片。"),
        };

    /// <summary>
    /// Paths and the <paramref name="known"/> flags given; <c>--</c> ends the options (so a file may
    /// start with '-'), help wins, and any other option is a usage error.
    /// </summary>
    private static SplitArguments Split(List<string> args, string[] known)
    {
        var paths = new List<string>();
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var optionsEnded = false;
        foreach (var arg in args)
        {
            if (optionsEnded || !arg.StartsWith('-'))
            {
                paths.Add(arg);
            }
            else if (arg == "--")
            {
                optionsEnded = true;
            }
            else if (arg is "-h" or "--help")
            {
                return new SplitArguments(paths, flags, new ShowUsageRequest());
            }
            else if (known.Contains(arg))
            {
                flags.Add(arg);
            }
            else
            {
                return new SplitArguments(paths, flags, new UsageErrorRequest($"未知的选项：{arg}。"));
            }
        }

        return new SplitArguments(paths, flags, null);
    }

    private sealed record SplitArguments(List<string> Paths, HashSet<string> Flags, PhotoCliRequest? Refusal);
}
