using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;

namespace PhotoCollect.Core.Identity;

/// <summary>
/// Staff accounts for administrators: create, change role and scope, deactivate, reset the
/// password and force sign-out. Each change commits together with its audit row, in one
/// transaction. Changing the security stamp ends the user's other sessions (cookie validation
/// and the circuit's revalidation check it). Each attempt runs in its own scope, so a long-lived
/// Blazor circuit never reuses a stale Identity context.
/// </summary>
public sealed class UserCommands(IServiceScopeFactory scopes, TimeProvider time)
{
    public const string EntityType = nameof(AppUser);

    /// <summary>Creates an active account with a generated password, shown to the admin once.</summary>
    public Task<CreatedUser> CreateAsync(Actor actor, UserInput input, CancellationToken cancellationToken = default)
    {
        input.EnsureValid();
        return InTransactionAsync(guardAdmins: false, async (users, db, ct) =>
        {
            var email = input.Email.Trim();
            if (await users.FindByEmailAsync(email) is not null)
            {
                throw new DomainException(IdentityErrors.EmailTaken);
            }

            var scope = await DescribeScopeAsync(db, input, ct);
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
            Audit(db, actor, IdentityAuditActions.UserCreated, user, $"{user.DisplayName}（{email}），{scope}");
            return new CreatedUser(user.Id, email, password);
        }, cancellationToken);
    }

    /// <summary>Changes name, role, branch or school; a changed role or scope signs the user out everywhere.</summary>
    public Task UpdateAsync(Actor actor, string userId, UserInput input, CancellationToken cancellationToken = default)
    {
        input.EnsureValid();
        return InTransactionAsync(guardAdmins: true, async (users, db, ct) =>
        {
            var user = await FindAsync(users, userId);
            var currentRoles = await users.GetRolesAsync(user);
            var currentRole = currentRoles.FirstOrDefault() ?? "";
            if (currentRole != input.Role)
            {
                if (userId == actor.Id)
                {
                    throw new DomainException(IdentityErrors.SelfRole);
                }

                if (currentRole == Roles.Admin)
                {
                    await LastAdminGuard.EnsureAnotherActiveAdminAsync(db, userId, ct);
                }
            }

            var email = input.Email.Trim();
            if (!string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase) && await users.FindByEmailAsync(email) is not null)
            {
                throw new DomainException(IdentityErrors.EmailTaken);
            }

            var scope = await DescribeScopeAsync(db, input, ct);
            var scopeChanged = currentRole != input.Role || user.BranchId != input.ScopedBranchId || user.SchoolId != input.ScopedSchoolId;
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

            Audit(db, actor, IdentityAuditActions.UserUpdated, user, $"{user.DisplayName}（{email}），{scope}");
        }, cancellationToken);
    }

    /// <summary>Deactivates (and signs out) or reactivates an account.</summary>
    public Task SetActiveAsync(Actor actor, string userId, bool active, CancellationToken cancellationToken = default) =>
        InTransactionAsync(guardAdmins: true, async (users, db, ct) =>
        {
            var user = await FindAsync(users, userId);
            if (user.IsActive == active)
            {
                return;
            }

            if (!active)
            {
                if (userId == actor.Id)
                {
                    throw new DomainException(IdentityErrors.SelfDeactivation);
                }

                if (await users.IsInRoleAsync(user, Roles.Admin))
                {
                    await LastAdminGuard.EnsureAnotherActiveAdminAsync(db, userId, ct);
                }
            }

            user.IsActive = active;
            Check(await users.UpdateAsync(user));
            if (!active)
            {
                Check(await users.UpdateSecurityStampAsync(user));
            }

            Audit(db, actor, active ? IdentityAuditActions.UserActivated : IdentityAuditActions.UserDeactivated, user, user.DisplayName);
        }, cancellationToken);

    /// <summary>Sets a new generated password (shown once), clears a lockout and ends the user's sessions.</summary>
    public Task<string> ResetPasswordAsync(Actor actor, string userId, CancellationToken cancellationToken = default) =>
        InTransactionAsync(guardAdmins: false, async (users, db, _) =>
        {
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
            Audit(db, actor, IdentityAuditActions.PasswordReset, user, user.DisplayName);
            return password;
        }, cancellationToken);

    /// <summary>Ends every session of the user (cookies within a minute, open portal tabs at the next revalidation).</summary>
    public Task ForceSignOutAsync(Actor actor, string userId, CancellationToken cancellationToken = default) =>
        InTransactionAsync(guardAdmins: false, async (users, db, _) =>
        {
            var user = await FindAsync(users, userId);
            Check(await users.UpdateSecurityStampAsync(user));
            Audit(db, actor, IdentityAuditActions.SignedOut, user, user.DisplayName);
        }, cancellationToken);

    private Task InTransactionAsync(bool guardAdmins, Func<UserManager<AppUser>, PhotoCollectDbContext, CancellationToken, Task> change, CancellationToken cancellationToken) =>
        InTransactionAsync(guardAdmins, async (users, db, ct) =>
        {
            await change(users, db, ct);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="change"/> and the audit rows it adds in one transaction. With
    /// <paramref name="guardAdmins"/> the transaction first takes <see cref="LastAdminGuard"/>, so
    /// what the change reads about the admins stays true until it commits.
    /// </summary>
    private async Task<T> InTransactionAsync<T>(bool guardAdmins, Func<UserManager<AppUser>, PhotoCollectDbContext, CancellationToken, Task<T>> change, CancellationToken cancellationToken)
    {
        await using var outer = scopes.CreateAsyncScope();
        var strategy = outer.ServiceProvider.GetRequiredService<PhotoCollectDbContext>().Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            // A retried attempt starts over in a fresh scope: nothing tracked survives from the failed one.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PhotoCollectDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (guardAdmins)
            {
                await LastAdminGuard.EnterAsync(db, ct);
            }

            var result = await change(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), db, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }

    private static void ApplyScope(AppUser user, UserInput input)
    {
        user.BranchId = input.ScopedBranchId;
        user.SchoolId = input.ScopedSchoolId;
    }

    /// <summary>The role and its branch or school for the audit row; the branch or school must be active.</summary>
    private static async Task<string> DescribeScopeAsync(PhotoCollectDbContext db, UserInput input, CancellationToken cancellationToken)
    {
        var role = Roles.DisplayName(input.Role);
        if (input.ScopedBranchId is { } branchId)
        {
            var branch = await db.Branches.Where(b => b.Id == branchId && b.IsActive).Select(b => b.Name).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException(IdentityErrors.BranchUnavailable);
            return $"{role}，{branch}";
        }

        if (input.ScopedSchoolId is { } schoolId)
        {
            var school = await db.Schools.Where(s => s.Id == schoolId && s.IsActive).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException(IdentityErrors.SchoolUnavailable);
            return $"{role}，{school}";
        }

        return role;
    }

    private static async Task<AppUser> FindAsync(UserManager<AppUser> users, string userId) =>
        await users.FindByIdAsync(userId) ?? throw new DomainException(IdentityErrors.UserNotFound);

    private void Audit(PhotoCollectDbContext db, Actor actor, AuditAction action, AppUser user, string details) =>
        db.AuditEvents.Add(AuditEvent.For(actor, time.GetUtcNow(), action, EntityType, user.Email ?? user.Id, details));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(IdentityErrors.Invalid, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
