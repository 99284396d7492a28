using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Demo;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Students;
using PhotoCollect.Core.Students.Chsi;
using PhotoCollect.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;

namespace PhotoCollect.Tests.Api;

/// <summary>One portal for the API test classes that share it (they create their own batches and students).</summary>
[CollectionDefinition(Name)]
public sealed class StudentApiCollection : ICollectionFixture<StudentApiFactory>
{
    public const string Name = "Student API";
}

/// <summary>
/// The portal with rate limits far above what the shared tests send from one address (their
/// sign-ins would otherwise exhaust the per-address login limit); the limits themselves are
/// tested with <see cref="RateLimitedPortalFactory"/>.
/// </summary>
public sealed class StudentApiFactory : PortalFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var rule in new[] { "Login", "LoginPerAccount", "FeatureCode", "ChsiCode", "Upload" })
        {
            builder.UseSetting($"StudentApi:RateLimits:{rule}:PermitLimit", "10000");
        }
    }
}

/// <summary>Drives the student API like the mini program: sign-in, consent, batches, codes, photos.</summary>
public static class StudentApiKit
{
    private static byte[]? _goodPhoto;
    private static int _sequence;

    /// <summary>A 480×640 JPEG the engine passes.</summary>
    public static byte[] GoodPhoto(PortalFactory factory)
    {
        if (_goodPhoto is null)
        {
            var inspector = factory.Services.GetRequiredService<PhotoInspector>();
            _goodPhoto = Enumerable.Range(1, 40).Select(DemoPhotoFactory.Create).First(b => inspector.Inspect(b, Spec(factory)).Outcome == PhotoCheckOutcome.Pass);
        }

        return _goodPhoto;
    }

