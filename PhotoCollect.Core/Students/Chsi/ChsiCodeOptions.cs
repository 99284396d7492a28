using System.Text.Json.Serialization;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Students.Chsi;

/// <summary>
/// Keys of the embedded 采集码 format, bound from the <c>ChsiCodes</c> section. Keys are base64 of
/// 32 random bytes; key ids are 1–32 letters, digits, '-' or '_' (they appear in the code text).
/// Rotation: add a new key, point <see cref="CurrentKeyId"/> at it, keep the old one configured
/// until the codes issued under it have expired.
/// </summary>
public sealed class ChsiCodeOptions
{
    public const string SectionName = "ChsiCodes";

    public string CurrentKeyId { get; set; } = "";

    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>
    /// How long a newly issued code is accepted. Not part of the development key file, which holds
    /// keys only; it always comes from configuration.
    /// </summary>
    [JsonIgnore]
    public TimeSpan DefaultValidity { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Fresh random keys for the development key file (<see cref="DevelopmentKeyFile"/>).</summary>
    public static ChsiCodeOptions GenerateDevelopmentKeys() => new()
    {
        CurrentKeyId = "dev-1",
        Keys = new() { ["dev-1"] = Aes256Key.Generate() },
    };
}
