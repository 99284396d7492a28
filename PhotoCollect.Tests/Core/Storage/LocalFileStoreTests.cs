using System.Security.Cryptography;
using PhotoCollect.Core.Storage;

namespace PhotoCollect.Tests.Core.Storage;

public sealed class LocalFileStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pc-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Put_StoresUnderContentHash_AndReadsBack()
    {
        var store = new LocalFileStore(_root);
        var bytes = RandomNumberGenerator.GetBytes(200_000);

        var stored = await store.PutAsync(new MemoryStream(bytes), "jpg");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.Equal(stored.Sha256 + ".jpg", stored.Key);
        Assert.Equal(bytes.Length, stored.Length);
        Assert.True(store.Exists(stored.Key));
        await using var read = store.OpenRead(stored.Key);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.False(stored.Key.Contains(_root, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Put_SameContentTwice_IsIdempotentAndLeavesNoTempFiles()
    {
        var store = new LocalFileStore(_root);
        var bytes = RandomNumberGenerator.GetBytes(1000);

        var first = await store.PutAsync(new MemoryStream(bytes), "jpg");
        var second = await store.PutAsync(new MemoryStream(bytes), "jpg");

        Assert.Equal(first, second);
        Assert.Single(Directory.GetFiles(_root, "*.jpg", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(_root, ".tmp")));
    }

    [Fact]
    public async Task Put_ConcurrentIdenticalWrites_OneFile()
    {
        var store = new LocalFileStore(_root);
        var bytes = RandomNumberGenerator.GetBytes(500_000);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.PutAsync(new MemoryStream(bytes), "jpg"))));

        Assert.Single(results.Select(r => r.Key).Distinct());
        Assert.Single(Directory.GetFiles(_root, "*.jpg", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(_root, ".tmp")));
    }

    [Fact]
    public async Task Put_StreamFailsMidway_LeavesNothing()
    {
        var store = new LocalFileStore(_root);

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync(new FailingStream(), "jpg"));

        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF.jpg")]
    [InlineData("")]
    public void OpenRead_HostileKey_Rejected(string key)
    {
        var store = new LocalFileStore(_root);
        Assert.Throws<ArgumentException>(() => store.OpenRead(key));
        Assert.False(store.Exists(key));
    }

    [Fact]
    public async Task Delete_RemovesFile()
    {
        var store = new LocalFileStore(_root);
        var stored = await store.PutAsync(new MemoryStream([1, 2, 3]), "bin");
        await store.DeleteAsync(stored.Key);
        Assert.False(store.Exists(stored.Key));
    }

    private sealed class FailingStream : Stream
    {
        private int _reads;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_reads++ > 2)
            {
                throw new IOException("connection reset");
            }

            Array.Fill(buffer, (byte)7, offset, count);
            return count;
        }
    }
}
