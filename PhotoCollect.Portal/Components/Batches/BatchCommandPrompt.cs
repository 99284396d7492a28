using MudBlazor;
using PhotoCollect.Core.Common;

namespace PhotoCollect.Portal.Components.Batches;

/// <summary>What the batch page asks before a command and says after it.</summary>
public sealed record BatchCommandPrompt(string Title, string Message, string Yes, string Done)
{
    /// <summary>
    /// Asks, runs <paramref name="command"/> if confirmed and reports the outcome. True when it ran,
    /// successfully or not: the page then shows the batch as it now is.
    /// </summary>
    public async Task<bool> RunAsync(IDialogService dialogs, ISnackbar snackbar, Func<Task> command)
    {
        var confirmed = await dialogs.ShowMessageBoxAsync(Title, Message, yesText: Yes, cancelText: "取消");
        if (confirmed != true)
        {
            return false;
        }

        try
        {
            await command();
            snackbar.Add(Done, Severity.Success);
            return true;
        }
        catch (DomainException error)
        {
            snackbar.Add(error.Message, Severity.Error);
            return true;
        }
    }
}
