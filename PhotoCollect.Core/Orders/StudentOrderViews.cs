using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Core.Students;

namespace PhotoCollect.Core.Orders;

/// <summary>What the student asks to confirm: the batch, the 采集码 with the holder check, and contact details.</summary>
public sealed record ConfirmOrderRequest(
    string? FeatureCode,
    CollectionType CollectionType,
    string? CodeText,
    string? IdLast4,
    string? Email,
    string? Phone);

/// <summary>A line of the student's order list (我的订单).</summary>
public sealed record StudentOrderSummary(
    long Id,
    string OrderNo,
    OrderStatus Status,
    string StatusText,
    string NextStep,
    string BatchName,
    string SchoolName,
    string StudentNameMasked,
    int PriceFen,
    string PriceText,
    bool IsPaid,
    int SubmissionCount,
    int MaxSubmissions,
    PhotoCheckOutcome? CurrentPhotoOutcome,
    IReadOnlyList<string> RejectionReasons,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record StudentDetailsView(
    string NameMasked,
    string IdNumberMasked,
    string? StudentNo,
    string SchoolName,
    string? Major,
    string? EducationLevel,
    string? EducationCategory,
    int? GraduationYear,
    string? Email,
    string? PhoneMasked)
{
    /// <summary>The student's details as the student API shows them: name and phone masked, the ID number only in its stored masked form.</summary>
    public static StudentDetailsView From(StudentRecord record) => new(
        Masking.Name(record.Name),
        record.IdNumberMasked,
        record.StudentNo,
        record.SchoolName,
        record.Major,
        record.EducationLevel,
        record.EducationCategory,
        record.GraduationYear,
        record.ContactEmail,
        record.ContactPhone is null ? null : Masking.Phone(record.ContactPhone));
}

public sealed record RejectionReasonView(string Code, string Label, string Guidance)
{
    /// <summary>A catalogue reason as the student reads it, its guidance quoting the current spec.</summary>
    public static RejectionReasonView From(RejectionReason reason, PhotoSpec spec) => new(reason.Code, reason.Label, reason.GuidanceFor(spec));

    /// <summary>A reason from the catalogue; a code no longer in it still gets a label and advice.</summary>
    public static RejectionReasonView For(string code, IReadOnlyDictionary<string, RejectionReason> catalogue, PhotoSpec spec) =>
        catalogue.GetValueOrDefault(code) is { } reason
            ? From(reason, spec)
            : new RejectionReasonView(code, "其他", "请按审核意见重新拍摄照片。");
}

public sealed record RejectionView(IReadOnlyList<RejectionReasonView> Reasons, string? Comment, int PhotoVersionNo, DateTimeOffset DecidedAt)
{
    /// <summary>A rejecting decision with each reason's label and guidance; <paramref name="photoVersionNo"/> is the version it judged (0 when not known).</summary>
    public static RejectionView From(ReviewDecision decision, IReadOnlyDictionary<string, RejectionReason> catalogue, PhotoSpec spec, int photoVersionNo) => new(
        decision.ReasonCodes.Select(code => RejectionReasonView.For(code, catalogue, spec)).ToList(),
        decision.Comment,
        photoVersionNo,
        decision.DecidedAt);
}

public sealed record PhotoVersionView(
    int VersionNo,
    bool IsCurrent,
    PhotoSource Source,
    PhotoCheckOutcome Outcome,
    string OutcomeText,
    DateTimeOffset UploadedAt,
    string? Decision,
    IReadOnlyList<string> RejectionReasons);

public sealed record TimelineEntry(DateTimeOffset At, string Action, string Text, string Actor);

/// <summary>Which buttons the mini program shows; each one's endpoint still enforces its own rules.</summary>
public sealed record OrderActions(bool UploadPhoto, bool Submit, bool Withdraw, bool Resubmit, bool Pay);

/// <summary>An order in full for its owner.</summary>
public sealed record StudentOrderDetail(
    long Id,
    string OrderNo,
    OrderStatus Status,
    string StatusText,
    string NextStep,
    BatchForStudent Batch,
    StudentDetailsView Student,
    int PriceFen,
    string PriceText,
    bool IsPaid,
    DateTimeOffset? PaidAt,
    int SubmissionCount,
    int MaxSubmissions,
    int SubmissionsLeft,
    PhotoVerdict? CurrentPhoto,
    int? CurrentPhotoVersionNo,
    RejectionView? Rejection,
    IReadOnlyList<PhotoVersionView> Photos,
    IReadOnlyList<TimelineEntry> Timeline,
    OrderActions Actions,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ReviewedAt);

/// <summary>The result of uploading a photo to an order: the verdict always; a stored version only when nothing blocks it.</summary>
public sealed record PhotoUploadResult(bool Accepted, int? VersionNo, PhotoVerdict Verdict, string Message);

/// <summary>An auto-fixed photo (一键修正) and its verdict; nothing is stored until the student uploads it.</summary>
public sealed record PhotoFixView(byte[] Jpeg, PhotoVerdict Verdict);
