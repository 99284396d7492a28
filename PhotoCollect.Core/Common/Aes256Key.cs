using System.Security.Cryptography;

namespace PhotoCollect.Core.Common;

/// <summary>AES-256 keys as operators configure them: base64 of 32 random bytes (<c>openssl rand -base64 32</c>).</summary>
public static class Aes256Key
{
    public const int SizeInBytes = 32;

    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(SizeInBytes));

    /// <summary>Decodes a configured key; <paramref name="settingName"/> names it in the error so operators can find it.</summary>
    public static byte[] Decode(string? base64, string settingName)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64 ?? "");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{settingName} is not valid base64.");
        }

        return key.Length == SizeInBytes ? key : throw new InvalidOperationException($"{settingName} must be {SizeInBytes} bytes (AES-256).");
    }
}
