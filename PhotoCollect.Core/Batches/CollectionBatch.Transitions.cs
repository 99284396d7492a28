using System.Globalization;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Schools;

namespace PhotoCollect.Core.Batches;

/// <summary>The changes staff make to a batch; each checks its <c>CanXxx</c> rule and records itself.</summary>
public sealed partial class CollectionBatch
{
    private const int MaxAuditDetails = 2000;

    /// <summary>
    /// New terms and, when <paramref name="school"/> is another one, a new school. Records the
    /// changed fields; returns false, recording nothing, when nothing changed.
    /// <paramref name="anyOrderPaid"/>: whether an order of the batch has been paid (the price then stays).
    /// </summary>
    public bool Update(BatchTerms terms, Actor actor, DateTimeOffset now, School? school = null, bool anyOrderPaid = false)
    {
        if (!CanEdit())
        {
            throw new DomainException(BatchErrors.ArchivedNoEdit);
        }

        if (PriceChangeBlocker(terms.PriceFen, anyOrderPaid) is { } priceLocked)
        {
            throw new DomainException(priceLocked);
        }

        EnsureConsistent(terms);
        var changes = new List<string>();
        void Track<T>(string label, T before, T after, Func<T, string> text)
        {
            if (!EqualityComparer<T>.Default.Equals(before, after))
            {
                changes.Add($"{label}：{text(before)} → {text(after)}");
            }
        }

        Track("名称", Name, terms.Name, v => v);
        var newSchool = school is not null && school.Id != SchoolId ? school : null;
        if (newSchool is not null)
        {
            changes.Add($"学校：{School?.Name ?? SchoolId.ToString(CultureInfo.InvariantCulture)} → {newSchool.Name}");
        }

        Track("采集类型", Type, terms.Type, v => v.ToChinese());
        Track("开始时间", OpensAt, terms.OpensAt, ChinaTime.Minutes);
        Track("截止时间", ClosesAt, terms.ClosesAt, ChinaTime.Minutes);
        Track("价格", PriceFen, terms.PriceFen, Money.FormatYuan);
        Track("预计人数", ExpectedHeadcount, terms.ExpectedHeadcount, v => v.ToString(CultureInfo.InvariantCulture));
        Track("最多提交次数", MaxSubmissions, terms.MaxSubmissions, v => v.ToString(CultureInfo.InvariantCulture));
        if (terms.Notes != Notes)
        {
            changes.Add("备注");
        }

        if (changes.Count == 0)
        {
            return false;
        }

        if (newSchool is not null)
        {
            SchoolId = newSchool.Id;
            BranchId = newSchool.BranchId;
            School = newSchool;
        }

        Apply(terms);
        var details = string.Join("；", changes);
        Record(actor, now, BatchAuditActions.Updated, details.Length <= MaxAuditDetails ? details : details[..(MaxAuditDetails - 3)] + "…");
        return true;
    }

    /// <summary>Replaces the 特征码; the old one stops working at once (lookups go by the stored code).</summary>
    public void RegenerateFeatureCode(string featureCode, Actor actor, DateTimeOffset now)
    {
        if (!CanRegenerateFeatureCode())
        {
            throw new DomainException(BatchErrors.ArchivedNoNewCode);
        }

        var old = FeatureCode;
        FeatureCode = featureCode;
        Record(actor, now, BatchAuditActions.FeatureCodeRegenerated, $"{old} → {featureCode}");
    }

    /// <summary>Open → Closed: no new orders or first submissions; orders in progress carry on.</summary>
    public void Close(Actor actor, DateTimeOffset now)
    {
        if (!CanClose())
        {
            throw new DomainException(BatchErrors.CannotClose, Status.ToChinese());
        }

        ChangeStatus(BatchStatus.Closed, BatchAuditActions.Closed, actor, now);
        ClosedAt = now;
    }

    /// <summary>Closed → Open, only while the deadline is still ahead.</summary>
    public void Reopen(Actor actor, DateTimeOffset now)
    {
        if (!CanReopen(now))
        {
            throw Status == BatchStatus.Closed
                ? new DomainException(BatchErrors.DeadlinePassed)
                : new DomainException(BatchErrors.CannotReopen, Status.ToChinese());
        }

        ChangeStatus(BatchStatus.Open, BatchAuditActions.Reopened, actor, now);
        ClosedAt = null;
    }

    /// <summary>Closed → Archived, final: the retention period for photos and personal data starts.</summary>
    public void Archive(Actor actor, DateTimeOffset now)
    {
        if (!CanArchive())
        {
            throw new DomainException(Status == BatchStatus.Open ? BatchErrors.ArchiveNeedsClose : BatchErrors.AlreadyArchived);
        }

        ChangeStatus(BatchStatus.Archived, BatchAuditActions.Archived, actor, now);
        ArchivedAt = now;
    }

    /// <summary>
    /// The school moved to another branch and takes its batches along. Not a change of the batch's
    /// own: the school's audit row records the move.
    /// </summary>
    public void FollowSchoolToBranch(int branchId) => BranchId = branchId;

    private void ChangeStatus(BatchStatus status, AuditAction action, Actor actor, DateTimeOffset now)
    {
        var before = Status;
        Status = status;
        Record(actor, now, action, $"{Name}：{before.ToChinese()} → {status.ToChinese()}");
    }
}
