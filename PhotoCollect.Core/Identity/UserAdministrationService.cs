using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;

namespace PhotoCollect.Core.Identity;

public static class UserErrors
{
    public const string NotFound = "user.not_found";
    public const string Invalid = "user.invalid";
    public const string EmailTaken = "user.email_taken";
    public const string Self = "user.self";
    public const string LastAdmin = "user.last_admin";
}

public sealed record UserRow(
    string Id,
    string Email,
    string DisplayName,
    string Role,
    int? BranchId,
    string? BranchName,
    int? SchoolId,
    string? SchoolName,
    bool IsActive,
    bool IsLockedOut,
    bool TwoFactorEnabled,
    DateTimeOffset CreatedAt);

/// <summary>The user form: one role; reviewers need a branch, teachers a school.</summary>
public sealed class UserInput : IValidatableObject
{
    [Required(ErrorMessage = "请填写邮箱。")]
    [EmailAddress(ErrorMessage = "邮箱格式不正确。")]
    [StringLength(256, ErrorMessage = "邮箱过长。")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "请填写姓名。")]
    [StringLength(50, ErrorMessage = "姓名最多 50 个字。")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "请选择角色。")]
    public string Role { get; set; } = Roles.Teacher;

    public int? BranchId { get; set; }
    public int? SchoolId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Roles.All.Contains(Role))
        {
            yield return new ValidationResult("请选择角色。", [nameof(Role)]);
        }

        if (Role == Roles.Reviewer && BranchId is null)
        {
            yield return new ValidationResult("分社审核员必须指定所属分社。", [nameof(BranchId)]);
        }

        if (Role == Roles.Teacher && SchoolId is null)
        {
            yield return new ValidationResult("老师必须指定所属学校。", [nameof(SchoolId)]);
        }
    }

    internal void EnsureValid()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new DomainException(UserErrors.Invalid, string.Join(" ", results.Select(r => r.ErrorMessage)));
        }
    }
}

public sealed record CreatedUser(string Id, string Email, string InitialPassword);

/// <summary>
/// Staff accounts for administrators: create, change role and scope, deactivate, reset the
/// password and force sign-out. Changing the security stamp ends the user's other sessions
/// (cookie validation and the circuit's revalidation check it). Each call runs in its own
/// scope, so a long-lived Blazor circuit never reuses a stale Identity context.
/// </summary>
public sealed class UserAdministrationService(IServiceScopeFactory scopes, IDbContextFactory<PhotoCollectDbContext> factory, TimeProvider time)
{
    private static readonly SemaphoreSlim AdminChanges = new(1, 1);

    public const string EntityType = nameof(AppUser);

    public async Task<IReadOnlyList<UserRow>> ListAsync(string? search = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            users = users.Where(u => u.Email!.Contains(text) || u.DisplayName.Contains(text));
        }

