namespace PhotoCollect.Core.Orders;

/// <summary>Stable error codes for order rules; clients switch on these.</summary>
public static class OrderErrors
{
    public const string NotFound = "order.not_found";
    public const string RevealForbidden = "order.reveal_forbidden";
    public const string InvalidTransition = "order.invalid_transition";
    public const string PhotoRequired = "order.photo_required";
    public const string PhotoFailedCheck = "order.photo_failed_check";
    public const string NewPhotoRequired = "order.new_photo_required";
    public const string SubmissionLimit = "order.submission_limit";
    public const string ReasonsRequired = "order.reasons_required";
    public const string NotPaid = "order.not_paid";
    public const string PaidMustRefund = "order.paid_must_refund";
    public const string AlreadyExported = "order.already_exported";
    public const string AmountMismatch = "order.amount_mismatch";
    public const string PhotoLocked = "order.photo_locked";
    public const string DuplicateLiveOrder = "order.duplicate";
}
