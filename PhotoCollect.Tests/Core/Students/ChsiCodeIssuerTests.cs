using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Students.Chsi;
using PhotoCollect.Tests.Core.Photos;
using PhotoCollect.Tests.Infrastructure;
using SixLabors.ImageSharp;

namespace PhotoCollect.Tests.Core.Students;

public sealed class ChsiCodeIssuerTests
{
    private static readonly DateTimeOffset Now = Builders.Now;

    private readonly ChsiCodeIssuer _issuer = new(Options.Create(TestKeys.ChsiCodes()));
    private readonly EmbeddedChsiCodeResolver _resolver = new(Options.Create(TestKeys.ChsiCodes()));
    private readonly QrCodeReader _reader = new();

    [Fact]
    public void IssuePng_ReadBackByQrCodeReader_ResolvesToTheStudent()
    {
        var student = ChsiTestStudents.SunXiaofang();
        var png = _issuer.IssuePng(student, Now);

        var read = _reader.Read(png);

        Assert.True(read.Succeeded, read.Error?.Code);
        var result = _resolver.Resolve(read.Text, "6721", Now);
        Assert.True(result.Succeeded, result.Error?.Code);
        Assert.Equal(student, result.Student);
    }

    [Fact]
    public void IssuedQr_InsideAJpegPhoneScreenshot_ResolvesToTheStudent()
    {
        // The student's real path: the code shown in the 学信网 app, screenshotted, uploaded as JPEG.
        var code = _issuer.Issue(ChsiTestStudents.OuyangNana(), Now);
        using var screenshot = QrTestImages.Screenshot(code, seed: 7, qrSide: 420, qrLeft: 330, qrTop: 900);

        var read = _reader.Read(QrTestImages.Jpeg(screenshot, quality: 80));

        Assert.True(read.Succeeded, read.Error?.Code);
        Assert.Equal(code, read.Text);
        Assert.Equal("欧阳娜娜", _resolver.Resolve(read.Text, "127x", Now).Student?.Name);
    }

    [Fact]
    public void RenderPng_IsAPngOfTheRequestedModuleSize()
    {
        var code = _issuer.Issue(ChsiTestStudents.SunXiaofang(), Now);

        var small = ChsiCodeIssuer.RenderPng(code, pixelsPerModule: 4);
        var large = ChsiCodeIssuer.RenderPng(code);

        Assert.Equal(ImageFileKind.Png, ImageFileSniffer.Sniff(large));
        var smallInfo = Image.Identify(small);
        var largeInfo = Image.Identify(large);
        Assert.Equal(smallInfo.Width, smallInfo.Height);
        Assert.Equal(smallInfo.Width * ChsiCodeIssuer.DefaultPixelsPerModule / 4, largeInfo.Width);
    }

    [Fact]
    public void Issue_InvalidStudent_DomainErrorListingProblemsInChinese()
    {
        var student = ChsiTestStudents.SunXiaofang() with { Name = " ", IdNumber = "440304200307156722" };

        var exception = Assert.Throws<DomainException>(() => _issuer.Issue(student, Now));

        Assert.Equal(ChsiCodeError.InvalidStudent.Code, exception.Code);
        Assert.Contains("缺少姓名", exception.Message);
        Assert.Contains("证件号格式不正确", exception.Message);
    }

    [Fact]
    public void Issue_NonPositiveValidity_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _issuer.Issue(ChsiTestStudents.SunXiaofang(), Now, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => _issuer.Issue(ChsiTestStudents.SunXiaofang(), Now, TimeSpan.FromDays(-1)));
    }

    [Fact]
    public void DevelopmentKeyFile_CreatedOnceAndReused_CodesSurviveARestart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pc-chsi-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(folder, "keys", "chsi-codes.json");
            var firstRun = DevelopmentKeyFile.LoadOrCreate(path, ChsiCodeOptions.GenerateDevelopmentKeys);
            var code = new ChsiCodeIssuer(Options.Create(firstRun)).Issue(ChsiTestStudents.SunXiaofang(), Now);

            var secondRun = DevelopmentKeyFile.LoadOrCreate(path, ChsiCodeOptions.GenerateDevelopmentKeys);

            Assert.Equal("dev-1", secondRun.CurrentKeyId);
            Assert.Equal(firstRun.Keys["dev-1"], secondRun.Keys["dev-1"]);
            Assert.True(new EmbeddedChsiCodeResolver(Options.Create(secondRun)).Resolve(code, "6721", Now).Succeeded);
            Assert.DoesNotContain("DefaultValidity", File.ReadAllText(path));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AddPhotoCollectCore_RegistersOneIssuerAndTheEmbeddedResolver()
    {
        await using var services = await TestServices.CreateAsync();

        var resolver = services.Provider.GetRequiredService<IChsiCodeResolver>();
        var issuer = services.Provider.GetRequiredService<ChsiCodeIssuer>();

        Assert.IsType<EmbeddedChsiCodeResolver>(resolver);
        Assert.Same(resolver, services.Provider.GetRequiredService<IChsiCodeResolver>());
        Assert.Same(issuer, services.Provider.GetRequiredService<ChsiCodeIssuer>());
        var now = services.Time.GetUtcNow();
        Assert.True(resolver.Resolve(issuer.Issue(ChsiTestStudents.SunXiaofang(), now), "6721", now).Succeeded);
    }
}
