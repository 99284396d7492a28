using System.Globalization;

namespace PhotoCollect.Core.Common;

/// <summary>
/// A stable error code with the Simplified Chinese message the user sees. Each feature declares
/// its errors once, in its <c>XxxErrors</c> class; a message may hold <c>{0}</c>-style
/// placeholders that <see cref="DomainException"/> fills with invariant formatting.
/// </summary>
public sealed record DomainError(string Code, string Message)
{
    public string Format(params object?[] args) =>
        args.Length == 0 ? Message : string.Format(CultureInfo.InvariantCulture, Message, args);
}
