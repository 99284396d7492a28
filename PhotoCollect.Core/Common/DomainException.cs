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
}