    /// <summary>The good photo at 600×800: fails on dimensions only.</summary>
    public static byte[] WrongSizePhoto(PortalFactory factory)
    {
        using var image = Image.Load(GoodPhoto(factory));
        image.Mutate(x => x.Resize(600, 800));
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = 92 });
        return output.ToArray();
    }

    public static async Task<HttpClient> SignInAsync(PortalFactory factory, string? code = null, bool consent = true)
    {
        var client = factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/wechat", new { code = code ?? "kit-" + Guid.NewGuid().ToString("N") });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await ReadAsync(login)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (consent)
        {
            var consented = await client.PostAsJsonAsync("/api/v1/profile/consent", new { version = PrivacyNotice.Version });
            Assert.Equal(HttpStatusCode.OK, consented.StatusCode);
        }

        return client;
    }

    /// <summary>A new batch in the demo school, with a fresh 特征码.</summary>
    public static async Task<CollectionBatch> AddBatchAsync(PortalFactory factory, Action<BatchSetup>? change = null)
    {
        var services = factory.Services;
        await using var db = await services.GetRequiredService<IDbContextFactory<PhotoCollectDbContext>>().CreateDbContextAsync();
        var school = await db.Schools.OrderBy(s => s.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var setup = new BatchSetup { OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(30) };
        change?.Invoke(setup);
        var name = "接口测试批次 " + Interlocked.Increment(ref _sequence);
        var code = await services.GetRequiredService<FeatureCodeGenerator>().NextUniqueAsync(db);
        var batch = CollectionBatch.Create(school, setup.Terms(name), code, Actor.System, now);
        Builders.MoveTo(batch, setup.Status, now);
        batch.ClearPendingAuditEvents();
        db.CollectionBatches.Add(batch);
        await db.SaveChangesAsync();
        return batch;
    }

    /// <summary>Changes a stored batch through its own methods (terms first, then the status).</summary>
    public static async Task UpdateBatchAsync(PortalFactory factory, int batchId, Action<BatchSetup> change)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PhotoCollectDbContext>>().CreateDbContextAsync();
        var batch = await db.CollectionBatches.SingleAsync(b => b.Id == batchId);
        var setup = new BatchSetup
        {
            Status = batch.Status, OpensAt = batch.OpensAt, ClosesAt = batch.ClosesAt, PriceFen = batch.PriceFen, MaxSubmissions = batch.MaxSubmissions,
        };
        change(setup);
        var now = DateTimeOffset.UtcNow;
        batch.Update(setup.Terms(batch.Name), Actor.System, now);
        Builders.MoveTo(batch, setup.Status, now);
        batch.ClearPendingAuditEvents();
        await db.SaveChangesAsync();
    }

    /// <summary>What API tests vary about a batch.</summary>
    public sealed class BatchSetup
    {
        public BatchStatus Status { get; set; } = BatchStatus.Open;
        public DateTimeOffset OpensAt { get; set; }
        public DateTimeOffset ClosesAt { get; set; }
        public int PriceFen { get; set; }
        public int MaxSubmissions { get; set; } = CollectionBatch.DefaultMaxSubmissions;

        internal BatchTerms Terms(string name) => new(name, CollectionType.Centralised, OpensAt, ClosesAt, PriceFen, 0, MaxSubmissions, null);
    }

    /// <summary>A student with a valid resident ID number, unique per call.</summary>
    public static ChsiStudent NewStudent()
    {
        var n = Interlocked.Increment(ref _sequence);
        var first17 = $"11010520030307{n % 1000:D3}";
        return new ChsiStudent
        {
            ChsiStudentId = "API" + Guid.NewGuid().ToString("N")[..12],
            Name = "孙小芳",
            IdNumber = first17 + ChineseIdNumber.ComputeCheckCharacter(first17),
            SchoolName = "示例理工大学",
            StudentNo = "20220001",
            Major = "计算机科学与技术",
            EducationLevel = "本科",
            EducationCategory = "普通全日制",
            GraduationYear = 2027,
        };
    }

    public static string IssueCode(PortalFactory factory, ChsiStudent student, DateTimeOffset? issuedAt = null, TimeSpan? validity = null) =>
        factory.Services.GetRequiredService<ChsiCodeIssuer>().Issue(student, issuedAt ?? DateTimeOffset.UtcNow, validity);

    public static object ConfirmBody(CollectionBatch batch, string codeText, ChsiStudent student, string email = "student@example.com", string phone = "13800138000") => new
    {
        featureCode = batch.FeatureCode,
        collectionType = batch.Type.ToString(),
        codeText,
        idLast4 = student.IdNumber[^4..],
        email,
        phone,
    };

    /// <summary>Confirms a fresh student into <paramref name="batch"/> and returns the order id.</summary>
    public static async Task<long> CreateOrderAsync(PortalFactory factory, HttpClient client, CollectionBatch batch)
    {
        var student = NewStudent();
        var response = await client.PostAsJsonAsync("/api/v1/orders", ConfirmBody(batch, IssueCode(factory, student), student));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ReadAsync(response)).GetProperty("id").GetInt64();
    }

    public static MultipartFormDataContent Form(byte[] file, string fileName = "photo.jpg", (string Name, string Value)[]? fields = null)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(content, "file", fileName);
        foreach (var (name, value) in fields ?? [])
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    public static async Task<JsonElement> UploadPhotoAsync(HttpClient client, long orderId, byte[] photo)
    {
        var response = await client.PostAsync($"/api/v1/orders/{orderId}/photo", Form(photo));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync(response);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a problem-details answer with this status and code, and a Chinese detail.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement.Clone();
        Assert.Equal(code, root.GetProperty("code").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", root.GetProperty("detail").GetString()!);
        return root;
    }

    public static int CountStoredFiles(PortalFactory factory)
    {
        var folder = Path.Combine(factory.DataFolder, "files");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
    }

    public static async Task<int> CountPhotoVersionsAsync(PortalFactory factory, long orderId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PhotoCollectDbContext>>().CreateDbContextAsync();
        return await db.PhotoVersions.CountAsync(p => p.OrderId == orderId);
    }

    public static PhotoSpec Spec(PortalFactory factory) => factory.Services.GetRequiredService<IOptions<PhotoSpec>>().Value;
}
