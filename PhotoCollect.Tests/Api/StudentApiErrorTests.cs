using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Students.Chsi;
using PhotoCollect.Core.Students.WeChat;
using PhotoCollect.Portal.Api;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Api.StudentApiKit;

namespace PhotoCollect.Tests.Api;

/// <summary>Every error of the student API answers with its status, its stable code and a Chinese detail.</summary>
[Collection(StudentApiCollection.Name)]
public sealed class StudentApiErrorTests(StudentApiFactory factory)
{
    [Theory]
    [InlineData("", "auth.code_required", HttpStatusCode.BadRequest)]
    [InlineData(SimulatedWeChatServer.InvalidCodeTrigger, "wechat.invalid_code", HttpStatusCode.BadRequest)]
    [InlineData(SimulatedWeChatServer.RiskyUserTrigger, "wechat.risky_user", HttpStatusCode.Forbidden)]
    [InlineData(SimulatedWeChatServer.RateLimitTrigger, "wechat.rate_limited", HttpStatusCode.TooManyRequests)]
    [InlineData(SimulatedWeChatServer.SystemBusyTrigger, "wechat.unavailable", HttpStatusCode.ServiceUnavailable)]
    public async Task Login_WithBadCode_AnswersWeChatsReason(string code, string expected, HttpStatusCode status)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/wechat", new { code });
        await AssertProblemAsync(response, status, expected);
    }

    [Fact]
    public async Task SameLoginCode_GivesSameAccount_AndNoSessionKeyLeaves()
    {
        var client = factory.CreateClient();
        var first = await client.PostAsJsonAsync("/api/v1/auth/wechat", new { code = "same-student" });
        var second = await client.PostAsJsonAsync("/api/v1/auth/wechat", new { code = "same-student" });
        var body = await first.Content.ReadAsStringAsync();
        Assert.Equal((await ReadAsync(first)).GetProperty("profile").GetProperty("accountId").GetInt64(), (await ReadAsync(second)).GetProperty("profile").GetProperty("accountId").GetInt64());
        Assert.DoesNotContain("session", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("openid", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Tokens_MissingForgedOrExpired_AreRefused()
    {
        var client = factory.CreateClient();
        await AssertProblemAsync(await client.GetAsync("/api/v1/profile"), HttpStatusCode.Unauthorized, "auth.required");

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.forged");
        await AssertProblemAsync(await client.GetAsync("/api/v1/profile"), HttpStatusCode.Unauthorized, "auth.required");

        var tokens = new StudentTokenService(factory.Services.GetRequiredService<IOptions<StudentTokenOptions>>(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-2)));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue(1).AccessToken);
        await AssertProblemAsync(await client.GetAsync("/api/v1/profile"), HttpStatusCode.Unauthorized, "auth.token_expired");
    }

    [Fact]
    public async Task Profile_NicknamePhoneAvatarAndConsent_AreValidated()
    {
        var client = await SignInAsync(factory, consent: false);
        await AssertProblemAsync(await client.PutAsJsonAsync("/api/v1/profile", new { nickname = " " }), HttpStatusCode.BadRequest, "student.invalid_nickname");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/profile/consent", new { version = "2020.01" }), HttpStatusCode.Conflict, "student.consent_outdated");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/phone", new { code = "" }), HttpStatusCode.BadRequest, "student.phone_code_required");
        await AssertProblemAsync(await client.GetAsync("/api/v1/profile/avatar"), HttpStatusCode.NotFound, "student.avatar_not_found");
        await AssertProblemAsync(await client.PutAsync("/api/v1/profile/avatar", Form("<svg/>"u8.ToArray(), "a.svg")), (HttpStatusCode)422, "student.avatar_invalid");

        var phone = await ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/phone", new { code = "phone-13912345678" }));
        Assert.Equal("139****5678", phone.GetProperty("phoneMasked").GetString());
        var named = await ReadAsync(await client.PutAsJsonAsync("/api/v1/profile", new { nickname = "小芳" }));
        Assert.True(named.GetProperty("profileCompleted").GetBoolean());

        // The avatar is re-encoded to a 256×256 JPEG and served without caching.
        Assert.True((await ReadAsync(await client.PutAsync("/api/v1/profile/avatar", Form(GoodPhoto(factory))))).GetProperty("hasAvatar").GetBoolean());
        var avatar = await client.GetAsync("/api/v1/profile/avatar");
        Assert.True(avatar.Headers.CacheControl?.NoStore);
        using var image = SixLabors.ImageSharp.Image.Load(await avatar.Content.ReadAsByteArrayAsync());
        Assert.Equal((256, 256), (image.Width, image.Height));
    }

    [Fact]
    public async Task BatchLookup_EachReason_HasItsOwnCode()
    {
        var client = await SignInAsync(factory);
        var open = await AddBatchAsync(factory);
        var closed = await AddBatchAsync(factory, b => b.Status = BatchStatus.Closed);
        var expired = await AddBatchAsync(factory, b => b.ClosesAt = DateTimeOffset.UtcNow.AddMinutes(-1));
        var future = await AddBatchAsync(factory, b => b.OpensAt = DateTimeOffset.UtcNow.AddDays(2));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/batches/{open.FeatureCode[..4]}-{open.FeatureCode[4..]}?type=Centralised")).StatusCode);
        await AssertProblemAsync(await client.GetAsync("/api/v1/batches/ABC0O1IL?type=Centralised"), HttpStatusCode.BadRequest, "batch.code_invalid");
        await AssertProblemAsync(await client.GetAsync("/api/v1/batches/ZZZZZZZZ?type=Centralised"), HttpStatusCode.NotFound, "batch.not_found");
        await AssertProblemAsync(await client.GetAsync($"/api/v1/batches/{open.FeatureCode}?type=Individual"), HttpStatusCode.Conflict, "batch.type_mismatch");
        await AssertProblemAsync(await client.GetAsync($"/api/v1/batches/{closed.FeatureCode}?type=Centralised"), HttpStatusCode.Conflict, "batch.closed");
        await AssertProblemAsync(await client.GetAsync($"/api/v1/batches/{expired.FeatureCode}?type=Centralised"), HttpStatusCode.Conflict, "batch.expired");
        await AssertProblemAsync(await client.GetAsync($"/api/v1/batches/{future.FeatureCode}?type=Centralised"), HttpStatusCode.Conflict, "batch.not_open");
        await AssertProblemAsync(await client.GetAsync($"/api/v1/batches/{open.FeatureCode}?type=Nonsense"), HttpStatusCode.BadRequest, "request.invalid");
    }

    [Fact]
    public async Task ChsiCode_EachProblem_HasItsOwnCode()
    {
        var client = await SignInAsync(factory);
        var student = NewStudent();
        var last4 = student.IdNumber[^4..];
        var text = IssueCode(factory, student);
        var now = DateTimeOffset.UtcNow;

        async Task ExpectText(string? codeText, string idLast4, HttpStatusCode status, string code) =>
            await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/chsi-codes/text", new { codeText, idLast4 }), status, code);

        await ExpectText(text, "12", HttpStatusCode.BadRequest, ChsiCodeError.InvalidLast4.Code);
        await ExpectText(text, last4 == "0000" ? "1111" : "0000", (HttpStatusCode)422, ChsiCodeError.HolderMismatch.Code);
        await ExpectText("https://weixin.qq.com/r/abc", last4, (HttpStatusCode)422, ChsiCodeError.Malformed.Code);
        await ExpectText(null, last4, (HttpStatusCode)422, ChsiCodeError.Malformed.Code);
        await ExpectText(text[..^6] + (text[^6] == 'A' ? 'B' : 'A') + text[^5..], last4, (HttpStatusCode)422, ChsiCodeError.Tampered.Code);
        await ExpectText(IssueCode(factory, student, now.AddDays(-10), TimeSpan.FromDays(1)), last4, (HttpStatusCode)422, ChsiCodeError.Expired.Code);
        var foreignIssuer = new ChsiCodeIssuer(Options.Create(TestKeys.ChsiCodes("b")));
        await ExpectText(foreignIssuer.Issue(student, now), last4, (HttpStatusCode)422, ChsiCodeError.UnknownKey.Code);

        var ok = await ReadAsync(await client.PostAsJsonAsync("/api/v1/chsi-codes/text", new { codeText = text, idLast4 = last4.ToLowerInvariant() }));
        Assert.Equal(student.SchoolName, ok.GetProperty("schoolName").GetString());

        // Pictures: no QR in a photo, a text file, a truncated PNG (another student: the decode limit is 10 a minute).
        client = await SignInAsync(factory);
        async Task ExpectImage(byte[] file, HttpStatusCode status, string code) =>
            await AssertProblemAsync(await client.PostAsync("/api/v1/chsi-codes/image", Form(file, "code.png", [("idLast4", last4)])), status, code);

        await ExpectImage(GoodPhoto(factory), (HttpStatusCode)422, "qr.not_found");
        await ExpectImage("这不是图片"u8.ToArray(), (HttpStatusCode)422, "qr.not_image");
        var png = ChsiCodeIssuer.RenderPng(text);
        await ExpectImage(png[..(png.Length / 2)], (HttpStatusCode)422, "qr.corrupt");
    }

    [Fact]
    public async Task Confirm_BadContactsClosedBatchAndDuplicates_AreRefused()
    {
        var client = await SignInAsync(factory);
        var batch = await AddBatchAsync(factory);
        var student = NewStudent();
        var text = IssueCode(factory, student);

        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/orders", ConfirmBody(batch, text, student, email: "not-an-email")), HttpStatusCode.BadRequest, "student.invalid_email");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/orders", ConfirmBody(batch, text, student, phone: "1380013800")), HttpStatusCode.BadRequest, "student.invalid_phone");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/orders", ConfirmBody(batch, text, student, phone: "+86 138-0013-8000"))).StatusCode);

        var again = await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/orders", ConfirmBody(batch, text, student)), HttpStatusCode.Conflict, "order.duplicate");
        Assert.Contains("我的订单", again.GetProperty("detail").GetString());

        // Another WeChat account with the same student's code is refused too, with a different explanation.
        var other = await SignInAsync(factory);
        var foreign = await AssertProblemAsync(await other.PostAsJsonAsync("/api/v1/orders", ConfirmBody(batch, text, student)), HttpStatusCode.Conflict, "order.duplicate");
        Assert.Contains("另一个微信账号", foreign.GetProperty("detail").GetString());

        var closed = await AddBatchAsync(factory, b => b.Status = BatchStatus.Closed);
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/orders", ConfirmBody(closed, text, student)), HttpStatusCode.Conflict, "batch.closed");
    }

    [Fact]
    public async Task OrderActions_InTheWrongState_AreRefused()
    {
        var client = await SignInAsync(factory);
        var batch = await AddBatchAsync(factory);
        var orderId = await CreateOrderAsync(factory, client, batch);

        await AssertProblemAsync(await client.PostAsync($"/api/v1/orders/{orderId}/submit", null), HttpStatusCode.Conflict, "order.photo_required");
        await AssertProblemAsync(await client.PostAsync($"/api/v1/orders/{orderId}/resubmit", null), HttpStatusCode.Conflict, "order.invalid_transition");
        await AssertProblemAsync(await client.GetAsync($"/api/v1/orders/{orderId}/photos/1"), HttpStatusCode.NotFound, "order.photo_not_found");
        await AssertProblemAsync(await client.GetAsync("/api/v1/orders/999999999"), HttpStatusCode.NotFound, "order.not_found");

        await UploadPhotoAsync(client, orderId, GoodPhoto(factory));
        await client.PostAsync($"/api/v1/orders/{orderId}/submit", null);
        await AssertProblemAsync(await client.PostAsync($"/api/v1/orders/{orderId}/photo", Form(GoodPhoto(factory))), HttpStatusCode.Conflict, "order.photo_locked");
        await AssertProblemAsync(await client.PostAsync($"/api/v1/orders/{orderId}/photo/fix", Form(GoodPhoto(factory))), HttpStatusCode.Conflict, "order.photo_locked");
    }

    [Fact]
    public async Task ArchivedBatch_TakesNoMoreChanges()
    {
        var client = await SignInAsync(factory);
        var batch = await AddBatchAsync(factory);
        var orderId = await CreateOrderAsync(factory, client, batch);
        await UploadPhotoAsync(client, orderId, GoodPhoto(factory));
        await UpdateBatchAsync(factory, batch.Id, b => b.Status = BatchStatus.Archived);

        await AssertProblemAsync(await client.PostAsync($"/api/v1/orders/{orderId}/photo", Form(GoodPhoto(factory))), HttpStatusCode.Conflict, "batch.archived");
        await AssertProblemAsync(await client.PostAsync($"/api/v1/orders/{orderId}/photo/fix", Form(GoodPhoto(factory))), HttpStatusCode.Conflict, "batch.archived");
        await AssertProblemAsync(await client.PostAsync($"/api/v1/orders/{orderId}/submit", null), HttpStatusCode.Conflict, "batch.archived");
        Assert.Equal(1, await CountPhotoVersionsAsync(factory, orderId));
    }

    [Fact]
    public async Task MalformedRequests_GetProblemDetails()
    {
        var client = await SignInAsync(factory);
        var batch = await AddBatchAsync(factory);
        var orderId = await CreateOrderAsync(factory, client, batch);

        await AssertProblemAsync(await client.PostAsync("/api/v1/orders", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "request.invalid");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/photos/check", new { file = "x" }), (HttpStatusCode)415, "upload.multipart_required");
        var noFile = new MultipartFormDataContent { { new StringContent("Camera"), "source" } };
        await AssertProblemAsync(await client.PostAsync($"/api/v1/orders/{orderId}/photo", noFile), HttpStatusCode.BadRequest, "upload.file_required");
        await AssertProblemAsync(await client.PostAsync($"/api/v1/orders/{orderId}/photo", Form(GoodPhoto(factory), "p.jpg", [("source", "Staff")])), HttpStatusCode.BadRequest, "upload.invalid_source");
        await AssertProblemAsync(await client.GetAsync("/api/v1/no-such-endpoint"), HttpStatusCode.NotFound, "api.not_found");
        var broken = new ByteArrayContent("hello"u8.ToArray());
        broken.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        await AssertProblemAsync(await client.PostAsync("/api/v1/photos/check", broken), HttpStatusCode.BadRequest, "request.invalid");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/profile", new { nickname = new string('长', 100_000) }), (HttpStatusCode)413, "upload.too_large");
    }
}
