using PhotoCollect.Portal.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPhotoCollectPortal();

var app = builder.Build();
app.UsePhotoCollectPortal();
await app.InitializePhotoCollectAsync();
await app.RunAsync();

/// <summary>Entry point; public for WebApplicationFactory.</summary>
public partial class Program;
