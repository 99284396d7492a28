using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Portal.Api;

/// <summary>
/// One uploaded file plus a few small text fields, read from <c>multipart/form-data</c> as a
/// stream: the file is copied into memory only up to its limit, nothing is buffered to disk,
/// and the client's file name is never used for storage.
/// </summary>
public sealed record MultipartUpload(byte[] File, IReadOnlyDictionary<string, string> Fields)
{
    private const int MaxSections = 8;
    private const int MaxFieldBytes = 8 * 1024;

    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;

    /// <summary>Reads the form; the file is the part named <c>file</c>.</summary>
    public static async Task<MultipartUpload> ReadAsync(HttpRequest request, long maxFileBytes, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadFormAsync(request, maxFileBytes, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested && e is not BadHttpRequestException)
        {
            // A broken multipart body (missing boundary, oversized or too many part headers).
            throw new DomainException(ApiErrors.FormInvalid);
        }
    }

    private static async Task<MultipartUpload> ReadFormAsync(HttpRequest request, long maxFileBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw new DomainException(ApiErrors.MultipartRequired);
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 8 * 1024, HeadersCountLimit = 8 };
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        byte[]? file = null;
        for (var count = 0; await reader.ReadNextSectionAsync(cancellationToken) is { } section; count++)
        {
            if (count >= MaxSections)
            {
                throw new DomainException(ApiErrors.TooManyFormFields);
            }

            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (name == "file")
            {
                file = await ReadLimitedAsync(section.Body, maxFileBytes, () => ApiErrors.TooLarge(maxFileBytes), cancellationToken);
            }
            else
            {
                var bytes = await ReadLimitedAsync(section.Body, MaxFieldBytes, () => new DomainException(ApiErrors.FormFieldTooLong, name), cancellationToken);
                fields[name] = Encoding.UTF8.GetString(bytes);
            }
        }

        return file is null
            ? throw new DomainException(ApiErrors.FileRequired)
            : new MultipartUpload(file, fields);
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream body, long limit, Func<DomainException> tooLong, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw tooLong();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
