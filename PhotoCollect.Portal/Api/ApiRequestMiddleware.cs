using Microsoft.AspNetCore.Http.Features;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Portal.Api;

/// <summary>
/// Wraps every <c>/api</c> request: enforces the endpoint's body limit before the body is read,
/// and turns domain errors and malformed requests into problem details with a stable code.
/// </summary>
public sealed class ApiRequestMiddleware(RequestDelegate next, ILogger<ApiRequestMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>()?.MaxBytes ?? ApiEndpointMetadataExtensions.DefaultBodyLimit;
        if (context.Request.ContentLength > limit)
        {
            await ApiErrors.WriteAsync(context, ApiErrors.TooLarge(limit));
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        try
        {
            await next(context);
        }
        catch (DomainException e) when (!context.Response.HasStarted)
        {
            if (e.RetryAfter is { } retryAfter)
            {
                ApiErrors.SetRetryAfter(context, retryAfter);
            }

            await ApiErrors.WriteAsync(context, e);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            if (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                await ApiErrors.WriteAsync(context, ApiErrors.TooLarge(limit));
                return;
            }

            logger.LogInformation("Bad API request {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, e.Message);
            await ApiErrors.WriteAsync(context, ApiErrors.RequestInvalid, e.StatusCode is >= 400 and < 500 ? e.StatusCode : 400);
        }
    }
}
