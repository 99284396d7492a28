using System.Text.Json;

namespace PhotoCollect.Core.Students;

/// <summary>
/// Development-only key file: generated on first run under the data folder so a local
/// install works without configuration. Production must configure keys explicitly.
/// </summary>
public static class PersonalDataKeyFile
{
    public static PersonalDataOptions LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<PersonalDataOptions>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"Key file {path} is empty.");
        }

        var options = new PersonalDataOptions
        {
            CurrentKeyId = "dev-1",
            Keys = new() { ["dev-1"] = PersonalDataProtector.GenerateKey() },
            BlindIndexKey = PersonalDataProtector.GenerateKey(),
        };

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(options, new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, path, overwrite: false);
        return options;
    }
}
