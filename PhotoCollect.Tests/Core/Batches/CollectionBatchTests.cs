using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Identity;
using PhotoCollect.Core.Schools;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Core.Batches;

/// <summary>
/// The batch's rules in every state: what its <c>CanXxx</c> methods answer, that each transition
/// does exactly what they allow and records itself, and that the portal's buttons read the same rules.
/// </summary>
public sealed class CollectionBatchTests
{
    private static readonly Actor Staff = Actor.Staff("teacher-1", "王老师");

    /// <summary>Every state a batch can be in, with the deadline before and after "now" where it matters.</summary>
    public enum Situation
    {
        OpenBeforeOpening,
        OpenCollecting,
        OpenAfterDeadline,
        ClosedDeadlineAhead,
        ClosedDeadlinePassed,
        Archived,
    }

    private static CollectionBatch In(Situation situation) => situation switch
    {
        Situation.OpenBeforeOpening => Batch(opensAt: Now.AddDays(1), closesAt: Now.AddDays(30)),
        Situation.OpenCollecting => Batch(),
        Situation.OpenAfterDeadline => Batch(opensAt: Now.AddDays(-30), closesAt: Now.AddDays(-1)),
        Situation.ClosedDeadlineAhead => Batch(status: BatchStatus.Closed),
        Situation.ClosedDeadlinePassed => Batch(status: BatchStatus.Closed, opensAt: Now.AddDays(-30), closesAt: Now.AddDays(-1)),
        Situation.Archived => Batch(status: BatchStatus.Archived),
        _ => throw new ArgumentOutOfRangeException(nameof(situation)),
    };

    public static TheoryData<Situation, bool, bool, bool, bool, bool> Capabilities => new()
    {
        // situation,                        edit/code, close, reopen, archive, accepts submissions
        { Situation.OpenBeforeOpening, true, true, false, false, false },
        { Situation.OpenCollecting, true, true, false, false, true },
        { Situation.OpenAfterDeadline, true, true, false, false, false },
        { Situation.ClosedDeadlineAhead, true, false, true, true, false },
        { Situation.ClosedDeadlinePassed, true, false, false, true, false },
        { Situation.Archived, false, false, false, false, false },
    };

    public static TheoryData<Situation> Situations => new(Enum.GetValues<Situation>());

    [Theory]
    [MemberData(nameof(Capabilities))]
    public void CanMethods_EveryState_AnswerTheRules(Situation situation, bool edit, bool close, bool reopen, bool archive, bool accepts)
    {
        var batch = In(situation);

        Assert.Equal(edit, batch.CanEdit());
        Assert.Equal(edit, batch.CanRegenerateFeatureCode());
        Assert.Equal(close, batch.CanClose());
        Assert.Equal(reopen, batch.CanReopen(Now));
        Assert.Equal(archive, batch.CanArchive());
        Assert.Equal(accepts, batch.AcceptsSubmissions(Now));
    }

    [Theory]
    [MemberData(nameof(Situations))]
    public void Close_EveryState_AllowedExactlyWhenCanClose(Situation situation) =>
        AssertTransition(situation, b => b.CanClose(), b => b.Close(Staff, Now), BatchAuditActions.Closed, BatchStatus.Closed, BatchErrors.CannotClose.Code);

    [Theory]
    [MemberData(nameof(Situations))]
    public void Reopen_EveryState_AllowedExactlyWhenCanReopen(Situation situation) =>
        AssertTransition(situation, b => b.CanReopen(Now), b => b.Reopen(Staff, Now), BatchAuditActions.Reopened, BatchStatus.Open,
            situation == Situation.ClosedDeadlinePassed ? BatchErrors.DeadlinePassed.Code : BatchErrors.CannotReopen.Code);

    [Theory]
    [MemberData(nameof(Situations))]
    public void Archive_EveryState_AllowedExactlyWhenCanArchive(Situation situation) =>
        AssertTransition(situation, b => b.CanArchive(), b => b.Archive(Staff, Now), BatchAuditActions.Archived, BatchStatus.Archived, BatchErrors.ArchiveNeedsClose.Code);

    [Theory]
    [MemberData(nameof(Situations))]
    public void Update_EveryState_AllowedExactlyWhenCanEdit(Situation situation)
    {
        var batch = In(situation);
        AssertTransition(situation, b => b.CanEdit(), b => b.Update(b.Terms with { Name = "改过的名称" }, Staff, Now), BatchAuditActions.Updated, batch.Status, BatchErrors.ArchivedNoEdit.Code);
    }

    [Theory]
    [MemberData(nameof(Situations))]
    public void RegenerateFeatureCode_EveryState_AllowedExactlyWhenCanRegenerate(Situation situation)
    {
        var batch = In(situation);
        AssertTransition(situation, b => b.CanRegenerateFeatureCode(), b => b.RegenerateFeatureCode("NEWCODE3", Staff, Now),
            BatchAuditActions.FeatureCodeRegenerated, batch.Status, BatchErrors.ArchivedNoNewCode.Code);
    }

    [Theory]
    [MemberData(nameof(Situations))]
    public void PermissionsFor_EveryStateAndRole_AgreesWithTheBatchRules(Situation situation)
    {
        foreach (var scope in new[] { StaffScopes.Teacher(1), StaffScopes.Reviewer(1), StaffScopes.Admin })
        {
            var batch = In(situation);

            var permissions = BatchQueries.PermissionsFor(scope, batch, Now);

            Assert.Equal(batch.CanEdit(), permissions.CanEdit);
            Assert.Equal(batch.CanClose(), permissions.CanClose);
            Assert.Equal(batch.CanReopen(Now), permissions.CanReopen);
            Assert.Equal(batch.CanArchive() && scope.CanArchive, permissions.CanArchive);
            Assert.Equal(batch.CanRegenerateFeatureCode(), permissions.CanRegenerateCode);
        }
    }

