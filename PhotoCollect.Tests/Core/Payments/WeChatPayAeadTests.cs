using PhotoCollect.Core.Common;
using PhotoCollect.Core.Payments.WeChatPay;

namespace PhotoCollect.Tests.Core.Payments;

public sealed class WeChatPayAeadTests
{
    private const string Key = "0123456789abcdefghijABCDEFGHIJ01";
    private const string Resource = """{"out_trade_no":"PC20260601000001","trade_state":"SUCCESS","amount":{"total":3050}}""";

    [Theory]
    [InlineData("transaction")]
    [InlineData("")]
    public void Decrypt_OwnCiphertext_ReturnsPlaintext(string associatedData)
    {
        var encrypted = WeChatPayAead.Encrypt(Resource, Key, "fdasflkja484", associatedData);

        Assert.Equal(Resource, WeChatPayAead.Decrypt(encrypted, Key));
    }

    [Fact]
    public void Decrypt_AssociatedDataAbsent_TreatedAsEmpty()
    {
        var encrypted = WeChatPayAead.Encrypt(Resource, Key, "fdasflkja484", "") with { AssociatedData = null };

        Assert.Equal(Resource, WeChatPayAead.Decrypt(encrypted, Key));
    }

    [Fact]
    public void Decrypt_WrongKey_Undecryptable()
    {
        var encrypted = WeChatPayAead.Encrypt(Resource, Key, "fdasflkja484", "transaction");

        var error = Assert.Throws<DomainException>(() => WeChatPayAead.Decrypt(encrypted, "Z123456789abcdefghijABCDEFGHIJ01"));
        Assert.Equal(PaymentErrors.Undecryptable.Code, error.Code);
    }

    [Fact]
    public void Decrypt_TamperedTag_Undecryptable()
    {
        var encrypted = WeChatPayAead.Encrypt(Resource, Key, "fdasflkja484", "transaction");
        var bytes = Convert.FromBase64String(encrypted.Ciphertext);
        bytes[^1] ^= 0x01;

        var error = Assert.Throws<DomainException>(() => WeChatPayAead.Decrypt(encrypted with { Ciphertext = Convert.ToBase64String(bytes) }, Key));
        Assert.Equal(PaymentErrors.Undecryptable.Code, error.Code);
    }

    [Theory]
    [InlineData("ciphertext")]
    [InlineData("associated_data")]
    [InlineData("nonce")]
    [InlineData("algorithm")]
    public void Decrypt_TamperedField_Undecryptable(string field)
    {
        var encrypted = WeChatPayAead.Encrypt(Resource, Key, "fdasflkja484", "transaction");
        var bytes = Convert.FromBase64String(encrypted.Ciphertext);
        bytes[0] ^= 0x01;
        var tampered = field switch
        {
            "ciphertext" => encrypted with { Ciphertext = Convert.ToBase64String(bytes) },
            "associated_data" => encrypted with { AssociatedData = "refund" },
            "nonce" => encrypted with { Nonce = "fdasflkja485" },
            _ => encrypted with { Algorithm = "AEAD_AES_128_GCM" },
        };

        var error = Assert.Throws<DomainException>(() => WeChatPayAead.Decrypt(tampered, Key));
        Assert.Equal(PaymentErrors.Undecryptable.Code, error.Code);
    }

    [Fact]
    public void Decrypt_NotBase64_Undecryptable()
    {
        var error = Assert.Throws<DomainException>(() => WeChatPayAead.Decrypt(new WeChatPayEncryptedResource(WeChatPayAead.Algorithm, "!!not base64", "fdasflkja484"), Key));
        Assert.Equal(PaymentErrors.Undecryptable.Code, error.Code);
    }
}
