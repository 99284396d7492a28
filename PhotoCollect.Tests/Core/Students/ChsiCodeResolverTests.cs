using System.Buffers.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Students;
using PhotoCollect.Core.Students.Chsi;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Core.Students;

public sealed class ChsiCodeResolverTests
{
    private static readonly DateTimeOffset IssuedAt = Builders.Now;

    private readonly FakeTimeProvider _time = new(IssuedAt);

    [Fact]
    public void Resolve_IssuedCode_ReturnsEveryFieldInChinese()
    {
        var student = ChsiTestStudents.SunXiaofang();
        var code = Issuer().Issue(student, _time.GetUtcNow());

        var result = Resolver().Resolve(code, "6721", _time.GetUtcNow());

        Assert.True(result.Succeeded, result.Error?.Code);
        Assert.Equal(student, result.Student);
        Assert.Equal(IssuedAt.AddDays(30), result.ExpiresAt);
        Assert.Equal("440304********6721", Masking.IdNumber(result.Student.IdNumber));
    }

    [Fact]
    public void Issue_CodeText_IsPrefixKeyIdAndBase64UrlWithoutPersonalDataInClear()
    {
        var code = Issuer().Issue(ChsiTestStudents.SunXiaofang(), _time.GetUtcNow());

        var parts = code.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Equal("PCCHSI1", parts[0]);
        Assert.Equal("a", parts[1]);
        Assert.True(Base64Url.IsValid(parts[2]));
        Assert.DoesNotContain("6721", code);
        Assert.DoesNotContain("=", code);
    }

    [Fact]
    public void Issue_SameStudentTwice_DifferentCodesBothResolve()
    {
        var issuer = Issuer();
        var first = issuer.Issue(ChsiTestStudents.SunXiaofang(), _time.GetUtcNow());
        var second = issuer.Issue(ChsiTestStudents.SunXiaofang(), _time.GetUtcNow());

        Assert.NotEqual(first, second);
        Assert.True(Resolver().Resolve(second, "6721", _time.GetUtcNow()).Succeeded);
    }

    [Theory]
    [InlineData("127X")]
    [InlineData("127x")]
    [InlineData(" 127x ")]
    [InlineData("１２７Ｘ")]
    public void Resolve_TrailingX_AcceptedInEitherCaseAndFromFullWidthKeyboards(string last4)
    {
        var code = Issuer().Issue(ChsiTestStudents.OuyangNana(), _time.GetUtcNow());

        var result = Resolver().Resolve(code, last4, _time.GetUtcNow());

        Assert.True(result.Succeeded, result.Error?.Code);
        Assert.Equal("11010520040101127X", result.Student.IdNumber);
    }

    [Fact]
    public void Issue_LowerCaseX_StoredUpperCase()
    {
        var code = Issuer().Issue(ChsiTestStudents.OuyangNana() with { IdNumber = "11010520040101127x" }, _time.GetUtcNow());

        Assert.Equal("11010520040101127X", Resolver().Resolve(code, "127x", _time.GetUtcNow()).Student?.IdNumber);
    }

    [Theory]
    [InlineData("6722")]
    [InlineData("0000")]
    [InlineData("672X")]
    public void Resolve_WrongLast4_HolderMismatchWithoutDetails(string last4)
    {
        var code = Issuer().Issue(ChsiTestStudents.SunXiaofang(), _time.GetUtcNow());

        var result = Resolver().Resolve(code, last4, _time.GetUtcNow());

        AssertFailure(result, ChsiCodeError.HolderMismatch, "chsi.holder_mismatch");
        Assert.Null(result.Student);
    }

    [Theory]
    [InlineData("")]
    [InlineData("672")]
    [InlineData("67210")]
    [InlineData("67a1")]
    [InlineData("X721")]
    [InlineData("6 21")]
    [InlineData("\ud800721")]
    public void Resolve_Last4NotFourDigitsOrX_InvalidLast4(string last4)
    {
        var code = Issuer().Issue(ChsiTestStudents.SunXiaofang(), _time.GetUtcNow());

        AssertFailure(Resolver().Resolve(code, last4, _time.GetUtcNow()), ChsiCodeError.InvalidLast4, "chsi.invalid_last4");
    }

    [Fact]
    public void Resolve_NullInputs_FailuresNotExceptions()
    {
        var code = Issuer().Issue(ChsiTestStudents.SunXiaofang(), _time.GetUtcNow());

        Assert.Equal("chsi.invalid_last4", Resolver().Resolve(code, null!, _time.GetUtcNow()).Error?.Code);
        Assert.Equal("chsi.malformed", Resolver().Resolve(null!, "6721", _time.GetUtcNow()).Error?.Code);
    }

