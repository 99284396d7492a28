using static PhotoCollect.Core.Reviews.RejectionGuidance;

namespace PhotoCollect.Core.Reviews;

/// <summary>The standard reasons seeded on first start (admins may edit them later).</summary>
public static class RejectionReasonCatalogue
{
    private static readonly (string Code, string Label, string Guidance)[] Entries =
    [
        ("background_color", "背景颜色不符", $"请使用{ColourName}背景（色号 {ColourCode}）重新拍摄，或使用“一键修正”替换背景。"),
        ("background_uneven", "背景不均匀或有阴影", "请站在纯色背景前、离背景半米以上，保证光线均匀，背景不得有阴影、渐变或其他人和物体。"),
        ("head_ratio", "头部比例不符", "请不要拍大头照：头部不宜过大或过小，衣服至少拍到第三颗扣子的位置。"),
        ("crown_space", "头顶空间不足", "头顶与照片上边缘之间需留出适当空间，请将镜头稍稍后退或下移后重新拍摄。"),
        ("not_centred", "人像不居中", "请让人像位于照片正中，双肩左右平衡。"),
        ("head_tilted", "头部倾斜", "请保持头部端正、目视前方，不要歪头、侧脸或低头。"),
        ("clothing_color", "衣着与背景颜色相近", $"请更换与{ColourName}背景区分明显的衣服（避免{ColourName}及相近颜色），避免复杂图案和条纹。"),
        ("accessories", "佩戴饰品", "请摘下耳环、项链、发饰等饰品后重新拍摄。"),
        ("glasses", "眼镜反光或有色眼镜", "常戴眼镜者可佩戴眼镜，但不得佩戴有色（含隐形）眼镜，镜框不得遮挡眼睛，镜片不能反光。"),
        ("hair_cover", "头发遮挡眉毛或耳朵", "请整理发型，露出眉毛和双耳。"),
        ("expression", "表情不自然", "请保持表情自然，双眼自然睁开，嘴唇自然闭合。"),
        ("makeup", "浓妆或过度美颜", "请不要化浓妆，不要使用美颜、滤镜或修图软件处理照片。"),
        ("recaptured", "翻拍或扫描照片", "请不要翻拍纸质照片或屏幕，请使用手机后置摄像头直接拍摄本人。"),
        ("blurry", "照片模糊", "请对焦清晰、保持手机稳定后重新拍摄。"),
        ("exposure", "曝光不当或光线不均", "请在光线均匀、明亮的环境中拍摄，避免面部过亮、过暗或一侧有阴影。"),
        ("not_self", "非本人照片", "请上传本人近期的证件照片。"),
        ("other", "其他", "请查看审核老师的备注，按要求修改后重新提交。"),
    ];

    /// <summary>
    /// Texts seeded before the guidance quoted the configured colour. A reason still holding one
    /// was never edited, so the seeder may replace it with the current text.
    /// </summary>
    private static readonly Dictionary<string, string> Superseded = new(StringComparer.Ordinal)
    {
        ["background_color"] = "请使用蓝色背景（色号 28BEFA）重新拍摄，或使用“一键修正”替换背景。",
        ["clothing_color"] = "请更换与蓝色背景区分明显的衣服（避免蓝色、浅蓝色），避免复杂图案和条纹。",
    };

    /// <summary>New, untracked entities for seeding, ordered as listed.</summary>
    public static IReadOnlyList<RejectionReason> CreateStandard() =>
        Entries.Select((e, i) => new RejectionReason { Code = e.Code, Label = e.Label, Guidance = e.Guidance, SortOrder = (i + 1) * 10 }).ToList();

    /// <summary>The current standard guidance for a reason whose stored text is an untouched earlier standard text; else null.</summary>
    public static string? UpgradedGuidance(RejectionReason reason) =>
        Superseded.TryGetValue(reason.Code, out var old) && reason.Guidance == old
            ? Entries.First(e => e.Code == reason.Code).Guidance
            : null;
}
