using Microsoft.AspNetCore.Http.HttpResults;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Students;
using PhotoCollect.Portal.Hosting;

namespace PhotoCollect.Portal.Api;

public sealed record ProfileUpdateRequest(string? Nickname);

public sealed record ConsentRequest(string? Version);

public sealed record PrivacyNoticeView(string Version, string Title, IReadOnlyList<string> Paragraphs);

/// <summary>The student's own account: profile, avatar and consent. No consent needed to read or change these.</summary>
public static class ProfileApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/privacy-notice", () => TypedResults.Ok(new PrivacyNoticeView(PrivacyNotice.Version, PrivacyNotice.Title, PrivacyNotice.Paragraphs)))
            .AllowAnonymous()
            .WithTags("个人信息")
            .WithSummary("当前版本的《个人信息收集与使用说明》");

        var profile = api.MapGroup("/profile").RequireAuthorization(Policies.Student).WithTags("个人信息");
        profile.MapGet("", async (HttpContext context, StudentAccountService accounts, CancellationToken ct) =>
                TypedResults.Ok(await accounts.GetProfileAsync(context.AccountId(), ct)))
            .WithSummary("我的账号信息（手机号打码）");

        profile.MapPut("", async Task<Ok<StudentProfile>> (ProfileUpdateRequest request, HttpContext context, StudentAccountService accounts, CancellationToken ct) =>
                TypedResults.Ok(await accounts.UpdateProfileAsync(context.AccountId(), request.Nickname, ct)))
            .WithSummary("修改昵称")
            .Errors(StudentErrors.InvalidNickname.Code);

        profile.MapPut("/avatar", async Task<Ok<StudentProfile>> (HttpContext context, StudentAccountService accounts, CancellationToken ct) =>
            {
                var upload = await MultipartUpload.ReadAsync(context.Request, AvatarImage.MaxBytes, ct);
                return TypedResults.Ok(await accounts.SetAvatarAsync(context.AccountId(), upload.File, ct));
            })
            .BodyLimit(AvatarImage.MaxBytes + 64 * 1024)
            .RequireRateLimiting(StudentRateLimits.Upload)
            .MultipartBody()
            .WithSummary("上传头像（JPG/PNG，表单字段 file，最大 5 MB；服务器裁剪为 256×256 JPG）")
            .Errors(ApiErrors.MultipartRequired.Code, ApiErrors.FileRequired.Code, ApiErrors.UploadTooLarge.Code, StudentErrors.AvatarInvalid.Code);

        profile.MapGet("/avatar", async (HttpContext context, StudentAccountService accounts, CancellationToken ct) =>
                PrivateImage.Jpeg(context, await accounts.OpenAvatarAsync(context.AccountId(), ct)))
            .Produces(200, contentType: "image/jpeg")
            .WithSummary("我的头像（JPG，不缓存）")
            .Errors(StudentErrors.AvatarNotFound.Code);

        profile.MapPost("/consent", async Task<Ok<StudentProfile>> (ConsentRequest request, HttpContext context, StudentAccountService accounts, CancellationToken ct) =>
                TypedResults.Ok(await accounts.ConsentAsync(context.AccountId(), request.Version, context.ClientAddress(), ct)))
            .WithSummary("同意《个人信息收集与使用说明》（传入当前版本号）")
            .Errors(StudentErrors.ConsentOutdated.Code);
    }
}
