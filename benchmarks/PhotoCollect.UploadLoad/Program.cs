using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// dotnet run -c Release --project benchmarks/PhotoCollect.UploadLoad -- <portal url> <photo.jpg> [requests] [concurrency] [check|store]
// check: POST /api/v1/photos/check (inspect only). store: POST /api/v1/orders/{id}/photo, each upload to its
// own fresh draft order (made through the Development-only /dev/student helpers) as when students upload,
// every upload inspected and stored.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: <portal url> <photo.jpg> [requests=400] [concurrency=8] [check|store]");
    return 2;
}

var store = args.Length > 4 && args[4] == "store";

var baseAddress = new Uri(args[0].TrimEnd('/') + "/");
var photo = await File.ReadAllBytesAsync(args[1]);
var requests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 400;
var concurrency = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 8;

using var http = new HttpClient { BaseAddress = baseAddress };
var login = await http.PostAsJsonAsync("api/v1/auth/wechat", new { code = "upload-load-" + Environment.ProcessId });
login.EnsureSuccessStatusCode();
using (var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync()))
{
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
}

(await http.PostAsJsonAsync("api/v1/profile/consent", new { version = "2026.11" })).EnsureSuccessStatusCode();

var orders = new List<long>();
if (store)
{
    using var demo = JsonDocument.Parse(await http.GetStringAsync("dev/student/demo"));
    var batch = demo.RootElement.EnumerateArray().First(b => b.GetProperty("accepting").GetBoolean());
    var total = (args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 400) + 20;
    for (var n = 0; n < total; n++)
    {
        using var sample = JsonDocument.Parse(await http.GetStringAsync("dev/student/sample-code"));
        var confirmed = await http.PostAsJsonAsync("api/v1/orders", new
        {
            featureCode = batch.GetProperty("featureCode").GetString(),
            collectionType = batch.GetProperty("type").GetString(),
            codeText = sample.RootElement.GetProperty("codeText").GetString(),
            idLast4 = sample.RootElement.GetProperty("idLast4").GetString(),
            email = "load@example.com",
            phone = "13800138000",
        });
        confirmed.EnsureSuccessStatusCode();
        using var order = JsonDocument.Parse(await confirmed.Content.ReadAsStringAsync());
        orders.Add(order.RootElement.GetProperty("id").GetInt64());
    }
}

var orderCursor = -1;

async Task<(bool Ok, double Ms)> CheckAsync()
{
    using var form = new MultipartFormDataContent();
    var file = new ByteArrayContent(photo);
    file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
    form.Add(file, "file", "photo.jpg");
    var path = store ? $"api/v1/orders/{orders[Interlocked.Increment(ref orderCursor)]}/photo" : "api/v1/photos/check";
    var started = Stopwatch.GetTimestamp();
    using var response = await http.PostAsync(path, form);
    await response.Content.ReadAsByteArrayAsync();
    return (response.IsSuccessStatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}

for (var i = 0; i < 20; i++)
{
    await CheckAsync();
}

var latencies = new List<double>(requests);
var failures = 0;
var next = 0;
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
{
    while (Interlocked.Increment(ref next) <= requests)
    {
        var (ok, ms) = await CheckAsync();
        lock (latencies)
        {
            latencies.Add(ms);
            failures += ok ? 0 : 1;
        }
    }
}));
clock.Stop();

latencies.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{requests} {(store ? "stored uploads" : "checks")} of {photo.Length / 1024} KB, {concurrency} at a time: {requests / clock.Elapsed.TotalSeconds:0.0} photos/s, " +
    $"latency median {latencies[latencies.Count / 2]:0.0} ms, p90 {latencies[(int)(latencies.Count * 0.9)]:0.0} ms, failures {failures}"));
return failures == 0 ? 0 : 1;
