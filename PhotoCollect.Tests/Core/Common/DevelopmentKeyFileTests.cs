using PhotoCollect.Core.Common;
using PhotoCollect.Core.Students;

namespace PhotoCollect.Tests.Core.Common;

public sealed class DevelopmentKeyFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pc-keyfile-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void LoadOrCreate_ConcurrentFirstRuns_AllGetTheSameKeysAndNoTempFilesRemain()
    {
        var path = Path.Combine(_folder, "keys", "personal-data.json");

        var results = new PersonalDataOptions[8];
        Parallel.For(0, results.Length, i => results[i] = DevelopmentKeyFile.LoadOrCreate(path, PersonalDataOptions.GenerateDevelopmentKeys));

        var written = DevelopmentKeyFile.LoadOrCreate<PersonalDataOptions>(path, () => throw new InvalidOperationException("must not generate again"));
        Assert.All(results, r => Assert.Equal(written.Keys["dev-1"], r.Keys["dev-1"]));
        Assert.All(results, r => Assert.Equal(written.BlindIndexKey, r.BlindIndexKey));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
