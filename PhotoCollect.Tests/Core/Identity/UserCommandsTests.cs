using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Identity;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Core.Identity;

/// <summary>Staff account changes: rules, stamps, audit in the same transaction, and the last admin across instances.</summary>
public sealed class UserCommandsTests
{
    [Fact]
    public async Task Users_TwoAdminsDeactivatingEachOtherAtOnce_OneActiveAdminRemains()
    {
        await using var database = await TestDatabase.CreateFileAsync();
        await using var services = await TestServices.CreateAsync(database: database);
        await services.EnsureAdminAsync();
        var list = services.Provider.GetRequiredService<UserQueries>();
        var admin = services.Provider.GetRequiredService<UserCommands>();
        var first = Assert.Single(await list.ListAsync());
        var second = await admin.CreateAsync(Actor.Staff(first.Id, "管理员"), new UserInput { Email = "b@test.local", DisplayName = "乙管理员", Role = Roles.Admin });

        var outcomes = await Task.WhenAll(
            Task.Run(() => Attempt.CodeOfAsync(() => admin.SetActiveAsync(Actor.Staff(first.Id, "甲"), second.Id, false))),
            Task.Run(() => Attempt.CodeOfAsync(() => admin.SetActiveAsync(Actor.Staff(second.Id, "乙"), first.Id, false))));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o == IdentityErrors.LastAdmin.Code);
        Assert.Single(await list.ListAsync(), u => u.IsActive);
    }

    [Fact]
    public async Task SetActive_TwoPortalInstancesDeactivateTheLastTwoAdmins_ExactlyOneSucceeds()
    {
        // Two service providers with their own contexts and connections on one SQLite file: two portal instances.
        await using var database = await TestDatabase.CreateFileAsync();
        await using var instanceB = await TestServices.CreateAsync(database: database);
        var pause = new PauseAtFirstUserWrite();
        await using var instanceA = await TestServices.CreateAsync(database: database.ShareFile(pause));
        await instanceB.EnsureAdminAsync();
        var first = Assert.Single(await instanceB.Provider.GetRequiredService<UserQueries>().ListAsync());
        var second = await instanceB.Provider.GetRequiredService<UserCommands>().CreateAsync(
            Actor.Staff(first.Id, "甲"), new UserInput { Email = "b@test.local", DisplayName = "乙管理员", Role = Roles.Admin });

        // A has checked that another admin is active and is about to write; only then does B start.
        var byA = Task.Run(() => Attempt.CodeOfAsync(() =>
            instanceA.Provider.GetRequiredService<UserCommands>().SetActiveAsync(Actor.Staff(first.Id, "甲"), second.Id, false)));
        await pause.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var byB = Task.Run(() => Attempt.CodeOfAsync(() =>
            instanceB.Provider.GetRequiredService<UserCommands>().SetActiveAsync(Actor.Staff(second.Id, "乙"), first.Id, false)));

        // B must wait for A's transaction. Were it not held up, it would finish within this bound and both would succeed.
        await Task.WhenAny(byB, Task.Delay(TimeSpan.FromSeconds(1)));
        pause.Release.SetResult();

        Assert.Null(await byA);
        Assert.Equal(IdentityErrors.LastAdmin.Code, await byB);
        var admins = await instanceB.Provider.GetRequiredService<UserQueries>().ListAsync();
        Assert.Equal(first.Id, Assert.Single(admins, u => u.IsActive).Id);
    }

    [Fact]
    public async Task SetActive_AuditRowCannotBeWritten_DeactivationRolledBack()
    {
        await using var database = await TestDatabase.CreateFileAsync();
        await using var services = await TestServices.CreateAsync(database: database);
        await using var auditDown = await TestServices.CreateAsync(database: database.ShareFile(new RefuseAuditRows()));
        await services.EnsureAdminAsync();
        var admin = Assert.Single(await services.Provider.GetRequiredService<UserQueries>().ListAsync());
        var actor = Actor.Staff(admin.Id, "管理员");
        var reviewer = await CreateReviewerAsync(services, actor);
        var stamp = await StampAsync(services, reviewer.Id);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            auditDown.Provider.GetRequiredService<UserCommands>().SetActiveAsync(actor, reviewer.Id, false));

        var row = (await services.Provider.GetRequiredService<UserQueries>().ListAsync("王审核")).Single();
        Assert.True(row.IsActive);
        Assert.Equal(stamp, await StampAsync(services, reviewer.Id));
        await using var db = database.CreateDbContext();
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Action == IdentityAuditActions.UserDeactivated.Code));
    }

    [Fact]
    public async Task Update_DemotingTheOnlyActiveAdmin_RefusedAndNothingChanges()
    {
        await using var services = await TestServices.CreateAsync();
        await services.EnsureAdminAsync();
        var list = services.Provider.GetRequiredService<UserQueries>();
        var users = services.Provider.GetRequiredService<UserCommands>();
        var first = Assert.Single(await list.ListAsync());
        var second = await users.CreateAsync(Actor.Staff(first.Id, "甲"), new UserInput { Email = "b@test.local", DisplayName = "乙管理员", Role = Roles.Admin });
        await users.SetActiveAsync(Actor.Staff(second.Id, "乙"), first.Id, false);

        var error = await Assert.ThrowsAsync<DomainException>(() => users.UpdateAsync(
            Actor.Staff(first.Id, "甲"), second.Id, new UserInput { Email = "b@test.local", DisplayName = "乙管理员", Role = Roles.Teacher, SchoolId = 1 }));

        Assert.Equal(IdentityErrors.LastAdmin.Code, error.Code);
        Assert.Equal(Roles.Admin, (await list.ListAsync("乙管理员")).Single().Role);
        await using var db = services.Database.CreateDbContext();
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Action == IdentityAuditActions.UserUpdated.Code));
    }

    [Fact]
    public async Task Users_CreateDeactivateResetSignOut_ChangeStampsAndAudit()
    {
        await using var services = await TestServices.CreateAsync();
        int schoolId;
        await using (var db = services.Database.CreateDbContext())
        {
            schoolId = (await AddSchoolAsync(db)).School.Id;
        }

        await services.EnsureAdminAsync();
        var list = services.Provider.GetRequiredService<UserQueries>();
        var admin = services.Provider.GetRequiredService<UserCommands>();
        var adminRow = Assert.Single(await list.ListAsync());
        var actor = Actor.Staff(adminRow.Id, "管理员");

        var missingSchool = await Assert.ThrowsAsync<DomainException>(() => admin.CreateAsync(actor, new UserInput { Email = "t@test.local", DisplayName = "赵老师", Role = Roles.Teacher }));
        var created = await admin.CreateAsync(actor, new UserInput { Email = "t@test.local", DisplayName = "赵老师", Role = Roles.Teacher, SchoolId = schoolId });
        var stamp = await StampAsync(services, created.Id);
        await admin.SetActiveAsync(actor, created.Id, false);
        var afterDeactivate = await StampAsync(services, created.Id);
        var password = await admin.ResetPasswordAsync(actor, created.Id);
        await admin.ForceSignOutAsync(actor, created.Id);
        var self = await Assert.ThrowsAsync<DomainException>(() => admin.SetActiveAsync(actor, adminRow.Id, false));

        Assert.Equal(IdentityErrors.Invalid.Code, missingSchool.Code);
        Assert.Contains("老师必须指定所属学校。", missingSchool.Message);
        var row = (await list.ListAsync("赵老师")).Single();
        Assert.Equal((Roles.Teacher, schoolId, false), (row.Role, row.SchoolId!.Value, row.IsActive));
        Assert.NotEqual(stamp, afterDeactivate);
        Assert.NotEqual(afterDeactivate, await StampAsync(services, created.Id));
        await using (var scope = services.Provider.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(created.Id))!, password));
        }

        Assert.Equal(IdentityErrors.SelfDeactivation.Code, self.Code);
        await using var db2 = services.Database.CreateDbContext();
        Assert.Equal(
            ["user.created", "user.deactivated", "user.password_reset", "user.signed_out"],
            await db2.AuditEvents.Where(a => a.EntityType == UserCommands.EntityType).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    private static async Task<CreatedUser> CreateReviewerAsync(TestServices services, Actor actor)
    {
        int branchId;
        await using (var db = services.Database.CreateDbContext())
        {
            branchId = (await AddSchoolAsync(db)).Branch.Id;
        }

        return await services.Provider.GetRequiredService<UserCommands>().CreateAsync(
            actor, new UserInput { Email = "r@test.local", DisplayName = "王审核", Role = Roles.Reviewer, BranchId = branchId });
    }

    private static async Task<string?> StampAsync(TestServices services, string userId)
    {
        await using var db = services.Database.CreateDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync();
    }

    /// <summary>Holds the first write to the user table until released, so a test can interleave two instances.</summary>
    private sealed class PauseAtFirstUserWrite : DbCommandInterceptor
    {
        private int _paused;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("UPDATE \"AspNetUsers\"", StringComparison.Ordinal) && Interlocked.Exchange(ref _paused, 1) == 0)
            {
                Reached.SetResult();
                await Release.Task;
            }

            return result;
        }
    }

    /// <summary>An audit log that cannot be written to.</summary>
    private sealed class RefuseAuditRows : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            eventData.Context!.ChangeTracker.Entries<AuditEvent>().Any(e => e.State == EntityState.Added)
                ? throw new InvalidOperationException("The audit log is unavailable.")
                : ValueTask.FromResult(result);
    }
}
