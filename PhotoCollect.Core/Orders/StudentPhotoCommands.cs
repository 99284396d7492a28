using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Storage;

namespace PhotoCollect.Core.Orders;

/// <summary>
/// The student's photo on an order: upload (inspected; stored only when nothing blocks it) and
/// 一键修正. Both are refused, before any image work, when the order says its photo cannot change.
/// </summary>
public sealed class StudentPhotoCommands(
    IDbContextFactory<PhotoCollectDbContext> factory,
    PhotoInspector inspector,
    PhotoNormalizer normalizer,
    IOptionsMonitor<PhotoSpec> spec,
    IFileStore files,
    TimeProvider time)
{
    private const string NotStoredMessage = "照片不合格，未保存：请按提示重新拍摄或选择照片，也可以试试“一键修正”。";
    private const string StoredMessage = "照片合格，已保存。";
    private const string StoredWithWarningsMessage = "照片合格（有提示），已保存：可以提交，也可以按提示换一张更好的照片。";

    /// <summary>
    /// Inspects the photo and, only if nothing blocks it, stores it as the order's new current
    /// version. The verdict comes back either way.
    /// </summary>
    public async Task<PhotoUploadResult> UploadPhotoAsync(long accountId, long orderId, byte[] bytes, PhotoSource source, string? ipAddress, CancellationToken cancellationToken)
    {
        if (source == PhotoSource.Staff)
        {
            source = PhotoSource.Album;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.OwnedWithBatchAndPhotos(accountId).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            ?? throw new DomainException(OrderErrors.NotFound);
        EnsurePhotoChangeable(order);

        var report = inspector.Inspect(bytes, spec.CurrentValue);
        var verdict = PhotoVerdict.From(report);
        if (report.HasBlockingIssue)
        {
            return new PhotoUploadResult(false, null, verdict, NotStoredMessage);
        }

        var now = time.GetUtcNow();
        StoredFile stored;
        using (var content = new MemoryStream(bytes, writable: false))
        {
            stored = await files.PutAsync(content, "jpg", cancellationToken);
        }

        var photo = new PhotoVersion
        {
            StorageKey = stored.Key,
            Sha256 = stored.Sha256,
            SizeBytes = stored.Length,
            Width = report.Measurements.Width,
            Height = report.Measurements.Height,
            Source = source,
            CheckReportJson = report.ToJson(),
            Outcome = report.Outcome,
            UploadedAt = now,
        };
        order.AttachPhoto(photo, order.Batch!, Actor.Student(accountId, ipAddress), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Only a concurrent change can fail here: the order's version token, or another upload taking the same version number.
            await DeleteIfUnreferencedAsync(stored.Key);
            throw new DomainException(OrderErrors.ConcurrentChange);
        }

        return new PhotoUploadResult(true, photo.VersionNo, verdict, report.Outcome == PhotoCheckOutcome.Pass ? StoredMessage : StoredWithWarningsMessage);
    }

    /// <summary>一键修正: reframes and re-backgrounds the photo; nothing is stored until the student uploads the result.</summary>
    public async Task<PhotoFixView> FixPhotoAsync(long accountId, long orderId, byte[] bytes, CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var order = await db.Orders.OwnedWithBatchAndPhotos(accountId).AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken)
                ?? throw new DomainException(OrderErrors.NotFound);
            EnsurePhotoChangeable(order);
        }

        var result = normalizer.Fix(bytes, spec.CurrentValue);
        if (!result.Succeeded)
        {
            // The engine words its own refusal (code and message) from what it found in the picture.
            var refusal = result.Refusal!;
            throw new DomainException(refusal.Code, refusal.Message);
        }

        return new PhotoFixView(result.Jpeg!, PhotoVerdict.From(result.Report!));
    }

    /// <summary>Refuses before the image work, which costs far more than this check.</summary>
    private static void EnsurePhotoChangeable(Order order)
    {
        if (order.ChangePhotoBlocker(order.Batch!) is { } blocker)
        {
            throw new DomainException(blocker);
        }
    }

    private async Task DeleteIfUnreferencedAsync(string key)
    {
        // Identical content shares a key: keep the file if any other photo already uses it.
        await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
        if (!await db.PhotoVersions.AnyAsync(p => p.StorageKey == key))
        {
            await files.DeleteAsync(key, CancellationToken.None);
        }
    }
}
