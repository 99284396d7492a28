using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Students;

/// <summary>
/// Encrypts ID numbers at rest with AES-256-GCM and computes their blind index.
/// Ciphertext format: <c>v1:{keyId}:{base64(nonce ‖ ciphertext ‖ tag)}</c>; the key id lets old
/// rows decrypt after the current key changes.
/// </summary>
public sealed class PersonalDataProtector
{
    private const string FormatVersion = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly string _currentKeyId;
    private readonly Dictionary<string, byte[]> _keys;
    private readonly byte[] _blindIndexKey;

    public PersonalDataProtector(IOptions<PersonalDataOptions> options)
    {
        var value = options.Value;
        if (value.Keys.Count == 0 || string.IsNullOrEmpty(value.CurrentKeyId))
        {
            throw new InvalidOperationException("PersonalData:Keys and PersonalData:CurrentKeyId must be configured.");
        }

        _keys = value.Keys.ToDictionary(k => k.Key, k => Aes256Key.Decode(k.Value, $"PersonalData:Keys:{k.Key}"), StringComparer.Ordinal);
        if (!_keys.ContainsKey(value.CurrentKeyId))
        {
            throw new InvalidOperationException($"PersonalData:CurrentKeyId '{value.CurrentKeyId}' is not among PersonalData:Keys.");
        }

        _currentKeyId = value.CurrentKeyId;
        _blindIndexKey = Aes256Key.Decode(value.BlindIndexKey, "PersonalData:BlindIndexKey");
    }

    public string Protect(string plaintext)
    {
        var key = _keys[_currentKeyId];
        var data = Encoding.UTF8.GetBytes(plaintext);
        var buffer = new byte[NonceSize + data.Length + TagSize];
        var nonce = buffer.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, data, buffer.AsSpan(NonceSize, data.Length), buffer.AsSpan(NonceSize + data.Length), AssociatedData(_currentKeyId));
        return $"{FormatVersion}:{_currentKeyId}:{Convert.ToBase64String(buffer)}";
    }

    public string Unprotect(string protectedValue)
    {
        var parts = protectedValue.Split(':', 3);
        if (parts.Length != 3 || parts[0] != FormatVersion)
        {
            throw new CryptographicException("Unknown personal data format.");
        }

        if (!_keys.TryGetValue(parts[1], out var key))
        {
            throw new CryptographicException($"Personal data key '{parts[1]}' is not configured.");
        }

        var buffer = Convert.FromBase64String(parts[2]);
        if (buffer.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("Personal data ciphertext is too short.");
        }

        var length = buffer.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(buffer.AsSpan(0, NonceSize), buffer.AsSpan(NonceSize, length), buffer.AsSpan(NonceSize + length), plaintext, AssociatedData(parts[1]));
        return Encoding.UTF8.GetString(plaintext);
    }

    /// <summary>Deterministic keyed hash of the normalised ID number, for exact-match lookups.</summary>
    public string BlindIndex(string idNumber)
    {
        var normalized = NormalizeIdNumber(idNumber);
        var hash = HMACSHA256.HashData(_blindIndexKey, Encoding.UTF8.GetBytes(normalized));
        return Convert.ToHexStringLower(hash);
    }

    public static string NormalizeIdNumber(string idNumber) => idNumber.Trim().ToUpperInvariant();

    /// <summary>Fills the three ID-number columns of a record.</summary>
    public void SetIdNumber(StudentRecord record, string idNumber)
    {
        var normalized = NormalizeIdNumber(idNumber);
        record.IdNumberCipher = Protect(normalized);
        record.IdNumberIndex = BlindIndex(normalized);
        record.IdNumberMasked = Masking.IdNumber(normalized);
    }

    public string RevealIdNumber(StudentRecord record) => Unprotect(record.IdNumberCipher);

    private static byte[] AssociatedData(string keyId) => Encoding.UTF8.GetBytes("photocollect.idnumber." + keyId);
}
