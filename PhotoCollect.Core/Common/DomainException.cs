namespace PhotoCollect.Core.Common;

/// <summary>
/// A rule of the domain was broken. <see cref="Code"/> is stable (clients switch on it);
/// the message is Simplified Chinese and tells the user what to do next.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(DomainError error, params object?[] args)
        : base(error.Format(args))
    {
        Code = error.Code;
    }

    public DomainException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }

    /// <summary>When retrying makes sense again, if the error is a temporary limit (sent as <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
