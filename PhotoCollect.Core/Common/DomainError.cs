using System.Globalization;
using System.Text.RegularExpressions;

namespace PhotoCollect.Core.Common;

/// <summary>
/// A stable error code with the Simplified Chinese message the user sees. Each feature declares
/// its errors once, in its <c>XxxErrors</c> class; a message may hold <c>{0}</c>-style
/// placeholders that <see cref="DomainException"/> fills with invariant formatting.
/// </summary>
public sealed partial record DomainError(string Code, string Message)
{
    /// <summary>
    /// The message with its placeholders filled. The arguments must match the placeholders exactly:
    /// a stray argument would be dropped silently (a message written at the throw site, say).
    /// </summary>
    public string Format(params object?[] args)
    {
        var expected = Placeholders().Matches(Message).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();
        if (args.Length != expected)
        {
            throw new ArgumentException($"Error {Code} takes {expected} argument(s), got {args.Length}.", nameof(args));
        }

        return expected == 0 ? Message : string.Format(CultureInfo.InvariantCulture, Message, args);
    }

    /// <summary>This error with its placeholders filled: a refusal held as a value (an entity's <c>XxxBlocker</c>).</summary>
    public DomainError With(params object?[] args) => this with { Message = Format(args) };

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholders();
}
