using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;

namespace PhotoCollect.Core.Schools;

public sealed record BranchRow(int Id, string Name, string? City, string? ContactPhone, bool IsActive, int Schools, int Staff);

public sealed record SchoolRow(int Id, string Name, string? ChsiCode, int BranchId, string BranchName, bool IsActive, int Batches);

public sealed class BranchInput
{
    [Required(ErrorMessage = "请填写分社名称。")]
    [StringLength(100, ErrorMessage = "分社名称最多 100 个字。")]
    public string Name { get; set; } = "";

    [StringLength(50, ErrorMessage = "城市最多 50 个字。")]
    public string? City { get; set; }

    [StringLength(30, ErrorMessage = "联系电话最多 30 个字符。")]
    public string? ContactPhone { get; set; }

    public bool IsActive { get; set; } = true;
}

public sealed class SchoolInput
{
    [Required(ErrorMessage = "请填写学校名称。")]
    [StringLength(100, ErrorMessage = "学校名称最多 100 个字。")]
    public string Name { get; set; } = "";

    /// <summary>院校代码: the five digits CHSI and the Ministry of Education use.</summary>
    [RegularExpression(@"^\d{5}$", ErrorMessage = "院校代码应为 5 位数字。")]
    public string? ChsiCode { get; set; }

    [Required(ErrorMessage = "请选择所属分社。")]
    public int? BranchId { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>Branches and schools for administrators; every change is audited.</summary>
public sealed class SchoolAdministrationService(IDbContextFactory<PhotoCollectDbContext> factory, TimeProvider time)
{
    public async Task<IReadOnlyList<BranchRow>> ListBranchesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Branches.AsNoTracking()
            .OrderBy(b => b.Name)
            .Select(b => new BranchRow(b.Id, b.Name, b.City, b.ContactPhone, b.IsActive,
                db.Schools.Count(s => s.BranchId == b.Id),
                db.Users.Count(u => u.BranchId == b.Id)))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SchoolRow>> ListSchoolsAsync(int? branchId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var schools = db.Schools.AsNoTracking();
        if (branchId is { } id)
        {
            schools = schools.Where(s => s.BranchId == id);
        }

        return await schools
            .OrderBy(s => s.Name)
            .Select(s => new SchoolRow(s.Id, s.Name, s.ChsiCode, s.BranchId, s.Branch!.Name, s.IsActive, db.CollectionBatches.Count(b => b.SchoolId == s.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Creates (<paramref name="branchId"/> null) or edits a branch.</summary>
    public async Task<Branch> SaveBranchAsync(Actor actor, int? branchId, BranchInput input, CancellationToken cancellationToken = default)
    {
        Validate(input);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var name = input.Name.Trim();
        if (await db.Branches.AnyAsync(b => b.Name == name && b.Id != branchId, cancellationToken))
        {
            throw new DomainException(SchoolErrors.DuplicateBranch, name);
        }

        var now = time.GetUtcNow();
        var branch = branchId is { } id
            ? await db.Branches.FirstOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw new DomainException(SchoolErrors.BranchNotFound)
            : db.Branches.Add(new Branch { Name = name, CreatedAt = now }).Entity;
        branch.Name = name;
        branch.City = Blank(input.City);
        branch.ContactPhone = Blank(input.ContactPhone);
        branch.IsActive = input.IsActive;
        await SaveWithAuditAsync(db, () => AuditEvent.For(actor, now, branchId is null ? SchoolAuditActions.BranchCreated : SchoolAuditActions.BranchUpdated, nameof(Branch), Id(branch.Id),
            $"{branch.Name}{(branch.IsActive ? "" : "（停用）")}"), cancellationToken);
        return branch;
    }

    /// <summary>
    /// Creates or edits a school. Moving a school to another branch moves its batches too, so
    /// the new branch's reviewers see them (batches copy the branch for scoping).
    /// </summary>
    public async Task<School> SaveSchoolAsync(Actor actor, int? schoolId, SchoolInput input, CancellationToken cancellationToken = default)
    {
        Validate(input);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var name = input.Name.Trim();
        var code = Blank(input.ChsiCode);
        if (await db.Schools.AnyAsync(s => s.Name == name && s.Id != schoolId, cancellationToken))
        {
            throw new DomainException(SchoolErrors.Duplicate, name);
        }

        if (code is not null && await db.Schools.AnyAsync(s => s.ChsiCode == code && s.Id != schoolId, cancellationToken))
        {
            throw new DomainException(SchoolErrors.DuplicateChsiCode, code);
        }

        var branch = await db.Branches.FirstOrDefaultAsync(b => b.Id == input.BranchId, cancellationToken)
            ?? throw new DomainException(SchoolErrors.BranchMissing);
        var now = time.GetUtcNow();
        var school = schoolId is { } id
            ? await db.Schools.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new DomainException(SchoolErrors.NotFound)
            : db.Schools.Add(new School { Name = name, CreatedAt = now }).Entity;
        var moved = schoolId is not null && school.BranchId != branch.Id;
        school.Name = name;
        school.ChsiCode = code;
        school.BranchId = branch.Id;
        school.IsActive = input.IsActive;

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            if (moved)
            {
                var batches = await db.CollectionBatches.Where(b => b.SchoolId == school.Id).ToListAsync(ct);
                batches.ForEach(b => b.FollowSchoolToBranch(branch.Id));
            }

            db.AuditEvents.Add(AuditEvent.For(actor, now, schoolId is null ? SchoolAuditActions.SchoolCreated : SchoolAuditActions.SchoolUpdated, nameof(School), Id(school.Id),
                $"{school.Name}（院校代码 {school.ChsiCode ?? "无"}，{branch.Name}）{(school.IsActive ? "" : "，停用")}{(moved ? "，批次随学校转至新分社" : "")}"));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        return school;
    }

    private static async Task SaveWithAuditAsync(PhotoCollectDbContext db, Func<AuditEvent> audit, CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            db.AuditEvents.Add(audit());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

    private static void Validate(object input)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true))
        {
            throw new DomainException(SchoolErrors.Invalid, string.Join(" ", results.Select(r => r.ErrorMessage)));
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
