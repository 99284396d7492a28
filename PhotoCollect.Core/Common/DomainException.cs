namespace PhotoCollect.Core.Common;

/// <summary>
/// A rule of the domain was broken. <see cref="Code"/> is stable (clients switch on it);
/// the message is Simplified Chinese and tells the user what to do next.
/// </summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
