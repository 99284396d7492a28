using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;

namespace PhotoCollect.Tests.Infrastructure;

/// <summary>What has happened to the batch since the order was made.</summary>
public enum BatchCondition
{
    Open,
    Closed,
    Archived,
    Expired,
}

/// <summary>
/// Orders brought into every state through their own transitions (never by setting fields), for
/// tests that go over all states: the capability tests and the check that the student API offers
/// exactly the moves the transitions accept.
/// </summary>
public static class OrderStates
{
    private static readonly Actor Student = Actor.Student(1);
    private static readonly Actor Reviewer = Actor.Staff("reviewer-1", "李审核");

    /// <summary>
    /// One way to reach <see cref="Status"/>. <see cref="Build"/> runs on a new draft in an open
    /// batch with <see cref="PriceFen"/> and <see cref="MaxSubmissions"/>.
    /// </summary>
    public sealed record Scenario(string Name, OrderStatus Status, int PriceFen, int MaxSubmissions, Action<Order, CollectionBatch, DateTimeOffset> Build)
    {
        public override string ToString() => Name;
    }

    public static readonly IReadOnlyList<Scenario> All =
    [
        new("draft without photo", OrderStatus.Draft, 3000, 3, (_, _, _) => { }),
        new("draft", OrderStatus.Draft, 3000, 3, (o, b, now) => Attach(o, b, now)),
        new("draft with failed photo", OrderStatus.Draft, 3000, 3, (o, b, now) => Attach(o, b, now, PhotoCheckOutcome.Fail)),
        new("draft withdrawn, paid", OrderStatus.Draft, 3000, 3, (o, b, now) => Withdrawn(o, b, now)),
        new("draft withdrawn at the limit", OrderStatus.Draft, 0, 1, (o, b, now) => Withdrawn(o, b, now)),
        new("awaiting payment", OrderStatus.AwaitingPayment, 3000, 3, (o, b, now) => Submitted(o, b, now)),
        new("pending review", OrderStatus.PendingReview, 3000, 3, (o, b, now) => Paid(o, b, now)),
        new("pending review, free", OrderStatus.PendingReview, 0, 3, (o, b, now) => Submitted(o, b, now)),
        new("approved", OrderStatus.Approved, 3000, 3, (o, b, now) => { Paid(o, b, now); o.Approve(Reviewer, now); }),
        new("approved and exported", OrderStatus.Approved, 3000, 3, (o, b, now) => { Paid(o, b, now); o.Approve(Reviewer, now); o.MarkExported(Actor.System, now); }),
        new("rejected", OrderStatus.Rejected, 3000, 3, (o, b, now) => Rejected(o, b, now)),
        new("rejected with new photo", OrderStatus.Rejected, 3000, 3, (o, b, now) => { Rejected(o, b, now); Attach(o, b, now); }),
        new("rejected with new photo at the limit", OrderStatus.Rejected, 0, 1, (o, b, now) => { Rejected(o, b, now); Attach(o, b, now); }),
        new("cancelled", OrderStatus.Cancelled, 3000, 3, (o, _, now) => o.Cancel(Student, now)),
        new("refunded", OrderStatus.Refunded, 3000, 3, (o, b, now) => { Paid(o, b, now); o.MarkRefunded(Reviewer, now); }),
    ];

    /// <summary>For each status the scenario where the most is possible (a draft with a good photo, a rejection with a new one).</summary>
    public static Scenario Typical(OrderStatus status) => status switch
    {
        OrderStatus.Draft => Named("draft"),
        OrderStatus.Rejected => Named("rejected with new photo"),
        _ => All.First(s => s.Status == status),
    };

    public static Scenario Named(string name) => All.Single(s => s.Name == name);

    /// <summary>A new order in <paramref name="scenario"/>'s state, with its batch then put in <paramref name="condition"/>.</summary>
    public static (Order Order, CollectionBatch Batch) Build(Scenario scenario, BatchCondition condition = BatchCondition.Open)
    {
        var batch = Builders.Batch(priceFen: scenario.PriceFen, maxSubmissions: scenario.MaxSubmissions);
        var order = Builders.NewOrder(batch);
        scenario.Build(order, batch, Builders.Now);
        Assert.Equal(scenario.Status, order.Status);
        Apply(batch, condition, Builders.Now);
        return (order, batch);
    }

    /// <summary>Closes, archives or lets the batch's deadline pass, through the batch's own transitions.</summary>
    public static void Apply(CollectionBatch batch, BatchCondition condition, DateTimeOffset now)
    {
        switch (condition)
        {
            case BatchCondition.Closed:
                batch.Close(Actor.System, now);
                break;
            case BatchCondition.Archived:
                batch.Close(Actor.System, now);
                batch.Archive(Actor.System, now);
                break;
            case BatchCondition.Expired:
                batch.Update(batch.Terms with { ClosesAt = now.AddMinutes(-1) }, Actor.System, now);
                break;
        }
    }

    public static void Attach(Order order, CollectionBatch batch, DateTimeOffset now, PhotoCheckOutcome outcome = PhotoCheckOutcome.Pass) =>
        order.AttachPhoto(Builders.Photo(outcome), batch, Student, now);

    private static void Submitted(Order order, CollectionBatch batch, DateTimeOffset now)
    {
        Attach(order, batch, now);
        order.Submit(batch, Student, now);
    }

    private static void Paid(Order order, CollectionBatch batch, DateTimeOffset now)
    {
        Submitted(order, batch, now);
        if (order.Status == OrderStatus.AwaitingPayment)
        {
            order.ConfirmPayment(order.PriceFen, Actor.System, now);
        }
    }

    private static void Withdrawn(Order order, CollectionBatch batch, DateTimeOffset now)
    {
        Paid(order, batch, now);
        order.Withdraw(batch, Student, now);
    }

    private static void Rejected(Order order, CollectionBatch batch, DateTimeOffset now)
    {
        Paid(order, batch, now);
        order.Reject(["other"], null, Reviewer, now);
    }
}
