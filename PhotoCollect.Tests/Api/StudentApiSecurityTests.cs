using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Api.StudentApiKit;

namespace PhotoCollect.Tests.Api;

/// <summary>Hostile uploads and who may touch what.</summary>
[Collection(StudentApiCollection.Name)]
public sealed class StudentApiSecurityTests(StudentApiFactory factory)
{
    public static TheoryData<string, string> HostilePhotos => new()
    {
        { "zero-bytes", "photo.empty" },
        { "png-as-jpeg", "photo.not_jpeg" },
        { "truncated", "photo.truncated" },
        { "bomb-header", "photo.too_many_pixels" },
    };

    [Theory]
    [MemberData(nameof(HostilePhotos))]
    public async Task HostileUpload_GetsAClearVerdict_StoresNothing(string kind, string expectedCode)
    {
        var client = await SignInAsync(factory);
        var orderId = await CreateOrderAsync(factory, client, await AddBatchAsync(factory));
        var filesBefore = CountStoredFiles(factory);

        var result = await UploadPhotoAsync(client, orderId, Hostile(kind));

        Assert.False(result.GetProperty("accepted").GetBoolean());
        var issue = Assert.Single(result.GetProperty("verdict").GetProperty("issues").EnumerateArray());
        Assert.Equal(expectedCode, issue.GetProperty("code").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", issue.GetProperty("message").GetString()!);
        Assert.Equal(0, await CountPhotoVersionsAsync(factory, orderId));
        Assert.Equal(filesBefore, CountStoredFiles(factory));

        // 一键修正 refuses the same file with the same code.
        await AssertProblemAsync(await client.PostAsync($"/api/v1/orders/{orderId}/photo/fix", Form(Hostile(kind))), (HttpStatusCode)422, expectedCode);
    }

    [Fact]
    public async Task OversizedBody_IsRefusedBeforeReading_NothingStored()
    {
        var client = await SignInAsync(factory);
        var orderId = await CreateOrderAsync(factory, client, await AddBatchAsync(factory));
        var filesBefore = CountStoredFiles(factory);
        var huge = new byte[Spec(factory).MaxUploadBytes + 200 * 1024];
        huge[0] = 0xFF;
        huge[1] = 0xD8;

        await AssertProblemAsync(await client.PostAsync($"/api/v1/orders/{orderId}/photo", Form(huge)), HttpStatusCode.RequestEntityTooLarge, "upload.too_large");
        await AssertProblemAsync(await client.PostAsync("/api/v1/photos/check", Form(huge)), HttpStatusCode.RequestEntityTooLarge, "upload.too_large");

        // Without a declared length (chunked), the cap applies while reading.
        var chunked = Form(huge);
        chunked.Headers.ContentLength = null;
        var stream = new StreamContent(await chunked.ReadAsStreamAsync());
        stream.Headers.ContentType = chunked.Headers.ContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{orderId}/photo") { Content = stream };
        request.Headers.TransferEncodingChunked = true;
        await AssertProblemAsync(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "upload.too_large");

        Assert.Equal(0, await CountPhotoVersionsAsync(factory, orderId));
        Assert.Equal(filesBefore, CountStoredFiles(factory));
    }

    [Fact]
    public async Task AnotherStudentsOrder_IsNotFound_OnEveryEndpoint()
    {
        var owner = await SignInAsync(factory);
        var orderId = await CreateOrderAsync(factory, owner, await AddBatchAsync(factory));
        await UploadPhotoAsync(owner, orderId, GoodPhoto(factory));
        var stranger = await SignInAsync(factory);

        var attempts = new Func<Task<HttpResponseMessage>>[]
        {
            () => stranger.GetAsync($"/api/v1/orders/{orderId}"),
            () => stranger.PostAsync($"/api/v1/orders/{orderId}/submit", null),
            () => stranger.PostAsync($"/api/v1/orders/{orderId}/withdraw", null),
            () => stranger.PostAsync($"/api/v1/orders/{orderId}/resubmit", null),
            () => stranger.PostAsync($"/api/v1/orders/{orderId}/photo", Form(GoodPhoto(factory))),
            () => stranger.PostAsync($"/api/v1/orders/{orderId}/photo/fix", Form(GoodPhoto(factory))),
        };
        foreach (var attempt in attempts)
        {
            await AssertProblemAsync(await attempt(), HttpStatusCode.NotFound, "order.not_found");
        }

        await AssertProblemAsync(await stranger.GetAsync($"/api/v1/orders/{orderId}/photos/1"), HttpStatusCode.NotFound, "order.photo_not_found");
        Assert.Empty((await ReadAsync(await stranger.GetAsync("/api/v1/orders"))).EnumerateArray());

        // Nothing changed for the owner.
        var detail = await ReadAsync(await owner.GetAsync($"/api/v1/orders/{orderId}"));
        Assert.Equal("Draft", detail.GetProperty("status").GetString());
        Assert.Equal(1, await CountPhotoVersionsAsync(factory, orderId));
    }

    [Fact]
    public async Task PortalCookie_DoesNotAuthoriseTheApi_AndStudentToken_DoesNotOpenThePortal()
    {
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await AssertProblemAsync(await admin.GetAsync("/api/v1/orders"), HttpStatusCode.Unauthorized, "auth.required");
        await AssertProblemAsync(await admin.GetAsync("/api/v1/profile"), HttpStatusCode.Unauthorized, "auth.required");

        var student = await SignInAsync(factory);
        var token = student.DefaultRequestHeaders.Authorization!;
        var browser = factory.CreateBrowserLikeClient();
        browser.DefaultRequestHeaders.Authorization = token;
        foreach (var page in new[] { "/", "/admin/audit", "/admin/chsi-codes" })
        {
            var response = await browser.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task DevelopmentOnly_SimulatorAndApiPage_AreServedInDevelopment()
    {
        var client = factory.CreateClient();
        Assert.Contains("学生端模拟器", await client.GetStringAsync("/dev/student"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api-docs/index.html")).StatusCode);
    }

    private byte[] Hostile(string kind)
    {
        var good = GoodPhoto(factory);
        return kind switch
        {
            "zero-bytes" => [],
            "png-as-jpeg" => PhotoCollect.Core.Students.Chsi.ChsiCodeIssuer.RenderPng("not a photo"),
            "truncated" => good[..(good.Length * 2 / 3)],
            "bomb-header" => TestImages.JpegWithDeclaredSize(good, 60000, 60000),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}

/// <summary>Production keeps the simulator, the API page and the simulated WeChat away.</summary>
public sealed class StudentApiProductionTests
{
    [Fact]
    public void Production_WithoutTokenKey_RefusesToStart()
    {
        using var factory = new ProductionPortalFactory();
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("StudentApi:SigningKey must be configured in Production", error.ToString());
    }

    [Fact]
    public async Task Production_HasNoSimulatorNoApiPage_ButServesTheApiAndItsDocument()
    {
        using var factory = new ProductionPortalFactory(withTokenKey: true);
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/dev/student")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/dev/student/sample-code")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/api-docs/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/student-v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/privacy-notice")).StatusCode);
        await AssertProblemAsync(await client.GetAsync("/api/v1/orders"), HttpStatusCode.Unauthorized, "auth.required");
    }

    private sealed class ProductionPortalFactory(bool withTokenKey = false) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (withTokenKey)
            {
                builder.UseSetting("StudentApi:SigningKey", TestKeys.KeyB);
            }

            builder.UseEnvironment("Production");

            // Every other Production requirement is met, so the missing token key is what stops the start.
            builder.UseSetting("PersonalData:CurrentKeyId", "a");
            builder.UseSetting("PersonalData:Keys:a", TestKeys.KeyA);
            builder.UseSetting("PersonalData:BlindIndexKey", TestKeys.BlindIndex);
            builder.UseSetting("ChsiCodes:CurrentKeyId", "a");
            builder.UseSetting("ChsiCodes:Keys:a", TestKeys.ChsiKeyA);
            builder.UseSetting("WeChat:AppId", "wx-test");
            builder.UseSetting("WeChat:AppSecret", "secret");
        }
    }
}
