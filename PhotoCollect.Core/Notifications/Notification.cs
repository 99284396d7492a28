namespace PhotoCollect.Core.Notifications;

public enum NotificationStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
    Skipped = 3,
}

/// <summary>Outbox row for a WeChat subscribe message; a worker sends and retries it.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public long StudentAccountId { get; set; }

    /// <summary>What happened, e.g. <c>order.approved</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>WeChat subscribe-message template id.</summary>
    public required string TemplateId { get; set; }

    /// <summary>Template data as JSON.</summary>
    public required string PayloadJson { get; set; }

    public NotificationStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>One-time subscribe-message credits a student granted for a template.</summary>
public sealed class SubscriptionCredit
{
    public long Id { get; set; }
    public long StudentAccountId { get; set; }
    public required string TemplateId { get; set; }
    public int Remaining { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
