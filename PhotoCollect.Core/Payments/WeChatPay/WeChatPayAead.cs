using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Payments.WeChatPay;

/// <summary>An <c>AEAD_AES_256_GCM</c> resource as WeChat Pay sends it in callbacks and certificate downloads.</summary>
public sealed record WeChatPayEncryptedResource(
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("ciphertext")] string Ciphertext,
    [property: JsonPropertyName("nonce")] string Nonce,
    [property: JsonPropertyName("associated_data")] string? AssociatedData = null,
    [property: JsonPropertyName("original_type")] string? OriginalType = null);

/// <summary>
/// <c>AEAD_AES_256_GCM</c> with the APIv3 key: <c>ciphertext</c> is base64 of the encrypted bytes followed by the
/// 16-byte tag, <c>nonce</c> is the 12-character IV taken as UTF-8 bytes, <c>associated_data</c> may be empty or absent.
/// </summary>
public static class WeChatPayAead
{
    public const string Algorithm = "AEAD_AES_256_GCM";
    public const int KeySize = 32;
    private const int TagSize = 16;
    private const int NonceSize = 12;

    /// <summary>The plaintext; throws <see cref="PaymentErrors.Undecryptable"/> for a wrong key, tampered data or a malformed resource.</summary>
    public static string Decrypt(WeChatPayEncryptedResource resource, string apiV3Key)
    {
        var key = KeyBytes(apiV3Key);
        var nonce = Encoding.UTF8.GetBytes(resource.Nonce ?? "");
        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(resource.Ciphertext ?? "");
        }
        catch (FormatException)
        {
            throw new DomainException(PaymentErrors.Undecryptable);
        }

        if (resource.Algorithm != Algorithm || nonce.Length != NonceSize || sealedBytes.Length < TagSize)
        {
            throw new DomainException(PaymentErrors.Undecryptable);
        }

        var cipher = sealedBytes.AsSpan(0, sealedBytes.Length - TagSize);
        var tag = sealedBytes.AsSpan(sealedBytes.Length - TagSize);
        var plain = new byte[cipher.Length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(nonce, cipher, tag, plain, Encoding.UTF8.GetBytes(resource.AssociatedData ?? ""));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new DomainException(PaymentErrors.Undecryptable);
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>WeChat's side of <see cref="Decrypt"/>, for the simulator and tests.</summary>
    public static WeChatPayEncryptedResource Encrypt(string plaintext, string apiV3Key, string nonce, string associatedData, string? originalType = null)
    {
        var nonceBytes = Encoding.UTF8.GetBytes(nonce);
        if (nonceBytes.Length != NonceSize)
        {
            throw new ArgumentException($"The nonce must be {NonceSize} bytes.", nameof(nonce));
        }

        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[plain.Length + TagSize];
        using (var aes = new AesGcm(KeyBytes(apiV3Key), TagSize))
        {
            aes.Encrypt(nonceBytes, plain, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), Encoding.UTF8.GetBytes(associatedData));
        }

        return new WeChatPayEncryptedResource(Algorithm, Convert.ToBase64String(sealedBytes), nonce, associatedData, originalType);
    }

    private static byte[] KeyBytes(string apiV3Key)
    {
        var key = Encoding.UTF8.GetBytes(apiV3Key ?? "");
        return key.Length == KeySize ? key : throw new InvalidOperationException($"The APIv3 key must be {KeySize} bytes.");
    }
}
