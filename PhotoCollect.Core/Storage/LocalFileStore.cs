using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PhotoCollect.Core.Storage;

/// <summary>
/// <see cref="IFileStore"/> on a local folder (never under wwwroot). Files land at
/// <c>root/ab/cd/abcd….ext</c>; writes go to <c>root/.tmp</c> first and are moved into place
/// atomically, so a crash leaves no half-written file under a real key.
/// </summary>
public sealed partial class LocalFileStore : IFileStore
{
    private readonly string _root;
    private readonly string _tempFolder;

    public LocalFileStore(string root)
    {
        _root = Path.GetFullPath(root);
        _tempFolder = Path.Combine(_root, ".tmp");
        Directory.CreateDirectory(_tempFolder);
    }

    public async Task<StoredFile> PutAsync(Stream content, string extension, CancellationToken cancellationToken = default)
    {
        if (!ExtensionPattern().IsMatch(extension))
        {
            throw new ArgumentException("Extension must be 1–5 lower-case letters or digits.", nameof(extension));
        }

        var tempPath = Path.Combine(_tempFolder, Guid.NewGuid().ToString("N"));
        try
        {
            string hash;
            long length;
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
                length = file.Length;
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            var key = $"{hash}.{extension}";
            var finalPath = PathFor(key);
            Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
            if (File.Exists(finalPath))
            {
                File.Delete(tempPath);
            }
            else
            {
                try
                {
                    File.Move(tempPath, finalPath, overwrite: false);
                }
                catch (IOException) when (File.Exists(finalPath))
                {
                    // Another writer stored the same content first; identical bytes, so keep theirs.
                    File.Delete(tempPath);
                }
            }

            return new StoredFile(key, hash, length);
        }
        catch
        {
            File.Delete(tempPath);
            throw;
        }
    }

    public Stream OpenRead(string key) =>
        new FileStream(PathFor(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);

    public bool Exists(string key) => IsValidKey(key) && File.Exists(PathFor(key));

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathFor(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    public static bool IsValidKey(string key) => KeyPattern().IsMatch(key);

    private string PathFor(string key)
    {
        // Keys are the only input that reaches the file system: accept nothing but a hash and an extension.
        if (!IsValidKey(key))
        {
            throw new ArgumentException("Invalid file key.", nameof(key));
        }

        return Path.Combine(_root, key[..2], key[2..4], key);
    }

    [GeneratedRegex("^[0-9a-f]{64}\\.[a-z0-9]{1,5}\\z")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[a-z0-9]{1,5}\\z")]
    private static partial Regex ExtensionPattern();
}
