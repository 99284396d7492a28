using System.Text;

namespace PhotoCollect.Core.Payments.WeChatPay;

/// <summary>A response or callback as received: the four signature headers and the raw body bytes, before any parsing.</summary>
public sealed record WeChatPaySignedMessage(string? Timestamp, string? Nonce, string? Signature, string? Serial, string? SignatureType, byte[] Body)
{
    /// <summary>From any header source (an HTTP response, an ASP.NET request) by name; a header sent twice counts as missing.</summary>
    public static WeChatPaySignedMessage FromHeaders(Func<string, string?> header, byte[] body) =>
        new(header(WeChatPayHeaders.Timestamp), header(WeChatPayHeaders.Nonce), header(WeChatPayHeaders.Signature),
            header(WeChatPayHeaders.Serial), header(WeChatPayHeaders.SignatureType), body);

    public static WeChatPaySignedMessage FromResponse(HttpResponseMessage response, byte[] body) =>
        FromHeaders(name => response.Headers.TryGetValues(name, out var values) && values.ToList() is [var single] ? single : null, body);

    /// <summary><c>timestamp\nnonce\nbody\n</c> over the body's own bytes (an empty body still ends with its line feed).</summary>
    public byte[] SigningBytes()
    {
        var head = Encoding.UTF8.GetBytes($"{Timestamp}\n{Nonce}\n");
        var message = new byte[head.Length + Body.Length + 1];
        head.CopyTo(message, 0);
        Body.CopyTo(message, head.Length);
        message[^1] = (byte)'\n';
        return message;
    }
}

/// <summary>Why a signed message was refused (or <see cref="Valid"/>); logged, never shown to users.</summary>
public enum WeChatPayVerification
{
    Valid,
    MissingHeaders,
    UnsupportedSignatureType,

    /// <summary>WeChat's probe signatures (<c>WECHATPAY/SIGNTEST/…</c>) check that merchants do verify: they must fail.</summary>
    SignatureProbe,
    TimestampOutOfRange,
    UnknownSerial,
    BadSignature,
}
