using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PhotoCollect.Portal.Api;

/// <summary>The OpenAPI document of <c>/api/v1</c>: served at <c>/openapi/student-v1.json</c>, browsable at <c>/api-docs</c> in Development.</summary>
public static class StudentApiDocument
{
    public const string Name = "student-v1";
    public const string Path = "/openapi/" + Name + ".json";
    private const string BearerScheme = "Bearer";

    /// <summary>Codes any endpoint may answer with; listed once in the document description.</summary>
    private static readonly string[] CommonCodes = [ApiErrors.RequestInvalid.Code, ApiErrors.RateLimited.Code];

    private static readonly string[] AuthenticatedCodes = [ApiErrors.AuthRequired.Code, ApiErrors.TokenExpired.Code, Core.Students.StudentErrors.AccountNotFound.Code];

    /// <summary>Statuses that tell the client to wait: 429 always carries Retry-After, 503 when the wait is known.</summary>
    private static Dictionary<string, IOpenApiHeader>? RetryAfterHeader(int status) => status switch
    {
        429 or 503 => new Dictionary<string, IOpenApiHeader>
        {
            ["Retry-After"] = new OpenApiHeader
            {
                Description = status == 429 ? "多少秒后可以重试（总会带上）" : "多少秒后可以重试（已知时带上）",
                Required = status == 429,
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
            },
        },
        _ => null,
    };

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "PhotoCollect 学生端 API",
                Version = "v1",
                Description = """
                    微信小程序调用的学生端接口：微信登录、个人信息与授权同意、按特征码加入采集批次、识别学信网图像采集码、上传照片并即时检测、提交与跟踪订单、驳回后重新提交。

                    - 登录：`POST /api/v1/auth/wechat` 用 `wx.login` 的 code 换取访问令牌，之后在请求头携带 `Authorization: Bearer <token>`。
                    - 采集相关接口需要先同意当前版本的《个人信息收集与使用说明》（`POST /api/v1/profile/consent`）。
                    - 所有错误都是 RFC 7807 problem details：`code` 为稳定的错误码（客户端据此判断），`detail` 为给学生看的中文说明。
                    - 每个接口都可能返回 `request.invalid`（400，请求格式有误）；有频率限制的接口返回 `rate_limited`（429，带 Retry-After）。
                    - `Retry-After`（秒）：429 总会带上（`wechat.rate_limited` 为 60 秒，微信按分钟限流）；503 `wechat.unavailable` 在已知何时可重试时带上。到时间前不要重试。
                    - `wechat.invalid_code`：微信登录 code 只能用一次、5 分钟内有效，服务器从不重发同一个 code；收到后重新调用 `wx.login`（或重新授权手机号）再请求。
                    """,
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "POST /api/v1/auth/wechat 返回的 accessToken",
            };
            return Task.CompletedTask;
        });

        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var requiresStudent = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
            var codes = metadata.OfType<ApiErrorCodes>().SelectMany(e => e.Codes).ToList();
            if (requiresStudent)
            {
                codes.AddRange(AuthenticatedCodes);
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
            }

            if (metadata.OfType<MultipartBodyMetadata>().FirstOrDefault() is { } multipart)
            {
                var properties = new Dictionary<string, IOpenApiSchema> { ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
                foreach (var field in multipart.Fields)
                {
                    properties[field] = new OpenApiSchema { Type = JsonSchemaType.String };
                }

                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["multipart/form-data"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties, Required = new HashSet<string> { "file" } } },
                    },
                };
            }

            codes.AddRange(CommonCodes);
            var distinct = codes.Distinct(StringComparer.Ordinal).ToList();
            var text = new StringBuilder(operation.Description);
            if (text.Length > 0)
            {
                text.AppendLine().AppendLine();
            }

            text.AppendLine("错误码：");
            foreach (var code in distinct)
            {
                text.AppendLine($"- `{code}` ({ApiErrors.StatusOf(code)}) {ApiErrors.MeaningOf(code)}");
            }

            operation.Description = text.ToString();
            operation.Responses ??= new OpenApiResponses();
            foreach (var status in distinct.Select(ApiErrors.StatusOf).Distinct().Order())
            {
                var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!operation.Responses.ContainsKey(key))
                {
                    operation.Responses[key] = new OpenApiResponse
                    {
                        Description = string.Join("；", distinct.Where(c => ApiErrors.StatusOf(c) == status)),
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
                        Headers = RetryAfterHeader(status),
                    };
                }
            }

            return Task.CompletedTask;
        });
    }
}
