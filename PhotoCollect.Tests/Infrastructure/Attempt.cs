using PhotoCollect.Core.Common;

namespace PhotoCollect.Tests.Infrastructure;

/// <summary>For racing calls: how each one ended, without stopping at the first domain error.</summary>
public static class Attempt
{
    /// <summary>Null when <paramref name="action"/> succeeded, else the code of the <see cref="DomainException"/> it threw.</summary>
    public static async Task<string?> CodeOfAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (DomainException e)
        {
            return e.Code;
        }
    }
}
