namespace PhotoCollect.Core.Storage;

/// <summary>A stored blob: its key (content address), SHA-256 (hex) and length.</summary>
public sealed record StoredFile(string Key, string Sha256, long Length);

/// <summary>
/// Content-addressed blob store for photos and export files. Keys are the SHA-256 of the
/// content plus an extension, so storing identical content twice is a no-op.
/// </summary>
public interface IFileStore
{
    /// <param name="extension">Lower-case extension without dot, e.g. <c>jpg</c>.</param>
    Task<StoredFile> PutAsync(Stream content, string extension, CancellationToken cancellationToken = default);

    /// <summary>Opens a stored file for reading; throws <see cref="FileNotFoundException"/> when absent.</summary>
    Stream OpenRead(string key);

    bool Exists(string key);

    /// <summary>
    /// Removes the file. Identical content shares one key, so callers must first make sure
    /// no other row (photo version, export) still references it.
    /// </summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}
