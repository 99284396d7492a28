using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Identity;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Core.Identity;

public sealed class IdentityBootstrapperTests
{
    [Fact]
    public async Task EnsureAdmin_EmptySystem_CreatesOneAdminWithGeneratedStrongPassword()
    {
        await using var services = await TestServices.CreateAsync();

        var result = await services.EnsureAdminAsync();

        Assert.True(result.Created);
        Assert.NotNull(result.GeneratedPassword);
        Assert.True(result.GeneratedPassword!.Length >= 16);
        await using var scope = services.Provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        var admin = Assert.Single(admins);
        Assert.Equal("admin@test.local", admin.Email);
        Assert.True(await users.CheckPasswordAsync(admin, result.GeneratedPassword));
        Assert.True(admin.LockoutEnabled);
    }

    [Fact]
    public async Task EnsureAdmin_SecondStart_DoesNotCreateAnother()
    {
        await using var services = await TestServices.CreateAsync();
        await services.EnsureAdminAsync();

        var second = await services.EnsureAdminAsync();

        Assert.False(second.Created);
        Assert.Null(second.GeneratedPassword);
        await using var scope = services.Provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Single(await users.GetUsersInRoleAsync(Roles.Admin));
        Assert.Single(users.Users);
    }

    [Fact]
    public async Task EnsureAdmin_ConfiguredPassword_UsedAndNotPrinted()
    {
        await using var services = await TestServices.CreateAsync(o => o.Password = "Configured#Pass2026");

        var result = await services.EnsureAdminAsync();

        Assert.True(result.Created);
        Assert.Null(result.GeneratedPassword);
        await using var scope = services.Provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByEmailAsync("admin@test.local");
        Assert.True(await users.CheckPasswordAsync(admin!, "Configured#Pass2026"));
    }

    [Fact]
    public async Task EnsureAdmin_CreatesAllRoles()
    {
        await using var services = await TestServices.CreateAsync();
        await services.EnsureAdminAsync();
        await using var scope = services.Provider.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            Assert.True(await roles.RoleExistsAsync(role), role);
        }
    }

    [Fact]
    public async Task EnsureAdmin_UserLeftWithoutRoleByCrashedStart_GetsTheRoleInsteadOfFailing()
    {
        await using var services = await TestServices.CreateAsync();
        await using (var scope = services.Provider.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            await roles.CreateAsync(new IdentityRole(Roles.Admin));
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.CreateAsync(new AppUser { UserName = "admin@test.local", Email = "admin@test.local" }, "Half#Created2026");
        }

        var result = await services.EnsureAdminAsync();

        Assert.False(result.Created);
        await using var check = services.Provider.CreateAsyncScope();
        var admins = await check.ServiceProvider.GetRequiredService<UserManager<AppUser>>().GetUsersInRoleAsync(Roles.Admin);
        Assert.Equal("admin@test.local", Assert.Single(admins).Email);
    }

    [Fact]
    public void GeneratePassword_HasEveryCharacterClass()
    {
        for (var i = 0; i < 200; i++)
        {
            var password = IdentityBootstrapper.GeneratePassword();
            Assert.Equal(20, password.Length);
            Assert.Contains(password, char.IsUpper);
            Assert.Contains(password, char.IsLower);
            Assert.Contains(password, char.IsDigit);
            Assert.Contains(password, c => !char.IsLetterOrDigit(c));
        }
    }
}
