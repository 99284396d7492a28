using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Payments.WeChatPay;

/// <summary>A 2xx answer from WeChat Pay, not yet verified.</summary>
public sealed record WeChatPayRawResponse(HttpStatusCode Status, WeChatPaySignedMessage Message);

/// <summary>
/// Sends one signed request and turns every failure into a <see cref="PaymentErrors"/> error: no answer or a
/// timeout → unavailable; 5xx → unavailable; 4xx → WeChat's <c>{"code","message"}</c> logged and mapped
/// (not found, bill not ready, otherwise rejected). Error answers are not verified: they change nothing.
/// </summary>
internal static class WeChatPayTransport
{
    // WeChat Pay's JSON answers are small; a bill is downloaded separately with its own cap.
    private const int MaxJsonBytes = 256 * 1024;

    private static readonly HashSet<string> NotFoundCodes = new(StringComparer.Ordinal) { "ORDER_NOT_EXIST", "RESOURCE_NOT_EXISTS", "NOT_FOUND" };
    private static readonly HashSet<string> BillNotReadyCodes = new(StringComparer.Ordinal) { "NO_STATEMENT_EXIST", "STATEMENT_CREATING" };

    public static async Task<WeChatPayRawResponse> SendAsync(HttpClient http, HttpRequestMessage request, ILogger logger, CancellationToken cancellationToken)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (Exception error) when (error is HttpRequestException || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                logger.LogWarning(error, "WeChat Pay {Method} {Path} got no answer", request.Method, request.RequestUri?.AbsolutePath);
                throw new DomainException(PaymentErrors.Unavailable);
            }

            using (response)
            {
                var body = await ReadCappedAsync(response, MaxJsonBytes, logger, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return new WeChatPayRawResponse(response.StatusCode, WeChatPaySignedMessage.FromResponse(response, body));
                }

                var (code, message) = ErrorOf(body);
                logger.LogWarning("WeChat Pay {Method} {Path} answered {Status} {Code}: {Message}",
                    request.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, code, message);
                if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests || code == "SYSTEM_ERROR" || code == "FREQUENCY_LIMITED")
                {
                    throw new DomainException(PaymentErrors.Unavailable);
                }

                throw NotFoundCodes.Contains(code) || response.StatusCode == HttpStatusCode.NotFound ? new DomainException(PaymentErrors.NotFound)
                    : BillNotReadyCodes.Contains(code) ? new DomainException(PaymentErrors.BillNotReady)
                    : new DomainException(PaymentErrors.Rejected, code);
            }
        }
    }

    /// <summary>The body, refusing (as unavailable) one larger than <paramref name="limit"/> bytes or cut off mid-way.</summary>
    public static async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, int limit, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    logger.LogWarning("WeChat Pay answer over {Limit} bytes refused", limit);
                    throw new DomainException(PaymentErrors.Unavailable);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (Exception error) when (error is HttpRequestException or IOException || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(error, "WeChat Pay answer could not be read");
            throw new DomainException(PaymentErrors.Unavailable);
        }
    }

    private static (string Code, string Message) ErrorOf(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return (Text(root, "code") ?? "UNKNOWN", Text(root, "message") ?? "");
        }
        catch (JsonException)
        {
            return ("UNKNOWN", "");
        }

        static string? Text(JsonElement root, string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
