using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;

namespace PhotoCollect.Core.Batches;

/// <summary>A batch as a student sees it after typing its 特征码.</summary>
public sealed record BatchForStudent(
    int Id,
    string FeatureCode,
    string Name,
    CollectionType Type,
    string TypeText,
    string SchoolName,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int PriceFen,
    string PriceText,
    int MaxSubmissions,
    BatchStatus Status,
    string StatusText);

/// <summary>Finds the batch a student joins by 特征码, with a distinct error for each reason it cannot be joined.</summary>
public sealed class FeatureCodeLookup(IDbContextFactory<PhotoCollectDbContext> factory, TimeProvider time)
{
    /// <summary>
    /// Upper case without blanks or dashes: what a student copies from a class group message
    /// often has them. Throws <see cref="BatchErrors.CodeInvalid"/> when it cannot be a code.
    /// </summary>
    public static string Normalize(string? featureCode)
    {
        var value = FeatureCodeGenerator.Normalize(featureCode ?? "");
        if (!FeatureCodeGenerator.IsWellFormed(value))
        {
            throw new DomainException(BatchErrors.CodeInvalid);
        }

        return value;
    }

    /// <summary>The open batch with this code and type, or the reason why it cannot be joined now.</summary>
    public async Task<BatchForStudent> FindOpenAsync(string? featureCode, CollectionType type, CancellationToken cancellationToken)
    {
        var batch = await FindBatchAsync(featureCode, type, cancellationToken);
        batch.EnsureAcceptsSubmissions(time.GetUtcNow());
        return ToView(batch);
    }

    /// <summary>The batch with this code and type in any state (the caller applies the state rules); loads its school.</summary>
    public async Task<CollectionBatch> FindBatchAsync(string? featureCode, CollectionType type, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await FindBatchAsync(db.CollectionBatches.AsNoTracking(), featureCode, type, cancellationToken);
    }

    /// <summary>As above, from <paramref name="batches"/> (tracked or not, as the caller needs).</summary>
    internal static async Task<CollectionBatch> FindBatchAsync(IQueryable<CollectionBatch> batches, string? featureCode, CollectionType type, CancellationToken cancellationToken)
    {
        var code = Normalize(featureCode);
        var batch = await batches.Include(b => b.School)
            .SingleOrDefaultAsync(b => b.FeatureCode == code, cancellationToken)
            ?? throw new DomainException(BatchErrors.CodeNotFound);
        if (batch.Type != type)
        {
            throw new DomainException(BatchErrors.TypeMismatch, batch.Type.ToChinese());
        }

        return batch;
    }

    public static BatchForStudent ToView(CollectionBatch batch) => new(
        batch.Id,
        batch.FeatureCode,
        batch.Name,
        batch.Type,
        batch.Type.ToChinese(),
        batch.School?.Name ?? "",
        batch.OpensAt,
        batch.ClosesAt,
        batch.PriceFen,
        Money.FormatYuan(batch.PriceFen),
        batch.MaxSubmissions,
        batch.Status,
        batch.Status.ToChinese());
}
