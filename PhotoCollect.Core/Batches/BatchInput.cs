using System.ComponentModel.DataAnnotations;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Batches;

/// <summary>
/// What a teacher or branch fills in to create or edit a batch. The portal form binds to it
/// and shows these Chinese messages; <see cref="BatchCommands"/> validates it again.
/// Times are China wall-clock times (what the user picks), price is in yuan.
/// </summary>
public sealed class BatchInput : IValidatableObject
{
    [Required(ErrorMessage = "请选择学校。")]
    public int? SchoolId { get; set; }

    public CollectionType Type { get; set; } = CollectionType.Centralised;

    [Required(ErrorMessage = "请填写批次名称。")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "批次名称应为 2 到 100 个字。")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "请选择开始时间。")]
    public DateTime? OpensAtLocal { get; set; }

    [Required(ErrorMessage = "请选择截止时间。")]
    public DateTime? ClosesAtLocal { get; set; }

    [Required(ErrorMessage = "请填写价格（免费填 0）。")]
    [Range(typeof(decimal), "0", "10000", ErrorMessage = "价格应在 0 到 10000 元之间。")]
    public decimal? PriceYuan { get; set; }

    [Range(0, 100_000, ErrorMessage = "预计人数应在 0 到 100000 之间。")]
    public int ExpectedHeadcount { get; set; }

    [Range(1, 10, ErrorMessage = "每单最多提交次数应在 1 到 10 之间。")]
    public int MaxSubmissions { get; set; } = CollectionBatch.DefaultMaxSubmissions;

    [StringLength(1000, ErrorMessage = "备注最多 1000 个字。")]
    public string? Notes { get; set; }

    public DateTimeOffset OpensAt => ChinaTime.FromChinaLocal(OpensAtLocal!.Value);

    public DateTimeOffset ClosesAt => ChinaTime.FromChinaLocal(ClosesAtLocal!.Value);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OpensAtLocal is { } opens && ClosesAtLocal is { } closes && closes <= opens)
        {
            yield return new ValidationResult(BatchErrors.ClosesBeforeOpens.Message, [nameof(ClosesAtLocal)]);
        }

        if (PriceYuan is { } price && price * 100m != decimal.Truncate(price * 100m))
        {
            yield return new ValidationResult(BatchErrors.PriceTooPrecise.Message, [nameof(PriceYuan)]);
        }
    }

    /// <summary>Throws the problems as <see cref="BatchErrors.Invalid"/>; the form shows them per field.</summary>
    public void EnsureValid()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new DomainException(BatchErrors.Invalid, string.Join(" ", results.Select(r => r.ErrorMessage)));
        }
    }

    /// <summary>The validated values as the batch keeps them: price in fen, times as instants, blanks trimmed.</summary>
    public BatchTerms ToTerms()
    {
        EnsureValid();
        return new BatchTerms(
            Name.Trim(),
            Type,
            OpensAt,
            ClosesAt,
            Money.YuanToFen(PriceYuan!.Value),
            ExpectedHeadcount,
            MaxSubmissions,
            string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim());
    }

    public static BatchInput From(CollectionBatch batch) => new()
    {
        SchoolId = batch.SchoolId,
        Type = batch.Type,
        Name = batch.Name,
        OpensAtLocal = ChinaTime.ToChina(batch.OpensAt).DateTime,
        ClosesAtLocal = ChinaTime.ToChina(batch.ClosesAt).DateTime,
        PriceYuan = Money.FenToYuan(batch.PriceFen),
        ExpectedHeadcount = batch.ExpectedHeadcount,
        MaxSubmissions = batch.MaxSubmissions,
        Notes = batch.Notes,
    };
}
