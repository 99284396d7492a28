using Microsoft.Extensions.Options;
using PhotoCollect.Core.Students;
using PhotoCollect.Core.Students.Chsi;

namespace PhotoCollect.Tests.Infrastructure;

public static class TestKeys
{
    public static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    public static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());
    public static readonly string BlindIndex = Convert.ToBase64String(Enumerable.Range(201, 32).Select(i => (byte)i).ToArray());
    public static readonly string ChsiKeyA = Convert.ToBase64String(Enumerable.Range(51, 32).Select(i => (byte)i).ToArray());
    public static readonly string ChsiKeyB = Convert.ToBase64String(Enumerable.Range(151, 32).Select(i => (byte)i).ToArray());

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

    /// <summary>采集码 keys "a" (and "b" when asked for or current).</summary>
    public static ChsiCodeOptions ChsiCodes(string currentKeyId = "a", bool includeB = false, TimeSpan? defaultValidity = null)
    {
        var keys = new Dictionary<string, string> { ["a"] = ChsiKeyA };
        if (includeB || currentKeyId == "b")
        {
            keys["b"] = ChsiKeyB;
        }

        return new ChsiCodeOptions { CurrentKeyId = currentKeyId, Keys = keys, DefaultValidity = defaultValidity ?? TimeSpan.FromDays(30) };
    }
}