    [Fact]
    public void Resolve_FlippedByteAnywhereInSealedPart_Tampered()
    {
        var code = Issuer().Issue(ChsiTestStudents.SunXiaofang(), _time.GetUtcNow());
        var sealedBytes = Base64Url.DecodeFromChars(code.AsSpan("PCCHSI1.a.".Length));
        var resolver = Resolver();

        // Nonce, ciphertext and tag: every part is covered by the authentication.
        foreach (var index in new[] { 0, 11, 12, sealedBytes.Length / 2, sealedBytes.Length - 16, sealedBytes.Length - 1 })
        {
            var flipped = (byte[])sealedBytes.Clone();
            flipped[index] ^= 0x01;

            var result = resolver.Resolve("PCCHSI1.a." + Base64Url.EncodeToString(flipped), "6721", _time.GetUtcNow());

            AssertFailure(result, ChsiCodeError.Tampered, "chsi.tampered");
        }
    }

    [Fact]
    public void Resolve_TruncatedCode_Tampered()
    {
        var code = Issuer().Issue(ChsiTestStudents.SunXiaofang(), _time.GetUtcNow());

        AssertFailure(Resolver().Resolve(code[..^8], "6721", _time.GetUtcNow()), ChsiCodeError.Tampered, "chsi.tampered");
    }

    [Fact]
    public void Resolve_KeyIdSwappedToAnotherConfiguredKey_Tampered()
    {
        var options = TestKeys.ChsiCodes(currentKeyId: "a", includeB: true);
        var code = Issuer(options).Issue(ChsiTestStudents.SunXiaofang(), _time.GetUtcNow());

        var relabelled = "PCCHSI1.b." + code["PCCHSI1.a.".Length..];

        AssertFailure(Resolver(options).Resolve(relabelled, "6721", _time.GetUtcNow()), ChsiCodeError.Tampered, "chsi.tampered");
    }

    [Fact]
    public void Resolve_KeyIdNotConfigured_UnknownKey()
    {
        var code = Issuer(TestKeys.ChsiCodes(currentKeyId: "b")).Issue(ChsiTestStudents.SunXiaofang(), _time.GetUtcNow());

        var result = Resolver(TestKeys.ChsiCodes(currentKeyId: "a")).Resolve(code, "6721", _time.GetUtcNow());

        AssertFailure(result, ChsiCodeError.UnknownKey, "chsi.unknown_key");
    }

    [Fact]
    public void Resolve_SameKeyIdButDifferentKeyBytes_Tampered()
    {
        var code = Issuer().Issue(ChsiTestStudents.SunXiaofang(), _time.GetUtcNow());
        var otherInstall = new ChsiCodeOptions { CurrentKeyId = "a", Keys = new() { ["a"] = TestKeys.ChsiKeyB } };

        AssertFailure(Resolver(otherInstall).Resolve(code, "6721", _time.GetUtcNow()), ChsiCodeError.Tampered, "chsi.tampered");
    }

    [Fact]
    public void Resolve_TimeMovedPastExpiry_Expired()
    {
        var code = Issuer().Issue(ChsiTestStudents.SunXiaofang(), _time.GetUtcNow(), TimeSpan.FromDays(7));
        var resolver = Resolver();

        _time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.True(resolver.Resolve(code, "6721", _time.GetUtcNow()).Succeeded);

        _time.Advance(TimeSpan.FromSeconds(1));
        AssertFailure(resolver.Resolve(code, "6721", _time.GetUtcNow()), ChsiCodeError.Expired, "chsi.expired");
    }

    [Fact]
    public void Resolve_ExpiredAndWrongLast4_ReportsExpiredFirst()
    {
        var code = Issuer().Issue(ChsiTestStudents.SunXiaofang(), _time.GetUtcNow());
        _time.Advance(TimeSpan.FromDays(31));

        Assert.Equal("chsi.expired", Resolver().Resolve(code, "0000", _time.GetUtcNow()).Error?.Code);
    }

