using System.ComponentModel.DataAnnotations;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Identity;

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

    /// <summary>The branch that goes with the role (reviewers only).</summary>
    internal int? ScopedBranchId => Role == Roles.Reviewer ? BranchId : null;

    /// <summary>The school that goes with the role (teachers only).</summary>
    internal int? ScopedSchoolId => Role == Roles.Teacher ? SchoolId : null;

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
            throw new DomainException(IdentityErrors.Invalid, string.Join(" ", results.Select(r => r.ErrorMessage)));
        }
    }
}

/// <summary>A new account and its generated password, shown to the admin once.</summary>
public sealed record CreatedUser(string Id, string Email, string InitialPassword);
