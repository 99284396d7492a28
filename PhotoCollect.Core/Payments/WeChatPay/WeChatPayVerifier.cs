using System.Globalization;
using System.Security.Cryptography;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Payments.WeChatPay;

/// <summary>
/// Verifies WeChat Pay's responses and callbacks over <c>timestamp\nnonce\nbody\n</c> with the key that
/// <c>Wechatpay-Serial</c> names: the configured public key for a <c>PUB_KEY_ID_…</c> serial, otherwise a platform
/// certificate (serials compared ignoring case; an unknown one triggers one download of the certificates).
/// A timestamp more than five minutes from our clock, either way, is refused, so a captured message cannot be replayed later.
/// </summary>
public sealed class WeChatPayVerifier : IDisposable
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private const string SignatureProbePrefix = "WECHATPAY/SIGNTEST/";

    private readonly WeChatPayOptions _options;
    private readonly WeChatPayPlatformCertificates? _certificates;
    private readonly TimeProvider _time;
    private readonly RSA? _publicKey;

    /// <param name="certificates">Required when <see cref="WeChatPayOptions.UsePlatformCertificates"/> is set.</param>
    public WeChatPayVerifier(WeChatPayOptions options, WeChatPayPlatformCertificates? certificates, TimeProvider time)
    {
        _options = options;
        _certificates = options.UsePlatformCertificates
            ? certificates ?? throw new ArgumentNullException(nameof(certificates), "Certificate mode needs the platform certificate store.")
            : null;
        _time = time;
        if (options.UsesPublicKey)
        {
            _publicKey = WeChatPayKeys.PublicKeyFromPem(WeChatPayKeys.PemFrom(options.PublicKeyPem, options.PublicKeyPath));
        }
    }

    public async Task<WeChatPayVerification> VerifyAsync(WeChatPaySignedMessage message, CancellationToken cancellationToken)
    {
        var precheck = Precheck(message, _time.GetUtcNow());
        if (precheck != WeChatPayVerification.Valid)
        {
            return precheck;
        }

        var key = await KeyForAsync(message.Serial!, cancellationToken);
        return Check(message, key);
    }

    /// <summary>Throws <see cref="PaymentErrors.Unverified"/> unless the message verifies.</summary>
    public async Task EnsureValidAsync(WeChatPaySignedMessage message, CancellationToken cancellationToken)
    {
        if (await VerifyAsync(message, cancellationToken) != WeChatPayVerification.Valid)
        {
            throw new DomainException(PaymentErrors.Unverified);
        }
    }

    /// <summary>The header and clock checks that need no key.</summary>
    internal static WeChatPayVerification Precheck(WeChatPaySignedMessage message, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(message.Timestamp) || string.IsNullOrEmpty(message.Nonce)
            || string.IsNullOrEmpty(message.Signature) || string.IsNullOrEmpty(message.Serial))
        {
            return WeChatPayVerification.MissingHeaders;
        }

        if (message.SignatureType is { } type && type != WeChatPaySigner.Scheme)
        {
            return WeChatPayVerification.UnsupportedSignatureType;
        }

        if (message.Signature.StartsWith(SignatureProbePrefix, StringComparison.Ordinal))
        {
            return WeChatPayVerification.SignatureProbe;
        }

        if (!long.TryParse(message.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > MaxClockSkew)
        {
            return WeChatPayVerification.TimestampOutOfRange;
        }

        return WeChatPayVerification.Valid;
    }

    /// <summary>The signature check with a key already chosen (<c>null</c>: the serial is unknown).</summary>
    internal static WeChatPayVerification Check(WeChatPaySignedMessage message, RSA? key) =>
        key is null ? WeChatPayVerification.UnknownSerial
        : WeChatPayKeys.Verify(key, message.SigningBytes(), message.Signature!) ? WeChatPayVerification.Valid
        : WeChatPayVerification.BadSignature;

    private async Task<RSA?> KeyForAsync(string serial, CancellationToken cancellationToken)
    {
        if (serial.StartsWith(WeChatPayOptions.PublicKeyIdPrefix, StringComparison.Ordinal))
        {
            // The public key id is an exact string; only certificate serials are hex that varies in case.
            return PublicKeyFor(serial);
        }

        return _certificates is null ? null : await _certificates.FindAsync(serial, PublicKeyFor, cancellationToken);
    }

    private RSA? PublicKeyFor(string serial) => _publicKey is not null && serial == _options.PublicKeyId ? _publicKey : null;

    public void Dispose() => _publicKey?.Dispose();
}
