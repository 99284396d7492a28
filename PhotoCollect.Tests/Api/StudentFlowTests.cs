using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Api.StudentApiKit;

namespace PhotoCollect.Tests.Api;

[Collection(StudentApiCollection.Name)]
public sealed class StudentFlowTests(StudentApiFactory factory)
{
    [Fact]
    public async Task Student_LogsInConsentsConfirmsUploadsAndSubmits_OrderIsListed()
    {
        var batch = await AddBatchAsync(factory, b => b.PriceFen = 3000);
        var client = await SignInAsync(factory, consent: false);

        // Consent comes first: the batch lookup is refused until the student agrees.
        await AssertProblemAsync(await client.GetAsync($"/api/v1/batches/{batch.FeatureCode}?type=Centralised"), HttpStatusCode.Forbidden, "student.consent_required");
        var notice = await ReadAsync(await client.GetAsync("/api/v1/privacy-notice"));
        var consent = await client.PostAsJsonAsync("/api/v1/profile/consent", new { version = notice.GetProperty("version").GetString() });
        Assert.False((await ReadAsync(consent)).GetProperty("consentRequired").GetBoolean());

        var found = await ReadAsync(await client.GetAsync($"/api/v1/batches/{batch.FeatureCode.ToLowerInvariant()}?type=Centralised"));
        Assert.Equal(batch.Name, found.GetProperty("name").GetString());
        Assert.Equal("30.00 元", found.GetProperty("priceText").GetString());

        // The 学信网 code as a picture; the details come back masked.
        var student = NewStudent();
        var png = PhotoCollect.Core.Students.Chsi.ChsiCodeIssuer.RenderPng(IssueCode(factory, student));
        var preview = await ReadAsync(await client.PostAsync("/api/v1/chsi-codes/image", Form(png, "code.png", [("idLast4", student.IdNumber[^4..])])));
        Assert.Equal("孙*芳", preview.GetProperty("nameMasked").GetString());
        Assert.Equal(student.IdNumber[..6] + "********" + student.IdNumber[^4..], preview.GetProperty("idNumberMasked").GetString());
        Assert.DoesNotContain(student.IdNumber, preview.ToString());

        var confirmed = await client.PostAsJsonAsync("/api/v1/orders", ConfirmBody(batch, preview.GetProperty("codeText").GetString()!, student));
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var order = await ReadAsync(confirmed);
        var orderId = order.GetProperty("id").GetInt64();
        Assert.Equal("Draft", order.GetProperty("status").GetString());
        Assert.Equal("138****8000", order.GetProperty("student").GetProperty("phoneMasked").GetString());

        // A bad photo: the verdict with its issue, nothing stored.
        var filesBefore = CountStoredFiles(factory);
        var rejected = await UploadPhotoAsync(client, orderId, WrongSizePhoto(factory));
        Assert.False(rejected.GetProperty("accepted").GetBoolean());
        Assert.Contains(rejected.GetProperty("verdict").GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "photo.wrong_dimensions");
        Assert.Equal(0, await CountPhotoVersionsAsync(factory, orderId));
        Assert.Equal(filesBefore, CountStoredFiles(factory));

        var accepted = await UploadPhotoAsync(client, orderId, GoodPhoto(factory));
        Assert.True(accepted.GetProperty("accepted").GetBoolean());
        Assert.Equal(1, accepted.GetProperty("versionNo").GetInt32());
        Assert.Equal("合格", accepted.GetProperty("verdict").GetProperty("outcomeText").GetString());

        var submitted = await ReadAsync(await client.PostAsync($"/api/v1/orders/{orderId}/submit", null));
        Assert.Equal("AwaitingPayment", submitted.GetProperty("status").GetString());
        Assert.Equal("待支付", submitted.GetProperty("statusText").GetString());
        Assert.True(submitted.GetProperty("actions").GetProperty("pay").GetBoolean());

        var list = await ReadAsync(await client.GetAsync("/api/v1/orders"));
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal(orderId, listed.GetProperty("id").GetInt64());
        Assert.Equal("待支付", listed.GetProperty("statusText").GetString());

        // The owner downloads the photo; it must not be cached anywhere.
        var photo = await client.GetAsync($"/api/v1/orders/{orderId}/photos/1");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        Assert.True(photo.Headers.CacheControl?.NoStore);
        Assert.Equal(GoodPhoto(factory), await photo.Content.ReadAsByteArrayAsync());

        // The timeline tells the story in Chinese.
        var detail = await ReadAsync(await client.GetAsync($"/api/v1/orders/{orderId}"));
        var timeline = detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.Equal(["创建订单", "上传照片", "提交订单"], timeline);
    }

