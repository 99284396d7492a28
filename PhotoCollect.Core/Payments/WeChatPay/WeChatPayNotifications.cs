using Microsoft.Extensions.Logging;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Payments.WeChatPay;

/// <summary>
/// Reads a payment or refund notify: the signature is checked over the raw body bytes before anything is parsed,
/// then the resource is decrypted with the APIv3 key. What to do with it (matching, idempotency) is the flow's job.
/// </summary>
public sealed class WeChatPayNotifications(WeChatPayVerifier verifier, WeChatPayOptions options, ILogger<WeChatPayNotifications> logger)
{
    /// <summary>
    /// The verified, decrypted notification. Throws <see cref="PaymentErrors.Unverified"/> (answer WeChat 401 so it
    /// retries), <see cref="PaymentErrors.Undecryptable"/>, or <see cref="PaymentErrors.Unavailable"/> when certificate
    /// mode must download the platform certificates first and cannot (answer 5xx; WeChat retries).
    /// </summary>
    public async Task<WeChatPayNotification> ReadAsync(WeChatPaySignedMessage message, CancellationToken cancellationToken)
    {
        var verdict = await verifier.VerifyAsync(message, cancellationToken);
        if (verdict != WeChatPayVerification.Valid)
        {
            logger.LogWarning("WeChat Pay notify refused: {Verdict} (serial {Serial}, timestamp {Timestamp})", verdict, message.Serial, message.Timestamp);
            throw new DomainException(PaymentErrors.Unverified);
        }

        var envelope = WeChatPayJson.Read<WeChatPayNotifyEnvelope>(message.Body);
        if (string.IsNullOrEmpty(envelope.Id) || string.IsNullOrEmpty(envelope.EventType) || envelope.Resource is null)
        {
            throw new DomainException(PaymentErrors.Unverified);
        }

        var plaintext = WeChatPayAead.Decrypt(envelope.Resource, options.ApiV3Key);
        return new WeChatPayNotification(envelope.Id, envelope.EventType, envelope.CreateTime, plaintext);
    }
}
