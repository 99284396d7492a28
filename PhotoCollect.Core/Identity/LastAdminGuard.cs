using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;

namespace PhotoCollect.Core.Identity;

/// <summary>
/// "At least one active admin remains" is a check followed by a write: two admins demoting or
/// deactivating each other at the same moment would both pass the check. So every role or
/// activation change first writes one row that stands for the set of admins — the Admin role's
/// own row — inside its transaction. A second change, from this or any other portal instance,
/// waits at that write until the first commits (a row lock on SQL Server, the single writer on
/// SQLite) and then checks against what the first one committed.
/// </summary>
internal static class LastAdminGuard
{
    private static readonly string AdminRole = Roles.Admin.ToUpperInvariant();

    /// <summary>Takes the guard for the rest of <paramref name="db"/>'s current transaction.</summary>
    public static Task<int> EnterAsync(PhotoCollectDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The last-admin guard only holds inside a transaction.");
        }

        // Identity renews the stamp on every write to a role row; the guard's write does the same.
        var stamp = Guid.NewGuid().ToString();
        return db.Roles
            .Where(r => r.NormalizedName == AdminRole)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConcurrencyStamp, stamp), cancellationToken);
    }

    /// <summary>Refuses with <see cref="IdentityErrors.LastAdmin"/> unless an active admin other than <paramref name="userId"/> remains.</summary>
    public static async Task EnsureAnotherActiveAdminAsync(PhotoCollectDbContext db, string userId, CancellationToken cancellationToken)
    {
        var another = await db.UserRoles
            .Where(ur => ur.UserId != userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin))
            .AnyAsync(ur => db.Users.Any(u => u.Id == ur.UserId && u.IsActive), cancellationToken);
        if (!another)
        {
            throw new DomainException(IdentityErrors.LastAdmin);
        }
    }
}