    [Fact]
    public async Task RejectedOrder_ShowsReasonsAndGuidance_ResubmitsWithNewPhoto_UntilTheLimit()
    {
        var batch = await AddBatchAsync(factory, b => b.MaxSubmissions = 2);
        var client = await SignInAsync(factory);
        var orderId = await CreateOrderAsync(factory, client, batch);
        await UploadPhotoAsync(client, orderId, GoodPhoto(factory));
        var submitted = await ReadAsync(await client.PostAsync($"/api/v1/orders/{orderId}/submit", null));
        Assert.Equal("PendingReview", submitted.GetProperty("status").GetString());

        // Withdraw and submit again (free batch: straight back to review).
        Assert.Equal("Draft", (await ReadAsync(await client.PostAsync($"/api/v1/orders/{orderId}/withdraw", null))).GetProperty("status").GetString());
        await AssertProblemAsync(await client.PostAsync($"/api/v1/orders/{orderId}/withdraw", null), HttpStatusCode.Conflict, "order.invalid_transition");
        Assert.Equal("PendingReview", (await ReadAsync(await client.PostAsync($"/api/v1/orders/{orderId}/submit", null))).GetProperty("status").GetString());
        await RejectAsync(orderId, ["background_color", "crown_space"], "请重新拍摄");

        var detail = await ReadAsync(await client.GetAsync($"/api/v1/orders/{orderId}"));
        Assert.Equal("已驳回", detail.GetProperty("statusText").GetString());
        var reasons = detail.GetProperty("rejection").GetProperty("reasons").EnumerateArray().ToList();
        Assert.Equal(["背景颜色不符", "头顶空间不足"], reasons.Select(r => r.GetProperty("label").GetString()));
        Assert.All(reasons, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("guidance").GetString())));
        // The catalogue's colour placeholders reach the student filled from the current spec.
        Assert.Contains(Spec(factory).BackgroundColor.TrimStart('#'), reasons[0].GetProperty("guidance").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.All(reasons, r => Assert.DoesNotContain("{", r.GetProperty("guidance").GetString()));
        Assert.Equal("请重新拍摄", detail.GetProperty("rejection").GetProperty("comment").GetString());
        var list = await ReadAsync(await client.GetAsync("/api/v1/orders"));
        Assert.Contains("背景颜色不符", list[0].GetProperty("rejectionReasons").EnumerateArray().Select(r => r.GetString()));

        // Same photo again is not a fix; a new photo is needed, and then the limit (2 submissions) is reached.
        await AssertProblemAsync(await client.PostAsync($"/api/v1/orders/{orderId}/resubmit", null), HttpStatusCode.Conflict, "order.new_photo_required");
        await UploadPhotoAsync(client, orderId, GoodPhoto(factory));
        var limit = await AssertProblemAsync(await client.PostAsync($"/api/v1/orders/{orderId}/resubmit", null), HttpStatusCode.Conflict, "order.submission_limit");
        Assert.Contains("联系", limit.GetProperty("detail").GetString());

        await UpdateBatchAsync(factory, batch.Id, b => b.MaxSubmissions = 3);
        var resubmitted = await ReadAsync(await client.PostAsync($"/api/v1/orders/{orderId}/resubmit", null));
        Assert.Equal("PendingReview", resubmitted.GetProperty("status").GetString());
        Assert.Equal(3, resubmitted.GetProperty("submissionCount").GetInt32());
        var photos = resubmitted.GetProperty("photos").EnumerateArray().ToList();
        Assert.Equal([2, 1], photos.Select(p => p.GetProperty("versionNo").GetInt32()));
        Assert.Equal("已驳回", photos[1].GetProperty("decision").GetString());
    }

    [Fact]
    public async Task PhotoCheck_IsStateless_AndFixReturnsAPassingImage()
    {
        var client = await SignInAsync(factory);
        var filesBefore = CountStoredFiles(factory);
        var verdict = await ReadAsync(await client.PostAsync("/api/v1/photos/check", Form(WrongSizePhoto(factory))));
        Assert.False(verdict.GetProperty("passed").GetBoolean());
        Assert.Equal("不合格", verdict.GetProperty("outcomeText").GetString());

        var batch = await AddBatchAsync(factory);
        var orderId = await CreateOrderAsync(factory, client, batch);
        var fixedPhoto = await ReadAsync(await client.PostAsync($"/api/v1/orders/{orderId}/photo/fix", Form(WrongSizePhoto(factory))));
        Assert.True(fixedPhoto.GetProperty("verdict").GetProperty("passed").GetBoolean());
        Assert.Equal(filesBefore, CountStoredFiles(factory));

        var jpeg = Convert.FromBase64String(fixedPhoto.GetProperty("imageBase64").GetString()!);
        var stored = await client.PostAsync($"/api/v1/orders/{orderId}/photo", Form(jpeg, "fixed.jpg", [("source", "AutoFixed")]));
        Assert.True((await ReadAsync(stored)).GetProperty("accepted").GetBoolean());
        var detail = await ReadAsync(await client.GetAsync($"/api/v1/orders/{orderId}"));
        Assert.Equal("AutoFixed", detail.GetProperty("photos")[0].GetProperty("source").GetString());
    }

    private async Task RejectAsync(long orderId, string[] reasons, string comment)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PhotoCollectDbContext>>().CreateDbContextAsync();
        var order = await db.Orders.Include(o => o.Photos).SingleAsync(o => o.Id == orderId);
        var reviewer = await db.Users.FirstAsync();
        var now = DateTimeOffset.UtcNow;
        order.Reject(reasons, comment, Actor.Staff(reviewer.Id, "审核员"), now);
        db.ReviewDecisions.Add(new ReviewDecision
        {
            OrderId = order.Id,
            PhotoVersionId = order.CurrentPhoto!.Id,
            ReviewerId = reviewer.Id,
            Approved = false,
            ReasonCodes = [.. reasons],
            Comment = comment,
            DecidedAt = now,
        });
        await db.SaveChangesAsync();
    }
}