    [Fact]
    public void PermissionsFor_Teacher_NeverArchives()
    {
        var permissions = BatchQueries.PermissionsFor(StaffScopes.Teacher(1), In(Situation.ClosedDeadlineAhead), Now);

        Assert.False(permissions.CanArchive);
        Assert.True(permissions.CanReopen);
    }

    [Fact]
    public void Create_NewBatch_IsOpenAndRecordsItsCreation()
    {
        var school = new School { Id = 7, BranchId = 3, Name = "示例大学" };
        var terms = new BatchTerms("2027届毕业生采集", CollectionType.Individual, Now, Now.AddDays(10), 3050, 80, 2, null);

        var batch = CollectionBatch.Create(school, terms, "ABCDEFGH", Staff, Now);

        Assert.Equal((BatchStatus.Open, 7, 3, "teacher-1"), (batch.Status, batch.SchoolId, batch.BranchId, batch.CreatedById));
        Assert.Equal(terms, batch.Terms);
        var created = Assert.Single(batch.PendingAuditEvents);
        Assert.Equal(BatchAuditActions.Created.Code, created.Action);
        Assert.Equal(nameof(CollectionBatch), created.EntityType);
        Assert.Equal("2027届毕业生采集（示例大学，个人采集，特征码 ABCDEFGH，30.50 元）", created.Details);
    }

    [Fact]
    public void Create_DeadlineNotAfterStart_Refused()
    {
        var terms = new BatchTerms("2027届毕业生采集", CollectionType.Centralised, Now, Now, 0, 0, 3, null);

        var error = Assert.Throws<DomainException>(() => CollectionBatch.Create(new School { Id = 1, Name = "示例大学" }, terms, "ABCDEFGH", Staff, Now));

        Assert.Equal(BatchErrors.ClosesBeforeOpens.Code, error.Code);
        Assert.Equal(BatchErrors.ClosesBeforeOpens.Message, error.Message);
    }

    [Fact]
    public void Update_RecordsEachChangedField_AndNothingWhenNothingChanged()
    {
        var batch = Batch(priceFen: 3000, school: new School { Id = 1, BranchId = 1, Name = "示例大学" });
        var other = new School { Id = 9, BranchId = 4, Name = "另一所大学" };

        Assert.False(batch.Update(batch.Terms, Staff, Now));
        Assert.Empty(batch.PendingAuditEvents);

        Assert.True(batch.Update(batch.Terms with { Name = "新名称", PriceFen = 2000, MaxSubmissions = 5, Notes = "带身份证" }, Staff, Now, other));

        var updated = Assert.Single(batch.PendingAuditEvents);
        Assert.Equal(BatchAuditActions.Updated.Code, updated.Action);
        Assert.Equal("名称：2027届毕业生采集 → 新名称；学校：示例大学 → 另一所大学；价格：30.00 元 → 20.00 元；最多提交次数：3 → 5；备注", updated.Details);
        Assert.Equal((9, 4, "新名称", 2000), (batch.SchoolId, batch.BranchId, batch.Name, batch.PriceFen));
    }

    [Fact]
    public void StatusTransitions_RecordBeforeAndAfter()
    {
        var batch = Batch();

        batch.Close(Staff, Now);
        batch.Reopen(Staff, Now.AddHours(1));

        Assert.Equal(
            [("batch.closed", "2027届毕业生采集：进行中 → 已关闭"), ("batch.reopened", "2027届毕业生采集：已关闭 → 进行中")],
            batch.PendingAuditEvents.Select(e => (e.Action, e.Details)).ToList());
        Assert.Null(batch.ClosedAt);
    }

    [Fact]
    public void PendingAuditEvents_NewBatch_WaitForTheIdTheDatabaseAssigns()
    {
        var batch = CollectionBatch.Create(new School { Id = 1, Name = "示例大学" }, Batch().Terms, "ABCDEFGH", Staff, Now);
        IHasPendingAuditEvents raiser = batch;

        Assert.Empty(raiser.TakePendingAuditEvents());
        batch.Id = 42;
        var taken = Assert.Single(raiser.TakePendingAuditEvents());

        Assert.Equal("42", taken.EntityId);
        Assert.Empty(batch.PendingAuditEvents);
    }

    /// <summary>
    /// The transition succeeds, records <paramref name="action"/> and reaches <paramref name="after"/>
    /// exactly when <paramref name="allowed"/> says so; otherwise it throws <paramref name="refusal"/>
    /// and changes and records nothing.
    /// </summary>
    private static void AssertTransition(
        Situation situation, Func<CollectionBatch, bool> allowed, Action<CollectionBatch> transition, AuditAction action, BatchStatus after, string refusal)
    {
        var batch = In(situation);
        var before = (batch.Status, batch.Terms, batch.FeatureCode);

        if (allowed(batch))
        {
            transition(batch);
            Assert.Equal(after, batch.Status);
            var raised = Assert.Single(batch.PendingAuditEvents);
            Assert.Equal(action.Code, raised.Action);
            Assert.Equal(Staff.Id, raised.ActorId);
            return;
        }

        var error = Assert.Throws<DomainException>(() => transition(batch));
        Assert.Equal(refusal, error.Code);
        Assert.Equal(before, (batch.Status, batch.Terms, batch.FeatureCode));
        Assert.Empty(batch.PendingAuditEvents);
    }
}
