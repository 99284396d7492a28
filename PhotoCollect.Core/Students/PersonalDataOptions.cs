using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Students;

/// <summary>
/// Keys for personal data, bound from the <c>PersonalData</c> section. Keys are base64 of 32 random bytes.
/// Rotation: add a new key, point <see cref="CurrentKeyId"/> at it, keep the old ones for decryption.
/// The blind-index key cannot rotate without re-indexing every record.
/// </summary>
public sealed class PersonalDataOptions
{
    public const string SectionName = "PersonalData";

    public string CurrentKeyId { get; set; } = "";
    public Dictionary<string, string> Keys { get; set; } = [];
    public string BlindIndexKey { get; set; } = "";

    /// <summary>Fresh random keys for the development key file (<see cref="DevelopmentKeyFile"/>).</summary>
    public static PersonalDataOptions GenerateDevelopmentKeys() => new()
    {
        CurrentKeyId = "dev-1",
        Keys = new() { ["dev-1"] = Aes256Key.Generate() },
        BlindIndexKey = Aes256Key.Generate(),
    };
}
