using System.Globalization;
using PhotoCollect.Core.Batches;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Orders;
using PhotoCollect.Core.Payments;
using PhotoCollect.Core.Photos;
using PhotoCollect.Core.Reviews;
using PhotoCollect.Core.Storage;
using PhotoCollect.Core.Students;

namespace PhotoCollect.Core.Demo;

/// <summary>
/// Takes a demo order to its planned state through the real transitions (so the audit trail is
/// real too), with photos the engine passed and the payments and review decisions on the way.
/// </summary>
internal sealed class DemoOrders(
    IFileStore files,
    PersonalDataProtector protector,
    OrderNumberGenerator orderNumbers,
    PhotoInspector inspector,
    PhotoSpec spec)
{
    private const string RejectionComment = "请参照要求重新拍摄";

    public async Task AddAsync(
        PhotoCollectDbContext db, int index, CollectionBatch batch, DemoState state, string reviewerId, Actor reviewer, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var record = DemoStudents.Create(index, batch, protector, at);
        db.StudentRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);

        var student = Actor.Student(record.StudentAccount!.Id);
        var order = Order.Create(orderNumbers.Next(), batch, record, student, at);
        db.Orders.Add(order);
        if (state == DemoState.DraftNoPhoto)
        {
            return;
        }

        await AttachPhotoAsync(order, index * 10, student, at.AddMinutes(5), cancellationToken);
        if (state == DemoState.Draft)
        {
            return;
        }

        order.Submit(batch, student, at.AddMinutes(6));
        if (state == DemoState.AwaitingPayment)
        {
            return;
        }

        if (state == DemoState.Cancelled)
        {
            order.Cancel(student, at.AddMinutes(30));
            return;
        }

        if (order.Status == OrderStatus.AwaitingPayment)
        {
            Pay(db, order, index, at);
        }

        if (state == DemoState.PendingReview)
        {
            return;
        }

        if (state == DemoState.Refunded)
        {
            order.MarkRefunded(Actor.System, at.AddHours(1));
            return;
        }

        if (state is DemoState.Rejected or DemoState.Resubmitted)
        {
            string[] reasons = index % 2 == 0 ? ["background_uneven", "crown_space"] : ["head_tilted"];
            order.Reject(reasons, RejectionComment, reviewer, at.AddHours(1));
            db.ReviewDecisions.Add(Decision(order, reviewerId, false, reasons, at.AddHours(1)));
            if (state == DemoState.Resubmitted)
            {
                await AttachPhotoAsync(order, index * 10 + 1, student, at.AddHours(2), cancellationToken);
                order.Resubmit(batch, student, at.AddHours(2).AddMinutes(1));
            }

            return;
        }

        order.Approve(reviewer, at.AddHours(1));
        db.ReviewDecisions.Add(Decision(order, reviewerId, true, [], at.AddHours(1)));
        if (state == DemoState.Exported)
        {
            order.MarkExported(Actor.System, at.AddHours(2));
        }
    }

    private static void Pay(PhotoCollectDbContext db, Order order, int index, DateTimeOffset at)
    {
        var paidAt = at.AddMinutes(8);
        db.Payments.Add(new Payment
        {
            Order = order,
            OutTradeNo = order.OrderNo,
            AmountFen = order.PriceFen,
            PrepayId = "wx_demo_prepay_" + order.OrderNo,
            TransactionId = "4200" + (100000000 + index).ToString(CultureInfo.InvariantCulture),
            Status = PaymentStatus.Paid,
            CreatedAt = at.AddMinutes(7),
            PaidAt = paidAt,
        });
        order.ConfirmPayment(order.PriceFen, Actor.System, paidAt);
    }

    private async Task AttachPhotoAsync(Order order, int seed, Actor student, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Only photos the engine passes become demo photos, each stored with its report.
        var (bytes, report) = Enumerable.Range(seed * 7, 20)
            .Select(s => DemoPhotoFactory.Create(s))
            .Select(b => (Bytes: b, Report: inspector.Inspect(b, spec)))
            .FirstOrDefault(c => c.Report.Outcome == PhotoCheckOutcome.Pass);
        if (bytes is null)
        {
            throw new InvalidOperationException("The photo engine rejected every generated demo photo; check the PhotoSpec settings.");
        }

        using var content = new MemoryStream(bytes);
        var stored = await files.PutAsync(content, "jpg", cancellationToken);
        var photo = new PhotoVersion
        {
            StorageKey = stored.Key,
            Sha256 = stored.Sha256,
            SizeBytes = stored.Length,
            Width = DemoPhotoFactory.Width,
            Height = DemoPhotoFactory.Height,
            Source = PhotoSource.Album,
            Outcome = report!.Outcome,
            CheckReportJson = report.ToJson(),
            UploadedAt = at,
        };
        order.AttachPhoto(photo, order.Batch!, student, at);
    }

    private static ReviewDecision Decision(Order order, string reviewerId, bool approved, string[] reasons, DateTimeOffset at) => new()
    {
        Order = order,
        PhotoVersion = order.CurrentPhoto,
        ReviewerId = reviewerId,
        Approved = approved,
        ReasonCodes = [.. reasons],
        Comment = approved ? null : RejectionComment,
        DecidedAt = at,
    };
}
