using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Notifications;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Tests.Infrastructure;
using static PhotoCollect.Tests.Infrastructure.Builders;

namespace PhotoCollect.Tests.Core.Reviews;

/// <summary>The dashboard's review figures for the China day.</summary>
public sealed class ReviewStatsTests
{
    [Fact]
    public async Task TodayAsync_TodayPerReviewer_MedianTimeAndReasons()
    {
        await using var a = await ReviewArrangement.CreateAsync([PhotoCheckOutcome.Pass, PhotoCheckOutcome.Pass, PhotoCheckOutcome.Pass, PhotoCheckOutcome.Pass]);
        var actor = ReviewArrangement.Actor(a.ReviewerA);
        var seconds = new[] { 2, 4, 9 };
        for (var i = 0; i < 3; i++)
        {
            await a.Claims.OpenAsync(a.ReviewerA, actor, a.OrdersA[i]);
            a.Services.Time.Advance(TimeSpan.FromSeconds(seconds[i]));
            var input = await a.InputAsync(a.OrdersA[i], i == 0 ? [] : ["blurry", "glasses"]);
            if (i == 0)
            {
                await a.Decisions.ApproveAsync(a.ReviewerA, actor, input);
            }
            else
            {
                await a.Decisions.RejectAsync(a.ReviewerA, actor, input with { ReasonCodes = i == 1 ? ["blurry", "glasses"] : ["blurry"] });
            }
        }

        await a.Claims.OpenAsync(a.ReviewerA2, ReviewArrangement.Actor(a.ReviewerA2), a.OrdersA[3]);
        a.Services.Time.Advance(TimeSpan.FromSeconds(1));
        await a.Decisions.ApproveAsync(a.ReviewerA2, ReviewArrangement.Actor(a.ReviewerA2), await a.InputAsync(a.OrdersA[3]));

        var stats = await a.Stats.TodayAsync(a.ReviewerA);

        Assert.Equal(new DateOnly(2026, 11, 28), stats.Day);
        var first = stats.Reviewers[0];
        Assert.Equal(("李审核", 3, 1, 2, 4.0), (first.ReviewerName, first.Decisions, first.Approved, first.Rejected, first.MedianSeconds));
        Assert.Equal(("王审核", 1, 1.0), (stats.Reviewers[1].ReviewerName, stats.Reviewers[1].Decisions, stats.Reviewers[1].MedianSeconds));
        Assert.Equal(3.0, stats.MedianSeconds);
        Assert.Equal([("blurry", "照片模糊", 2), ("glasses", "眼镜反光或有色眼镜", 1)], stats.Reasons.Select(r => (r.Code, r.Label, r.Count)));

        // The other branch sees none of it; tomorrow (China day) starts at zero.
        Assert.Empty((await a.Stats.TodayAsync(a.ReviewerB)).Reviewers);
        a.Services.Time.Advance(TimeSpan.FromHours(24));
        Assert.Empty((await a.Stats.TodayAsync(a.ReviewerA)).Reviewers);
    }
}
