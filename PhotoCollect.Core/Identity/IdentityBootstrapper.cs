using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PhotoCollect.Core.Identity;

public sealed record AdminBootstrapResult(bool Created, string Email, string? GeneratedPassword);

/// <summary>Creates the roles and, on an empty system, the first administrator.</summary>
public sealed class IdentityBootstrapper(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<AdminOptions> options,
    TimeProvider time,
    ILogger<IdentityBootstrapper> logger)
{
    public async Task<AdminBootstrapResult> EnsureAdminAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        var admin = options.Value;
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return new AdminBootstrapResult(false, admin.Email, null);
        }

        // A start that crashed between creating the user and granting the role left the user behind.
        var existing = await users.FindByEmailAsync(admin.Email);
        if (existing is not null)
        {
            Check(await users.AddToRoleAsync(existing, Roles.Admin), "assign the Admin role");
            logger.LogWarning("Granted the Admin role to the existing user {Email}", admin.Email);
            return new AdminBootstrapResult(false, admin.Email, null);
        }

        var generated = string.IsNullOrEmpty(admin.Password) ? GeneratePassword() : null;
        var user = new AppUser
        {
            UserName = admin.Email,
            Email = admin.Email,
            EmailConfirmed = true,
            DisplayName = admin.DisplayName,
            LockoutEnabled = true,
            CreatedAt = time.GetUtcNow(),
        };
        Check(await users.CreateAsync(user, generated ?? admin.Password!), "create the administrator");
        Check(await users.AddToRoleAsync(user, Roles.Admin), "assign the Admin role");
        logger.LogInformation("Created the first administrator {Email}", admin.Email);
        return new AdminBootstrapResult(true, admin.Email, generated);
    }

    /// <summary>20 characters with every class the password rules ask for.</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string digits = "23456789";
        const string symbols = "#%+=@!";
        var chars = RandomNumberGenerator.GetItems<char>(upper + lower + digits + symbols, 16).ToList();
        chars.Add(RandomNumberGenerator.GetItems<char>(upper, 1)[0]);
        chars.Add(RandomNumberGenerator.GetItems<char>(lower, 1)[0]);
        chars.Add(RandomNumberGenerator.GetItems<char>(digits, 1)[0]);
        chars.Add(RandomNumberGenerator.GetItems<char>(symbols, 1)[0]);
        var array = chars.ToArray();
        RandomNumberGenerator.Shuffle(array.AsSpan());
        return new string(array);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
