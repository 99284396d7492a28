namespace PhotoCollect.Core.Students;

/// <summary>Stable error codes of the student's own account and details; clients switch on these.</summary>
public static class StudentErrors
{
    public const string LoginCodeRequired = "auth.code_required";
    public const string AccountNotFound = "auth.account_not_found";
    public const string ConsentRequired = "student.consent_required";
    public const string ConsentOutdated = "student.consent_outdated";
    public const string InvalidNickname = "student.invalid_nickname";
    public const string InvalidEmail = "student.invalid_email";
    public const string InvalidPhone = "student.invalid_phone";
    public const string PhoneCodeRequired = "student.phone_code_required";
    public const string AvatarInvalid = "student.avatar_invalid";
    public const string AvatarNotFound = "student.avatar_not_found";
}
