using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Identity;

namespace PhotoCollect.Portal.Components.Shared;

/// <summary>The signed-in staff member as Core services want them: the query scope and the audit actor.</summary>
public sealed record StaffUser(StaffScope Scope, Actor Actor)
{
    public bool IsAdmin => Scope.IsAdmin;

    public bool IsTeacher => Scope.SchoolId is not null && !Scope.IsAdmin;

    public static StaffUser From(ClaimsPrincipal user)
    {
        var scope = StaffScope.FromPrincipal(user);
        var name = user.FindFirstValue(StaffClaims.DisplayName) ?? user.Identity?.Name ?? scope.UserId;
        return new StaffUser(scope, Actor.Staff(scope.UserId, name));
    }

    public static async Task<StaffUser> FromAsync(Task<AuthenticationState> state) => From((await state).User);
}
