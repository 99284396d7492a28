using Microsoft.Extensions.Options;
using PhotoCollect.Core.Students;

namespace PhotoCollect.Tests.Infrastructure;

public static class TestKeys
{
    public static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    public static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());
    public static readonly string BlindIndex = Convert.ToBase64String(Enumerable.Range(201, 32).Select(i => (byte)i).ToArray());

    public static PersonalDataOptions Options(string currentKeyId = "a", bool includeB = false)
    {
        var keys = new Dictionary<string, string> { ["a"] = KeyA };
        if (includeB || currentKeyId == "b")
        {
            keys["b"] = KeyB;
        }

        return new PersonalDataOptions { CurrentKeyId = currentKeyId, Keys = keys, BlindIndexKey = BlindIndex };
    }

    public static PersonalDataProtector Protector(string currentKeyId = "a", bool includeB = false) =>
        new(Microsoft.Extensions.Options.Options.Create(Options(currentKeyId, includeB)));
}
