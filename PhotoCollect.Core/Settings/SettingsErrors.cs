using PhotoCollect.Core.Common;

namespace PhotoCollect.Core.Settings;

/// <summary>Errors of the administrator settings.</summary>
public static class SettingsErrors
{
    /// <summary>{0}: every broken rule, joined.</summary>
    public static readonly DomainError Invalid = new("settings.invalid", "设置有误：{0}");
}
