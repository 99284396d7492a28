using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Data;

namespace PhotoCollect.Core.Identity;

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

/// <summary>The staff account list of the admin's 用户管理 page.</summary>
public sealed class UserQueries(IDbContextFactory<PhotoCollectDbContext> factory, TimeProvider time)
{
    /// <summary>Every account, by email; <paramref name="search"/> matches email or name.</summary>
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
}
