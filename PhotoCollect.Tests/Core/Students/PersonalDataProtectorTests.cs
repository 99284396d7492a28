using System.Security.Cryptography;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Students;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Core.Students;

public sealed class PersonalDataProtectorTests
{
    private const string IdNumber = "110105200401011234";

    [Fact]
    public void Protect_RoundTrips_AndHidesPlaintext()
    {
        var protector = TestKeys.Protector();

        var cipher = protector.Protect(IdNumber);

        Assert.StartsWith("v1:a:", cipher);
        Assert.DoesNotContain(IdNumber, cipher);
        Assert.DoesNotContain("1234", cipher[5..]);
        Assert.Equal(IdNumber, protector.Unprotect(cipher));
    }

    [Fact]
    public void Protect_SameInputTwice_DifferentCiphertext() =>
        Assert.NotEqual(TestKeys.Protector().Protect(IdNumber), TestKeys.Protector().Protect(IdNumber));

    [Fact]
    public void Unprotect_AfterKeyRotation_OldDataStillDecryptsAndNewDataUsesNewKey()
    {
        var before = TestKeys.Protector(currentKeyId: "a");
        var oldCipher = before.Protect(IdNumber);

        var after = TestKeys.Protector(currentKeyId: "b", includeB: true);
        var newCipher = after.Protect(IdNumber);

        Assert.Equal(IdNumber, after.Unprotect(oldCipher));
        Assert.StartsWith("v1:b:", newCipher);
        Assert.Equal(IdNumber, after.Unprotect(newCipher));
    }

    [Fact]
    public void Unprotect_KeyNoLongerConfigured_Throws()
    {
        var cipher = TestKeys.Protector(currentKeyId: "b").Protect(IdNumber);
        Assert.Throws<CryptographicException>(() => TestKeys.Protector(currentKeyId: "a").Unprotect(cipher));
    }

    [Fact]
    public void Unprotect_Tampered_Throws()
    {
        var protector = TestKeys.Protector();
        var cipher = protector.Protect(IdNumber);
        var bytes = Convert.FromBase64String(cipher[5..]);
        bytes[^1] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect("v1:a:" + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void Unprotect_KeyIdSwapped_FailsAuthentication()
    {
        // The key id is authenticated data: relabelling a ciphertext must not decrypt.
        var both = TestKeys.Protector(currentKeyId: "a", includeB: true);
        var cipher = both.Protect(IdNumber);
        Assert.ThrowsAny<CryptographicException>(() => both.Unprotect("v1:b:" + cipher[5..]));
    }

    [Fact]
    public void BlindIndex_DeterministicAndNormalised_ButKeyed()
    {
        var protector = TestKeys.Protector();

        Assert.Equal(protector.BlindIndex("11010520040101123x"), protector.BlindIndex(" 11010520040101123X "));
        Assert.NotEqual(protector.BlindIndex(IdNumber), protector.BlindIndex("110105200401011235"));
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData("110105200401011234"u8)), protector.BlindIndex(IdNumber));
        Assert.Equal(64, protector.BlindIndex(IdNumber).Length);
    }

    [Fact]
    public void Constructor_CurrentKeyMissing_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new PersonalDataProtector(Microsoft.Extensions.Options.Options.Create(
            new PersonalDataOptions { CurrentKeyId = "x", Keys = new() { ["a"] = TestKeys.KeyA }, BlindIndexKey = TestKeys.BlindIndex })));

    [Fact]
    public void Constructor_ShortKey_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new PersonalDataProtector(Microsoft.Extensions.Options.Options.Create(
            new PersonalDataOptions { CurrentKeyId = "a", Keys = new() { ["a"] = Convert.ToBase64String(new byte[16]) }, BlindIndexKey = TestKeys.BlindIndex })));

    [Fact]
    public void KeyFile_CreatedOnceThenReused()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pc-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(folder, "keys", "personal-data.json");
            var first = DevelopmentKeyFile.LoadOrCreate(path, PersonalDataOptions.GenerateDevelopmentKeys);
            var second = DevelopmentKeyFile.LoadOrCreate(path, PersonalDataOptions.GenerateDevelopmentKeys);

            Assert.Equal(first.Keys[first.CurrentKeyId], second.Keys[second.CurrentKeyId]);
            Assert.Equal(first.BlindIndexKey, second.BlindIndexKey);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            var protector = new PersonalDataProtector(Microsoft.Extensions.Options.Options.Create(second));
            Assert.Equal(IdNumber, protector.Unprotect(protector.Protect(IdNumber)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
