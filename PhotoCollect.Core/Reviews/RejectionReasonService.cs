using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;

namespace PhotoCollect.Core.Reviews;

public sealed class ReasonInput
{
    /// <summary>Stable code; set once, since decisions store it.</summary>
    [Required(ErrorMessage = "请填写代码。")]
    [RegularExpression("^[a-z][a-z0-9_]{1,39}$", ErrorMessage = "代码只能使用小写字母、数字和下划线，以字母开头，2 到 40 个字符。")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "请填写原因名称。")]
    [StringLength(50, ErrorMessage = "原因名称最多 50 个字。")]
    public string Label { get; set; } = "";

    [Required(ErrorMessage = "请填写给学生的修改指引。")]
    [StringLength(500, ErrorMessage = "修改指引最多 500 个字。")]
    public string Guidance { get; set; } = "";

    [Range(0, 100_000, ErrorMessage = "排序应在 0 到 100000 之间。")]
    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>
/// The rejection-reason catalogue: the admins' list and edits (codes never change once used) and
/// the active reasons the review workspace offers.
/// </summary>
public sealed class RejectionReasonService(IDbContextFactory<PhotoCollectDbContext> factory, TimeProvider time)
{
    /// <summary>The catalogue in display order; <paramref name="activeOnly"/> for the reasons a reviewer may choose.</summary>
    public async Task<IReadOnlyList<RejectionReason>> ListAsync(bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var reasons = db.RejectionReasons.AsNoTracking();
        if (activeOnly)
        {
            reasons = reasons.Where(r => r.IsActive);
        }

        return await reasons.OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Adds (<paramref name="reasonId"/> null) or edits a reason; an edit keeps the code.</summary>
    public async Task<RejectionReason> SaveAsync(Actor actor, int? reasonId, ReasonInput input, CancellationToken cancellationToken = default)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true))
        {
            throw new DomainException(ReviewErrors.ReasonInvalid, string.Join(" ", results.Select(r => r.ErrorMessage)));
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        RejectionReason reason;
        if (reasonId is { } id)
        {
            reason = await db.RejectionReasons.FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
                ?? throw new DomainException(ReviewErrors.ReasonNotFound);
        }
        else
        {
            if (await db.RejectionReasons.AnyAsync(r => r.Code == input.Code, cancellationToken))
            {
                throw new DomainException(ReviewErrors.ReasonDuplicate, input.Code);
            }

            reason = db.RejectionReasons.Add(new RejectionReason { Code = input.Code, Label = "", Guidance = "" }).Entity;
        }

        reason.Label = input.Label.Trim();
        reason.Guidance = input.Guidance.Trim();
        reason.SortOrder = input.SortOrder;
        reason.IsActive = input.IsActive;
        db.AuditEvents.Add(AuditEvent.For(actor, time.GetUtcNow(), reasonId is null ? ReviewAuditActions.ReasonCreated : ReviewAuditActions.ReasonUpdated, nameof(RejectionReason), reason.Code,
            $"{reason.Label}{(reason.IsActive ? "" : "（停用）")}：{reason.Guidance}"));
        await db.SaveChangesAsync(cancellationToken);
        return reason;
    }
}
