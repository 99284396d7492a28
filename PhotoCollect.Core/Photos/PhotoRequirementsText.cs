using System.Globalization;

namespace PhotoCollect.Core.Photos;

/// <summary>
/// The photo requirements as students read them (the seed document's wording), with the numbers
/// and the colour taken from the administered <see cref="PhotoSpec"/>: the printed batch notice and
/// the mini program show the same lines, and they change when an admin changes the rules.
/// </summary>
public static class PhotoRequirementsText
{
    /// <summary>The smallest file size in K, as students see it: "30K".</summary>
    public static string MinSize(PhotoSpec spec) => (spec.MinBytes / 1024).ToString(CultureInfo.InvariantCulture) + "K";

    /// <summary>One line per requirement, in the seed document's order.</summary>
    public static IReadOnlyList<string> For(PhotoSpec spec) =>
    [
        $"背景为{BackgroundColour.Name(spec)}，色号 {BackgroundColour.Code(spec)}，均匀无渐变，不得有阴影、其他人或物体",
        "照片格式为 JPG",
        string.Create(CultureInfo.InvariantCulture, $"长宽为 {spec.Width}×{spec.Height} 像素"),
        $"文件大小在 {MinSize(spec)} 以上，不要翻拍纸质照片",
        "不要大头照，头顶要留出空间，衣服至少拍到第三个扣子的位置",
        "人物坐姿端正，表情自然，双眼自然睁开并平视，双耳对称，左右肩膀平衡",
        "不得使用头部遮盖物；发型整齐不戴发饰，头发不遮挡耳朵、眉毛",
        "不得佩戴耳环、项链等饰品；常戴眼镜者应佩戴眼镜，但不得戴有色（含隐形）眼镜，镜框不得遮挡眼睛，镜片不能反光",
        "嘴唇自然闭合，不宜化浓妆",
        "衣着应与背景色区分明显，避免复杂图案、条纹；请勿穿毛领大衣、臃肿外套、吊带衫",
        "拍摄时请使用后置摄像头",
    ];
}
