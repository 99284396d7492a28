using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Orders;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Api.StudentApiKit;

namespace PhotoCollect.Tests.Api;

/// <summary>
/// The buttons the mini program shows (<c>actions</c> in the order detail) agree with what the
/// server accepts, in every order state and batch condition: each action is tried on its own copy
/// of the order and must succeed exactly when it was offered.
/// </summary>
[Collection(StudentApiCollection.Name)]
public sealed class StudentOrderActionsTests(StudentApiFactory factory)
{
    private static readonly string[] ActionNames = ["uploadPhoto", "submit", "withdraw", "resubmit", "pay"];

    public static TheoryData<string, BatchCondition> EveryStateAndBatch()
    {
        var data = new TheoryData<string, BatchCondition>();
        foreach (var scenario in OrderStates.All)
        {
            foreach (var condition in Enum.GetValues<BatchCondition>())
            {
                data.Add(scenario.Name, condition);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndBatch))]
    public async Task Actions_EveryStateAndBatch_OfferedExactlyWhenTheMoveSucceeds(string scenario, BatchCondition condition)
    {
        var client = await SignInAsync(factory);
        var state = OrderStates.Named(scenario);
        long? orderId = null;
        foreach (var action in ActionNames)
        {
            // A refused move changes nothing, so the copy is only rebuilt after a move went through.
            orderId ??= await ArrangeAsync(client, state, condition);
            var detail = await ReadAsync(await client.GetAsync($"/api/v1/orders/{orderId}"));
            Assert.Equal(state.Status.ToString(), detail.GetProperty("status").GetString());
            Assert.False(string.IsNullOrEmpty(detail.GetProperty("nextStep").GetString()));
            var offered = detail.GetProperty("actions").GetProperty(action).GetBoolean();

            var succeeded = await TryAsync(client, orderId.Value, action);

            Assert.True(offered == succeeded, $"{scenario}, batch {condition}: {action} offered {offered} but the move {(succeeded ? "went through" : "was refused")}.");
            if (succeeded)
            {
                orderId = null;
            }
        }
    }

    /// <summary>A fresh order of this student in <paramref name="state"/>, its batch then put in <paramref name="condition"/>.</summary>
    private async Task<long> ArrangeAsync(HttpClient client, OrderStates.Scenario state, BatchCondition condition)
    {
        var batch = await AddBatchAsync(factory, b =>
        {
            b.PriceFen = state.PriceFen;
            b.MaxSubmissions = state.MaxSubmissions;
        });
        var orderId = await CreateOrderAsync(factory, client, batch);
        await using (var db = await CreateDbContextAsync())
        {
            var order = await db.Orders.Include(o => o.Photos).Include(o => o.Batch).SingleAsync(o => o.Id == orderId);
            state.Build(order, order.Batch!, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        await UpdateBatchAsync(factory, batch.Id, b => Apply(b, condition, DateTimeOffset.UtcNow));
        return orderId;
    }

    private static void Apply(BatchSetup batch, BatchCondition condition, DateTimeOffset now)
    {
        switch (condition)
        {
            case BatchCondition.Closed:
                batch.Status = BatchStatus.Closed;
                break;
            case BatchCondition.Archived:
                batch.Status = BatchStatus.Archived;
                break;
            case BatchCondition.Expired:
                batch.ClosesAt = now.AddMinutes(-1);
                break;
        }
    }

    private async Task<bool> TryAsync(HttpClient client, long orderId, string action)
    {
        if (action == "pay")
        {
            // No student endpoint takes the money: WeChat Pay's confirmation is the transition.
            await using var db = await CreateDbContextAsync();
            var order = await db.Orders.SingleAsync(o => o.Id == orderId);
            try
            {
                order.ConfirmPayment(order.PriceFen, Actor.System, DateTimeOffset.UtcNow);
            }
            catch (DomainException)
            {
                return false;
            }

            await db.SaveChangesAsync();
            return true;
        }

        var response = action == "uploadPhoto"
            ? await client.PostAsync($"/api/v1/orders/{orderId}/photo", Form(GoodPhoto(factory)))
            : await client.PostAsync($"/api/v1/orders/{orderId}/{action}", null);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return action != "uploadPhoto" || (await ReadAsync(response)).GetProperty("accepted").GetBoolean();
    }

    private Task<PhotoCollectDbContext> CreateDbContextAsync() =>
        factory.Services.GetRequiredService<IDbContextFactory<PhotoCollectDbContext>>().CreateDbContextAsync();
}
