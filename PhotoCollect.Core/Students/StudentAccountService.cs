using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Storage;
using PhotoCollect.Core.Students.WeChat;

namespace PhotoCollect.Core.Students;

/// <summary>What the student sees of their own account. The phone number is masked; the openid never leaves the server.</summary>
public sealed record StudentProfile(
    long AccountId,
    string? Nickname,
    bool HasAvatar,
    bool PhoneBound,
    string? PhoneMasked,
    bool ProfileCompleted,
    string CurrentConsentVersion,
    string? ConsentVersion,
    DateTimeOffset? ConsentedAt,
    bool ConsentRequired,
    DateTimeOffset CreatedAt);

/// <summary>
/// The student's account: WeChat sign-in, phone binding, profile, avatar and consent to the
/// <see cref="PrivacyNotice"/>.
/// </summary>
public sealed class StudentAccountService(
    IDbContextFactory<PhotoCollectDbContext> factory,
    IWeChatMiniProgramClient weChat,
    IFileStore files,
    TimeProvider time)
{
    private const int MaxCodeLength = 256;
    private const int MaxNicknameLength = 32;

    /// <summary>
    /// Exchanges a <c>wx.login</c> code for the student's account, creating it on first sign-in. The
    /// WeChat session key is used by nobody here and dropped.
    /// </summary>
    public async Task<StudentProfile> SignInAsync(string? jsCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(jsCode) || jsCode.Length > MaxCodeLength)
        {
            throw new DomainException(StudentErrors.LoginCodeRequired);
        }

        var session = await weChat.Code2SessionAsync(jsCode.Trim(), cancellationToken);
        var now = time.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var account = await db.StudentAccounts.SingleOrDefaultAsync(a => a.OpenId == session.OpenId, cancellationToken);
            if (account is null)
            {
                account = new StudentAccount { OpenId = session.OpenId, CreatedAt = now };
                db.StudentAccounts.Add(account);
            }

            account.UnionId = session.UnionId ?? account.UnionId;
            account.LastLoginAt = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return ToProfile(account);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same student signed in twice at once and the other request created the account: load it.
            }
        }
    }

    public async Task<StudentProfile> GetProfileAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return ToProfile(await FindAsync(db, accountId, cancellationToken));
    }

    /// <summary>Binds the phone number from the mini program's phone-number button (<c>getPhoneNumber</c> code).</summary>
    public async Task<StudentProfile> BindPhoneAsync(long accountId, string? phoneCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(phoneCode) || phoneCode.Length > MaxCodeLength)
        {
            throw new DomainException(StudentErrors.PhoneCodeRequired);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var account = await FindAsync(db, accountId, cancellationToken);
        account.Phone = await weChat.GetPhoneNumberAsync(phoneCode.Trim(), cancellationToken);
        CompleteProfileIfReady(account);
        await db.SaveChangesAsync(cancellationToken);
        return ToProfile(account);
    }

    public async Task<StudentProfile> UpdateProfileAsync(long accountId, string? nickname, CancellationToken cancellationToken)
    {
        var value = nickname?.Trim() ?? "";
        if (value.Length is 0 or > MaxNicknameLength || value.Any(char.IsControl))
        {
            throw new DomainException(StudentErrors.InvalidNickname, MaxNicknameLength);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var account = await FindAsync(db, accountId, cancellationToken);
        account.Nickname = value;
        CompleteProfileIfReady(account);
        await db.SaveChangesAsync(cancellationToken);
        return ToProfile(account);
    }

    /// <summary>Stores the avatar re-encoded by <see cref="AvatarImage.Normalize"/>.</summary>
    public async Task<StudentProfile> SetAvatarAsync(long accountId, byte[] upload, CancellationToken cancellationToken)
    {
        var jpeg = AvatarImage.Normalize(upload);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var account = await FindAsync(db, accountId, cancellationToken);
        using var content = new MemoryStream(jpeg, writable: false);
        var stored = await files.PutAsync(content, "jpg", cancellationToken);
        account.AvatarKey = stored.Key;
        await db.SaveChangesAsync(cancellationToken);
        return ToProfile(account);
    }

    /// <summary>Opens the avatar, or <see cref="StudentErrors.AvatarNotFound"/>.</summary>
    public async Task<Stream> OpenAvatarAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = await db.StudentAccounts.Where(a => a.Id == accountId).Select(a => a.AvatarKey).SingleOrDefaultAsync(cancellationToken);
        if (key is null || !files.Exists(key))
        {
            throw new DomainException(StudentErrors.AvatarNotFound);
        }

        return files.OpenRead(key);
    }

    /// <summary>Records consent to the notice <paramref name="version"/>, which must be the current one.</summary>
    public async Task<StudentProfile> ConsentAsync(long accountId, string? version, string? ipAddress, CancellationToken cancellationToken)
    {
        if (!string.Equals(version?.Trim(), PrivacyNotice.Version, StringComparison.Ordinal))
        {
            throw new DomainException(StudentErrors.ConsentOutdated);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var account = await FindAsync(db, accountId, cancellationToken);
        if (!account.HasConsented(PrivacyNotice.Version))
        {
            var now = time.GetUtcNow();
            account.ConsentVersion = PrivacyNotice.Version;
            account.ConsentedAt = now;
            db.AuditEvents.Add(AuditEvent.For(Actor.Student(accountId, ipAddress), now, StudentAuditActions.Consented, nameof(StudentAccount), accountId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"版本 {PrivacyNotice.Version}"));
            await db.SaveChangesAsync(cancellationToken);
        }

        return ToProfile(account);
    }

    /// <summary>Throws <see cref="StudentErrors.ConsentRequired"/> unless the student accepted the current notice.</summary>
    public async Task EnsureConsentedAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var consent = await db.StudentAccounts.AsNoTracking()
            .Where(a => a.Id == accountId)
            .Select(a => new { a.ConsentVersion, a.ConsentedAt })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw AccountMissing();
        if (consent.ConsentedAt is null || consent.ConsentVersion != PrivacyNotice.Version)
        {
            throw new DomainException(StudentErrors.ConsentRequired);
        }
    }

    private static async Task<StudentAccount> FindAsync(PhotoCollectDbContext db, long accountId, CancellationToken cancellationToken) =>
        await db.StudentAccounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken) ?? throw AccountMissing();

    private static DomainException AccountMissing() => new(StudentErrors.AccountNotFound);

    private void CompleteProfileIfReady(StudentAccount account)
    {
        if (account.ProfileCompletedAt is null && account.Phone is not null && account.Nickname is not null)
        {
            account.ProfileCompletedAt = time.GetUtcNow();
        }
    }

    private static StudentProfile ToProfile(StudentAccount account) => new(
        account.Id,
        account.Nickname,
        account.AvatarKey is not null,
        account.Phone is not null,
        account.Phone is null ? null : Masking.Phone(account.Phone),
        account.ProfileCompletedAt is not null,
        PrivacyNotice.Version,
        account.ConsentVersion,
        account.ConsentedAt,
        !account.HasConsented(PrivacyNotice.Version),
        account.CreatedAt);
}
