using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Payments;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Students;

namespace PhotoCollect.Core.Orders;

public sealed record OrderStudent(
    string Name,
    string ChsiStudentId,
    string IdNumberMasked,
    string SchoolName,
    string? SchoolCode,
    string? StudentNo,
    string? Major,
    string? EducationLevel,
    string? EducationCategory,
    int? GraduationYear,
    string? ContactEmail,
    string ContactPhoneMasked)
{
    /// <summary>The student's facts as staff see them: full name, masked ID number and phone (the order page and the review workspace alike).</summary>
    public static OrderStudent From(StudentRecord record) => new(
        record.Name, record.ChsiStudentId, record.IdNumberMasked, record.SchoolName, record.SchoolCode, record.StudentNo, record.Major,
        record.EducationLevel, record.EducationCategory, record.GraduationYear, record.ContactEmail, Masking.Phone(record.ContactPhone));
}

public sealed record OrderPhoto(
    int VersionNo,
    bool IsCurrent,
    DateTimeOffset UploadedAt,
    PhotoSource Source,
    PhotoCheckOutcome Outcome,
    long SizeBytes,
    int Width,
    int Height,
    IReadOnlyList<PhotoIssue> Issues);

public sealed record OrderDecision(DateTimeOffset DecidedAt, string ReviewerName, bool Approved, int? PhotoVersionNo, IReadOnlyList<string> Reasons, string? Comment);

public sealed record OrderPayment(string OutTradeNo, int AmountFen, PaymentStatus Status, string? TransactionId, DateTimeOffset CreatedAt, DateTimeOffset? PaidAt);

public sealed record OrderRefund(string OutRefundNo, int AmountFen, RefundStatus Status, string Reason, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt);

public sealed record OrderDetails(
    long Id,
    string OrderNo,
    int BatchId,
    string BatchName,
    string SchoolName,
    OrderStatus Status,
    int SubmissionCount,
    int MaxSubmissions,
    int PriceFen,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? ReviewedAt,
    DateTimeOffset? ExportedAt,
    OrderStudent Student,
    IReadOnlyList<OrderPhoto> Photos,
    IReadOnlyList<OrderDecision> Decisions,
    IReadOnlyList<OrderPayment> Payments,
    IReadOnlyList<OrderRefund> Refunds,
    IReadOnlyList<AuditEvent> Timeline,
    bool CanRevealIdNumber);
