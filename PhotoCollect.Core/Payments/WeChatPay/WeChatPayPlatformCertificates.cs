using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Payments.WeChatPay;

/// <summary>
/// The platform certificates of certificate mode, downloaded from <c>/v3/certificates</c>: each one decrypted with
/// the APIv3 key (which only WeChat Pay and we hold, so the download cannot be forged in transit) and the download
/// itself verified with the certificate it names. Cached for <see cref="WeChatPayOptions.CertificateRefreshInterval"/>;
/// expired certificates are never used; an unknown serial triggers one download (at most one a minute for
/// unknown serials, so forged serials cannot make us hammer WeChat).
/// </summary>
public sealed class WeChatPayPlatformCertificates
{
    public static readonly TimeSpan UnknownSerialRefreshGap = TimeSpan.FromMinutes(1);

    private readonly Func<HttpClient> _http;
    private readonly WeChatPaySigner _signer;
    private readonly WeChatPayOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WeChatPayPlatformCertificates> _logger;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private Snapshot? _snapshot;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public WeChatPayPlatformCertificates(IHttpClientFactory httpClients, WeChatPaySigner signer, WeChatPayOptions options, TimeProvider time, ILogger<WeChatPayPlatformCertificates> logger)
    {
        _http = () => httpClients.CreateClient(WeChatPayClient.HttpClientName);
        _signer = signer;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Serials of the certificates held now (upper-case hex as .NET prints them).</summary>
    public IReadOnlyCollection<string> KnownSerials => _snapshot?.Keys.Keys.ToList() ?? [];

    /// <summary>How many downloads have succeeded; lets tests see a refresh happen or not.</summary>
    public int Downloads { get; private set; }

    /// <summary>The public key of the valid certificate with this serial (any case), downloading when needed; null when unknown.</summary>
    /// <param name="otherKey">Keys outside the certificates (the public key), for a download signed with one of them.</param>
    public async Task<RSA?> FindAsync(string serial, Func<string, RSA?> otherKey, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var snapshot = _snapshot;
        if (snapshot is null || now >= snapshot.FetchedAt + _options.CertificateRefreshInterval)
        {
            snapshot = await RefreshAsync(snapshot, otherKey, keepOldOnFailure: snapshot is not null, cancellationToken);
        }

        if (snapshot.Find(serial, now) is { } key)
        {
            return key;
        }

        if (now - _lastForcedRefresh < UnknownSerialRefreshGap)
        {
            return null;
        }

        _lastForcedRefresh = now;
        _logger.LogInformation("WeChat Pay serial {Serial} unknown: downloading the platform certificates again", serial);
        snapshot = await RefreshAsync(snapshot, otherKey, keepOldOnFailure: true, cancellationToken);
        return snapshot.Find(serial, now);
    }

    private async Task<Snapshot> RefreshAsync(Snapshot? seen, Func<string, RSA?> otherKey, bool keepOldOnFailure, CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } current && !ReferenceEquals(current, seen))
            {
                return current; // another caller refreshed while we waited
            }

            try
            {
                _snapshot = await DownloadAsync(otherKey, cancellationToken);
                Downloads++;
                return _snapshot;
            }
            catch (DomainException error) when (keepOldOnFailure && _snapshot is not null)
            {
                _logger.LogWarning("WeChat Pay platform certificates not refreshed ({Code}); keeping the ones held", error.Code);
                return _snapshot;
            }
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private async Task<Snapshot> DownloadAsync(Func<string, RSA?> otherKey, CancellationToken cancellationToken)
    {
        var address = new Uri(new Uri(_options.BaseAddress), "/v3/certificates");
        var raw = await WeChatPayTransport.SendAsync(_http(), _signer.CreateRequest(HttpMethod.Get, address), _logger, cancellationToken);
        var now = _time.GetUtcNow();
        var keys = new Dictionary<string, Certificate>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var list = JsonSerializer.Deserialize<CertificateList>(raw.Message.Body);
            foreach (var item in list?.Data ?? [])
            {
                using var certificate = X509Certificate2.CreateFromPem(WeChatPayAead.Decrypt(item.EncryptCertificate, _options.ApiV3Key));
                if (!string.Equals(certificate.SerialNumber, item.SerialNo, StringComparison.OrdinalIgnoreCase))
                {
                    _logger.LogWarning("WeChat Pay certificate listed as {Listed} has serial {Actual}: ignored", item.SerialNo, certificate.SerialNumber);
                    continue;
                }

                keys[certificate.SerialNumber] = new Certificate(
                    certificate.GetRSAPublicKey() ?? throw new CryptographicException("not an RSA certificate"),
                    new DateTimeOffset(certificate.NotBefore.ToUniversalTime()), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
            }
        }
        catch (Exception error) when (error is JsonException or CryptographicException or DomainException)
        {
            _logger.LogWarning(error, "WeChat Pay platform certificates could not be read");
            throw new DomainException(PaymentErrors.Unverified);
        }

        var message = raw.Message;
        var verdict = WeChatPayVerifier.Precheck(message, now);
        if (verdict == WeChatPayVerification.Valid)
        {
            var key = keys.TryGetValue(message.Serial!, out var named) ? named.Key : otherKey(message.Serial!);
            verdict = WeChatPayVerifier.Check(message, key);
        }

        if (verdict != WeChatPayVerification.Valid)
        {
            _logger.LogWarning("WeChat Pay certificate download refused: {Verdict} (serial {Serial})", verdict, message.Serial);
            throw new DomainException(PaymentErrors.Unverified);
        }

        return new Snapshot(now, keys);
    }

    private sealed record Certificate(RSA Key, DateTimeOffset NotBefore, DateTimeOffset NotAfter);

    private sealed record Snapshot(DateTimeOffset FetchedAt, Dictionary<string, Certificate> Keys)
    {
        public RSA? Find(string serial, DateTimeOffset now) =>
            Keys.TryGetValue(serial, out var certificate) && certificate.NotBefore <= now && now < certificate.NotAfter ? certificate.Key : null;
    }

    private sealed record CertificateList([property: JsonPropertyName("data")] List<CertificateItem>? Data);

    private sealed record CertificateItem(
        [property: JsonPropertyName("serial_no")] string SerialNo,
        [property: JsonPropertyName("encrypt_certificate")] WeChatPayEncryptedResource EncryptCertificate);
}
