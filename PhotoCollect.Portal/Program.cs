using PhotoCollect.Portal.Cli;
using PhotoCollect.Portal.Hosting;

// `photo check` / `photo fix` need only the photo engine: no web server, database or demo data.
if (PhotoCli.IsCliInvocation(args))
{
    return await PhotoCli.RunAsync(args);
}

// `chsi issue` makes a test 采集码 with the portal's keys, also without a running portal.
if (ChsiCli.IsCliInvocation(args))
{
    return await ChsiCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPhotoCollectPortal();

var app = builder.Build();
app.UsePhotoCollectPortal();
await app.InitializePhotoCollectAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point; public for WebApplicationFactory.</summary>
public partial class Program;
