using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Demo;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Students;
using PhotoCollect.Core.Students.Chsi;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;

namespace PhotoCollect.Portal.Api.Dev;

/// <summary>
/// <c>/dev/student</c>: a phone-sized page that plays the mini program against <c>/api/v1</c>,
/// with helpers that hand out demo 特征码, a fresh 学信网 code and sample photos. Development
/// only: <see cref="Hosting.PortalHosting"/> maps it nowhere else.
/// </summary>
public static class StudentSimulator
{
    public const string Path = "/dev/student";

    public static void MapStudentSimulator(this IEndpointRouteBuilder app)
    {
        var dev = app.MapGroup(Path).AllowAnonymous().ExcludeFromDescription();
        dev.MapGet("", () =>
        {
            using var stream = typeof(StudentSimulator).Assembly.GetManifestResourceStream("student-simulator.html")
                ?? throw new InvalidOperationException("The simulator page is not embedded.");
            using var reader = new StreamReader(stream);
            return Results.Content(reader.ReadToEnd(), "text/html; charset=utf-8");
        });

        dev.MapGet("/demo", async (IDbContextFactory<PhotoCollectDbContext> factory, TimeProvider time, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var now = time.GetUtcNow();
            var batches = await db.CollectionBatches.AsNoTracking().Include(b => b.School).OrderBy(b => b.Id).Take(20).ToListAsync(ct);
            return Results.Ok(batches.Select(b => new
            {
                b.FeatureCode,
                b.Name,
                b.Type,
                TypeText = b.Type.ToChinese(),
                SchoolName = b.School!.Name,
                PriceText = Money.FormatYuan(b.PriceFen),
                Accepting = b.AcceptsSubmissions(now),
            }));
        });

        // A fresh student each time, so repeated runs never collide with the one-live-order rule.
        dev.MapGet("/sample-code", async (ChsiCodeIssuer issuer, IDbContextFactory<PhotoCollectDbContext> factory, ISecureRandom random, TimeProvider time, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var school = await db.Schools.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
            var now = time.GetUtcNow();
            var digits = random.NextString("0123456789", 3);
            var first17 = "11010520030307" + digits;
            var student = new ChsiStudent
            {
                ChsiStudentId = "DEV" + random.NextString("0123456789", 12),
                Name = "张" + (random.NextString("明华丽强静", 1) + random.NextString("伟芳娜敏杰", 1)),
                IdNumber = first17 + ChineseIdNumber.ComputeCheckCharacter(first17),
                SchoolName = school?.Name ?? "演示大学",
                SchoolCode = school?.ChsiCode,
                StudentNo = "2022" + random.NextString("0123456789", 6),
                Major = "计算机科学与技术",
                EducationLevel = "本科",
                EducationCategory = "普通全日制",
                GraduationYear = ChinaTime.ToChina(now).Year,
            };
            var text = issuer.Issue(student, now);
            return Results.Ok(new
            {
                student.Name,
                IdLast4 = student.IdNumber[^4..],
                CodeText = text,
                PngBase64 = Convert.ToBase64String(ChsiCodeIssuer.RenderPng(text, 6)),
            });
        });

        dev.MapGet("/sample-photo", (string? kind, PhotoInspector inspector, IOptionsMonitor<PhotoSpec> spec) =>
        {
            var good = Enumerable.Range(1, 40)
                .Select(DemoPhotoFactory.Create)
                .First(b => inspector.Inspect(b, spec.CurrentValue).Outcome == PhotoCheckOutcome.Pass);
            return Results.File(kind == "bad" ? Enlarged(good) : good, "image/jpeg", string.Create(CultureInfo.InvariantCulture, $"sample-{kind ?? "good"}.jpg"));
        });
    }

    /// <summary>A compliant photo at the wrong size: fails the check, and 一键修正 can repair it.</summary>
    private static byte[] Enlarged(byte[] jpeg)
    {
        using var image = Image.Load(jpeg);
        image.Mutate(x => x.Resize(600, 800));
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = 92 });
        return output.ToArray();
    }
}