    [Fact]
    public void Issue_WithoutValidity_UsesConfiguredDefault()
    {
        var options = TestKeys.ChsiCodes(defaultValidity: TimeSpan.FromDays(3));
        var code = Issuer(options).Issue(ChsiTestStudents.SunXiaofang(), _time.GetUtcNow());

        Assert.Equal(IssuedAt.AddDays(3), Resolver(options).Resolve(code, "6721", _time.GetUtcNow()).ExpiresAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")]
    [InlineData("https://my.chsi.com.cn/archive/index.jsp")]
    [InlineData("http://weixin.qq.com/r/abcdefg")]
    [InlineData("PCCHSI1")]
    [InlineData("PCCHSI1.")]
    [InlineData("PCCHSI1.a")]
    [InlineData("PCCHSI1.a.")]
    [InlineData("PCCHSI1..AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("PCCHSI1.a.AAAA")]
    [InlineData("PCCHSI1.a.not base64!")]
    [InlineData("PCCHSI1.a/b.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("PCCHSI2.a.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("pcchsi1.a.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("{\"name\":\"孙小芳\",\"idNumber\":\"440304200307156721\"}")]
    public void Resolve_NotOurFormat_Malformed(string text) =>
        AssertFailure(Resolver().Resolve(text, "6721", _time.GetUtcNow()), ChsiCodeError.Malformed, "chsi.malformed");

    [Fact]
    public void Resolve_OverlongText_MalformedWithoutDecoding() =>
        AssertFailure(Resolver().Resolve("PCCHSI1.a." + new string('A', 100_000), "6721", _time.GetUtcNow()), ChsiCodeError.Malformed, "chsi.malformed");

    [Fact]
    public void Resolve_AfterRotation_OldCodeResolvesWhileOldKeyStaysConfigured()
    {
        var before = TestKeys.ChsiCodes(currentKeyId: "a");
        var oldCode = Issuer(before).Issue(ChsiTestStudents.SunXiaofang(), _time.GetUtcNow());

        var after = TestKeys.ChsiCodes(currentKeyId: "b", includeB: true);
        var newCode = Issuer(after).Issue(ChsiTestStudents.OuyangNana(), _time.GetUtcNow());

        Assert.StartsWith("PCCHSI1.b.", newCode);
        Assert.Equal("孙小芳", Resolver(after).Resolve(oldCode, "6721", _time.GetUtcNow()).Student?.Name);
        Assert.Equal("欧阳娜娜", Resolver(after).Resolve(newCode, "127X", _time.GetUtcNow()).Student?.Name);

        var oldKeyRetired = new ChsiCodeOptions { CurrentKeyId = "b", Keys = new() { ["b"] = TestKeys.ChsiKeyB } };
        Assert.Equal("chsi.unknown_key", Resolver(oldKeyRetired).Resolve(oldCode, "6721", _time.GetUtcNow()).Error?.Code);
    }

    [Fact]
    public void Resolve_AuthenticCodeWithInvalidContent_InvalidContent()
    {
        // What a key holder other than our issuer could seal: an ID number with a wrong check character.
        var format = new ChsiCodeFormat(Options.Create(TestKeys.ChsiCodes()));
        var payload = ChsiCodeFormat.Payload.From(ChsiTestStudents.SunXiaofang() with { IdNumber = "440304200307156722" }, IssuedAt, IssuedAt.AddDays(1));
        var code = format.Seal(payload);

        AssertFailure(Resolver().Resolve(code, "6722", _time.GetUtcNow()), ChsiCodeError.InvalidContent, "chsi.invalid_content");
    }

    [Fact]
    public void Resolve_AuthenticCodeWithoutExpiry_InvalidContent()
    {
        var format = new ChsiCodeFormat(Options.Create(TestKeys.ChsiCodes()));
        var payload = ChsiCodeFormat.Payload.From(ChsiTestStudents.SunXiaofang(), IssuedAt, IssuedAt) with { ExpiresAt = 0 };

        Assert.Equal("chsi.invalid_content", Resolver().Resolve(format.Seal(payload), "6721", _time.GetUtcNow()).Error?.Code);
    }

    [Fact]
    public void Failure_ToException_CarriesCodeAndChineseMessage()
    {
        var result = Resolver().Resolve("https://example.com", "6721", _time.GetUtcNow());

        var exception = result.Error!.ToException();

        Assert.IsType<DomainException>(exception);
        Assert.Equal("chsi.malformed", exception.Code);
        Assert.Contains("学信网", exception.Message);
    }

    [Fact]
    public void Errors_StableDistinctCodesAndChineseMessages()
    {
        ChsiCodeError[] errors =
        [
            ChsiCodeError.InvalidLast4, ChsiCodeError.Malformed, ChsiCodeError.UnknownKey, ChsiCodeError.Tampered,
            ChsiCodeError.Expired, ChsiCodeError.InvalidContent, ChsiCodeError.HolderMismatch,
        ];

        Assert.Equal(
            ["chsi.invalid_last4", "chsi.malformed", "chsi.unknown_key", "chsi.tampered", "chsi.expired", "chsi.invalid_content", "chsi.holder_mismatch"],
            errors.Select(e => e.Code));
        Assert.All(errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));
        Assert.StartsWith("这不是学信网图像采集码", ChsiCodeError.Malformed.Message);
        Assert.StartsWith("采集码已过期", ChsiCodeError.Expired.Message);
        Assert.Contains("学信网重新下载", ChsiCodeError.Expired.Message);
    }

    [Theory]
    [InlineData("", "a")]
    [InlineData("x", "a")]
    [InlineData("a.b", "a.b")]
    public void Constructor_MisconfiguredKeys_Throws(string currentKeyId, string keyId) =>
        Assert.Throws<InvalidOperationException>(() => Resolver(new ChsiCodeOptions { CurrentKeyId = currentKeyId, Keys = new() { [keyId] = TestKeys.ChsiKeyA } }));

    [Fact]
    public void Constructor_ShortKey_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Issuer(new ChsiCodeOptions { CurrentKeyId = "a", Keys = new() { ["a"] = Convert.ToBase64String(new byte[16]) } }));

    private static ChsiCodeIssuer Issuer(ChsiCodeOptions? options = null) => new(Options.Create(options ?? TestKeys.ChsiCodes()));

    private static EmbeddedChsiCodeResolver Resolver(ChsiCodeOptions? options = null) => new(Options.Create(options ?? TestKeys.ChsiCodes()));

    private static void AssertFailure(ChsiResolution result, ChsiCodeError expected, string code)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Student);
        Assert.Same(expected, result.Error);
        Assert.Equal(code, result.Error.Code);
    }
}
