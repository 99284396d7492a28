using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace PhotoCollect.Core.Payments.WeChatPay;

/// <summary>PEM loading and the RSA-SHA256 (PKCS#1 v1.5, base64) signatures every part of API v3 uses.</summary>
public static class WeChatPayKeys
{
    /// <summary>An RSA private key from PKCS#8 (<c>BEGIN PRIVATE KEY</c>) or PKCS#1 (<c>BEGIN RSA PRIVATE KEY</c>) PEM.</summary>
    public static RSA PrivateKeyFromPem(string pem)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            // A public key imports too; signing with it would only fail later, so refuse it here.
            _ = rsa.ExportParameters(includePrivateParameters: true);
            return rsa;
        }
        catch (Exception error) when (error is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new InvalidOperationException("The WeChat Pay merchant private key is not an RSA private key in PEM (PKCS#1 or PKCS#8).", error);
        }
    }

    /// <summary>An RSA public key from SPKI (<c>BEGIN PUBLIC KEY</c>) or PKCS#1 (<c>BEGIN RSA PUBLIC KEY</c>) PEM, or from a certificate.</summary>
    public static RSA PublicKeyFromPem(string pem)
    {
        if (pem.Contains("BEGIN CERTIFICATE", StringComparison.Ordinal))
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            return certificate.GetRSAPublicKey() ?? throw new InvalidOperationException("The certificate has no RSA public key.");
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch (Exception error) when (error is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new InvalidOperationException("The WeChat Pay public key is not an RSA public key in PEM.", error);
        }
    }

    /// <summary>The PEM text given inline, or else read from <paramref name="path"/>; empty when neither is set.</summary>
    public static string PemFrom(string inline, string path) =>
        !string.IsNullOrWhiteSpace(inline) ? inline
        : !string.IsNullOrWhiteSpace(path) ? File.ReadAllText(path)
        : "";

    public static string Sign(RSA privateKey, string message) => Sign(privateKey, Encoding.UTF8.GetBytes(message));

    public static string Sign(RSA privateKey, byte[] message) =>
        Convert.ToBase64String(privateKey.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>False for a wrong signature and for one that is not even base64 (never throws for bad input).</summary>
    public static bool Verify(RSA publicKey, ReadOnlySpan<byte> message, string signature)
    {
        var bytes = new byte[(signature.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(signature, bytes, out var length)
            && publicKey.VerifyData(message, bytes.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
