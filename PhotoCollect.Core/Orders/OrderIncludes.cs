using Microsoft.EntityFrameworkCore;

namespace PhotoCollect.Core.Orders;

/// <summary>How orders are loaded for the screens and moves that need more than the order row.</summary>
public static class OrderIncludes
{
    /// <summary>
    /// One student account's orders with what the order's rules read (the batch) and what a photo
    /// change needs (the photos). Another student's order is simply not there: "not found", never
    /// "forbidden", so its existence does not leak.
    /// </summary>
    public static IQueryable<Order> OwnedWithBatchAndPhotos(this IQueryable<Order> orders, long accountId) =>
        orders.Where(o => o.StudentAccountId == accountId)
            .Include(o => o.Batch!).ThenInclude(b => b.School)
            .Include(o => o.Photos);

    /// <summary>For a screen that shows all of an order (the staff order page, the review workspace, the student's detail): the batch with its school, the student record and every photo version, in split queries.</summary>
    public static IQueryable<Order> WithBatchStudentAndPhotos(this IQueryable<Order> orders) =>
        orders.Include(o => o.Batch).ThenInclude(b => b!.School)
            .Include(o => o.StudentRecord)
            .Include(o => o.Photos)
            .AsSplitQuery();
}
