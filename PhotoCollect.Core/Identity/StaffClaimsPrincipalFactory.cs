using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PhotoCollect.Core.Identity;

/// <summary>Puts branch, school and display name into the cookie so scope checks need no lookup.</summary>
public sealed class StaffClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (user.BranchId is { } branchId)
        {
            identity.AddClaim(new Claim(StaffClaims.BranchId, branchId.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.SchoolId is { } schoolId)
        {
            identity.AddClaim(new Claim(StaffClaims.SchoolId, schoolId.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