        var now = time.GetUtcNow();
        var rows = await users
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.BranchId, BranchName = u.Branch!.Name, u.SchoolId, SchoolName = u.School!.Name,
                u.IsActive, u.LockoutEnd, u.TwoFactorEnabled, u.CreatedAt,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(u => new UserRow(
                u.Id, u.Email ?? "", u.DisplayName, u.Role ?? "", u.BranchId, u.BranchName, u.SchoolId, u.SchoolName,
                u.IsActive, u.LockoutEnd > now, u.TwoFactorEnabled, u.CreatedAt))
            .ToList();
    }

    /// <summary>Creates an active account with a generated password, shown to the admin once.</summary>
    public async Task<CreatedUser> CreateAsync(Actor actor, UserInput input, CancellationToken cancellationToken = default)
    {
        input.EnsureValid();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = input.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new DomainException(UserErrors.EmailTaken, "该邮箱已被其他账号使用。");
        }

        await EnsureScopeExistsAsync(input, cancellationToken);
        var password = IdentityBootstrapper.GeneratePassword();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            LockoutEnabled = true,
            CreatedAt = time.GetUtcNow(),
        };
        ApplyScope(user, input);
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, input.Role));
        await AuditAsync(actor, IdentityAuditActions.UserCreated, user, $"{user.DisplayName}（{email}），{await DescribeAsync(input, cancellationToken)}", cancellationToken);
        return new CreatedUser(user.Id, email, password);
    }

    /// <summary>Changes name, role, branch or school; a changed role or scope signs the user out everywhere.</summary>
    public Task UpdateAsync(Actor actor, string userId, UserInput input, CancellationToken cancellationToken = default) =>
        OneAdminChangeAtATimeAsync(() => UpdateCoreAsync(actor, userId, input, cancellationToken), cancellationToken);

    /// <summary>Deactivates (and signs out) or reactivates an account.</summary>
    public Task SetActiveAsync(Actor actor, string userId, bool active, CancellationToken cancellationToken = default) =>
        OneAdminChangeAtATimeAsync(() => SetActiveCoreAsync(actor, userId, active, cancellationToken), cancellationToken);

    /// <summary>
    /// The last-active-admin rule is a check followed by a write: two admins demoting or deactivating
    /// each other at the same moment would both pass it. Role and activation changes run one at a
    /// time in this process (one portal instance; several instances would need a database lock).
    /// </summary>
    private static async Task OneAdminChangeAtATimeAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        await AdminChanges.WaitAsync(cancellationToken);
        try
        {
            await change();
        }
        finally
        {
            AdminChanges.Release();
        }
    }

    private async Task UpdateCoreAsync(Actor actor, string userId, UserInput input, CancellationToken cancellationToken)
    {
        input.EnsureValid();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await FindAsync(users, userId);
        var currentRoles = await users.GetRolesAsync(user);
        var currentRole = currentRoles.FirstOrDefault() ?? "";
        if (currentRole != input.Role)
        {
            if (userId == actor.Id)
            {
                throw new DomainException(UserErrors.Self, "不能修改自己的角色。");
            }

            if (currentRole == Roles.Admin)
            {
                await EnsureAnotherActiveAdminAsync(users, userId);
            }
        }

        var email = input.Email.Trim();
        if (!string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase) && await users.FindByEmailAsync(email) is not null)
        {
            throw new DomainException(UserErrors.EmailTaken, "该邮箱已被其他账号使用。");
        }

        await EnsureScopeExistsAsync(input, cancellationToken);
        var scopeChanged = currentRole != input.Role || user.BranchId != NormalisedBranch(input) || user.SchoolId != NormalisedSchool(input);
        user.DisplayName = input.DisplayName.Trim();
        user.Email = email;
        user.UserName = email;
        ApplyScope(user, input);
        Check(await users.UpdateAsync(user));
        if (currentRole != input.Role)
        {
            if (currentRoles.Count > 0)
            {
                Check(await users.RemoveFromRolesAsync(user, currentRoles));
            }

            Check(await users.AddToRoleAsync(user, input.Role));
        }

        if (scopeChanged)
        {
            // The role and scope live in the cookie: a new stamp makes the user sign in again.
            Check(await users.UpdateSecurityStampAsync(user));
        }

        await AuditAsync(actor, IdentityAuditActions.UserUpdated, user, $"{user.DisplayName}（{email}），{await DescribeAsync(input, cancellationToken)}", cancellationToken);
    }

    private async Task SetActiveCoreAsync(Actor actor, string userId, bool active, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await FindAsync(users, userId);
        if (user.IsActive == active)
        {
            return;
        }

        if (!active)
        {
            if (userId == actor.Id)
            {
                throw new DomainException(UserErrors.Self, "不能停用自己的账号。");
            }

            if (await users.IsInRoleAsync(user, Roles.Admin))
            {
                await EnsureAnotherActiveAdminAsync(users, userId);
            }
        }

        user.IsActive = active;
        Check(await users.UpdateAsync(user));
        if (!active)
        {
            Check(await users.UpdateSecurityStampAsync(user));
        }

        await AuditAsync(actor, active ? IdentityAuditActions.UserActivated : IdentityAuditActions.UserDeactivated, user, user.DisplayName, cancellationToken);
    }

    /// <summary>Sets a new generated password (shown once), clears a lockout and ends the user's sessions.</summary>
    public async Task<string> ResetPasswordAsync(Actor actor, string userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await FindAsync(users, userId);
        var password = IdentityBootstrapper.GeneratePassword();
        if (await users.HasPasswordAsync(user))
        {
            Check(await users.RemovePasswordAsync(user));
        }

        // AddPassword renews the security stamp, which signs the user out everywhere.
        Check(await users.AddPasswordAsync(user, password));
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        await AuditAsync(actor, IdentityAuditActions.PasswordReset, user, user.DisplayName, cancellationToken);
        return password;
    }

    /// <summary>Ends every session of the user (cookies within a minute, open portal tabs at the next revalidation).</summary>
    public async Task ForceSignOutAsync(Actor actor, string userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await FindAsync(users, userId);
        Check(await users.UpdateSecurityStampAsync(user));
        await AuditAsync(actor, IdentityAuditActions.SignedOut, user, user.DisplayName, cancellationToken);
    }

    private static void ApplyScope(AppUser user, UserInput input)
    {
        user.BranchId = NormalisedBranch(input);
        user.SchoolId = NormalisedSchool(input);
    }

    private static int? NormalisedBranch(UserInput input) => input.Role == Roles.Reviewer ? input.BranchId : null;

    private static int? NormalisedSchool(UserInput input) => input.Role == Roles.Teacher ? input.SchoolId : null;

    private async Task EnsureScopeExistsAsync(UserInput input, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (NormalisedBranch(input) is { } branchId && !await db.Branches.AnyAsync(b => b.Id == branchId && b.IsActive, cancellationToken))
        {
            throw new DomainException(UserErrors.Invalid, "所选分社不存在或已停用。");
        }

        if (NormalisedSchool(input) is { } schoolId && !await db.Schools.AnyAsync(s => s.Id == schoolId && s.IsActive, cancellationToken))
        {
            throw new DomainException(UserErrors.Invalid, "所选学校不存在或已停用。");
        }
    }

    private async Task<string> DescribeAsync(UserInput input, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var role = Roles.DisplayName(input.Role);
        if (NormalisedBranch(input) is { } branchId)
        {
            return $"{role}，{await db.Branches.Where(b => b.Id == branchId).Select(b => b.Name).FirstAsync(cancellationToken)}";
        }

        if (NormalisedSchool(input) is { } schoolId)
        {
            return $"{role}，{await db.Schools.Where(s => s.Id == schoolId).Select(s => s.Name).FirstAsync(cancellationToken)}";
        }

        return role;
    }

    private static async Task EnsureAnotherActiveAdminAsync(UserManager<AppUser> users, string userId)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        if (!admins.Any(a => a.Id != userId && a.IsActive))
        {
            throw new DomainException(UserErrors.LastAdmin, "这是最后一个启用的管理员账号，不能停用或改为其他角色。");
        }
    }

    private static async Task<AppUser> FindAsync(UserManager<AppUser> users, string userId) =>
        await users.FindByIdAsync(userId) ?? throw new DomainException(UserErrors.NotFound, "账号不存在。");

    private async Task AuditAsync(Actor actor, AuditAction action, AppUser user, string details, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.AuditEvents.Add(AuditEvent.For(actor, time.GetUtcNow(), action, EntityType, user.Email ?? user.Id, details));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(UserErrors.Invalid, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
