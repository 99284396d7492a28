using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using PhotoCollect.Core.Audit;
using PhotoCollect.Core.Common;
using PhotoCollect.Core.Data;
using PhotoCollect.Core.Photos;

namespace PhotoCollect.Core.Settings;

/// <summary>
/// Administrator settings over configuration. Keeps the current values in memory (loaded at
/// start-up, replaced on save) and signals <see cref="IOptionsMonitor{PhotoSpec}"/> so new
/// photo checks use the saved rules at once.
/// </summary>
public sealed partial class SettingsService(
    IDbContextFactory<PhotoCollectDbContext> factory,
    IEnumerable<IConfigureOptions<PhotoSpec>> specConfiguration,
    TimeProvider time)
    : IOptionsChangeTokenSource<PhotoSpec>
{
    public const string EntityType = "Settings";

    private readonly Lock _gate = new();
    private PortalSettings? _current;
    private CancellationTokenSource _changed = new();

    public string? Name => Options.DefaultName;

    /// <summary>The settings in force (configuration defaults until <see cref="LoadAsync"/> ran).</summary>
    public PortalSettings Current
    {
        get
        {
            lock (_gate)
            {
                return (_current ??= Defaults()).Clone();
            }
        }
    }

    public IChangeToken GetChangeToken()
    {
        lock (_gate)
        {
            return new CancellationChangeToken(_changed.Token);
        }
    }

    /// <summary>Reads the stored settings into memory; the host calls it at start-up.</summary>
    public async Task<PortalSettings> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.SystemSettings.AsNoTracking().ToListAsync(cancellationToken);
        var settings = Defaults();
        foreach (var row in rows)
        {
            Apply(settings, row.Key, row.Value);
        }

        settings.UpdatedAt = rows.Count == 0 ? null : rows.Max(r => r.UpdatedAt);
        Publish(settings);
        return settings.Clone();
    }

    /// <summary>Validates and stores every value, audits what changed and puts it in force.</summary>
    public async Task<PortalSettings> SaveAsync(Actor actor, PortalSettings values, CancellationToken cancellationToken = default)
    {
        Validate(values);
        var now = time.GetUtcNow();
        var before = await LoadAsync(cancellationToken);
        var wanted = ToRows(values);
        var old = ToRows(before);
        var changes = wanted.Where(w => old.GetValueOrDefault(w.Key) != w.Value)
            .Select(w => $"{Label(w.Key)}：{old.GetValueOrDefault(w.Key)} → {w.Value}")
            .ToList();
        if (changes.Count == 0)
        {
            return before;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.SystemSettings.ToDictionaryAsync(r => r.Key, cancellationToken);
        foreach (var (key, value) in wanted)
        {
            if (rows.TryGetValue(key, out var row))
            {
                row.Value = value;
                row.UpdatedAt = now;
                row.UpdatedById = actor.Id;
            }
            else
            {
                db.SystemSettings.Add(new SystemSetting { Key = key, Value = value, UpdatedAt = now, UpdatedById = actor.Id });
            }
        }

        var details = string.Join("；", changes);
        db.AuditEvents.Add(AuditEvent.For(actor, now, SettingsAuditActions.Updated, EntityType, "system", details.Length <= 2000 ? details : details[..1997] + "…"));
        await db.SaveChangesAsync(cancellationToken);
        return await LoadAsync(cancellationToken);
    }

    public static void Validate(PortalSettings values)
    {
        var errors = new List<string>();
        if (values.DefaultPriceFen is < 0 or > 1_000_000)
        {
            errors.Add("默认价格应在 0 到 10000 元之间。");
        }

        if (values.RetentionDays is < 7 or > 3650)
        {
            errors.Add("保留天数应在 7 到 3650 天之间。");
        }

        if (!ColorPattern().IsMatch(values.BackgroundColor ?? ""))
        {
            errors.Add("背景颜色应为 #RRGGBB 格式，例如 #28BEFA。");
        }

        foreach (var field in PortalSettings.PhotoSpecFields)
        {
            if (!values.PhotoSpec.TryGetValue(field.Key, out var value) || double.IsNaN(value) || value < field.Min || value > field.Max)
            {
                errors.Add($"{field.Label}应在 {field.Min.ToString(CultureInfo.InvariantCulture)} 到 {field.Max.ToString(CultureInfo.InvariantCulture)} 之间。");
            }
            else if (typeof(PhotoSpec).GetProperty(field.Key)?.PropertyType == typeof(int) && value != Math.Floor(value))
            {
                // Pixel and byte limits are whole numbers: 50.2 and 50.8 would both become 50, an empty window.
                errors.Add($"{field.Label}应为整数。");
            }
        }

        void Ordered(string low, string high)
        {
            if (values.PhotoSpec.TryGetValue(low, out var a) && values.PhotoSpec.TryGetValue(high, out var b) && a >= b)
            {
                errors.Add($"{Field(low).Label}必须小于{Field(high).Label}。");
            }
        }

        Ordered("MinBytes", "MaxBytes");
        Ordered("BackgroundDeltaEWarning", "BackgroundDeltaEError");
        Ordered("CrownMinY", "CrownMaxY");
        Ordered("EyeLineMinY", "EyeLineMaxY");
        Ordered("FaceWidthMin", "FaceWidthMax");
        Ordered("CentreMinX", "CentreMaxX");
        if (errors.Count > 0)
        {
            throw new DomainException(SettingsErrors.Invalid, string.Join(" ", errors));
        }
    }

    private PortalSettings Defaults()
    {
        var spec = new PhotoSpec();
        foreach (var configure in specConfiguration)
        {
            configure.Configure(spec);
        }

        return new PortalSettings
        {
            BackgroundColor = spec.BackgroundColor,
            PhotoSpec = PortalSettings.PhotoSpecFields.ToDictionary(f => f.Key, f => f.Get(spec)),
        };
    }

    private void Publish(PortalSettings settings)
    {
        CancellationTokenSource previous;
        lock (_gate)
        {
            _current = settings.Clone();
            previous = _changed;
            _changed = new CancellationTokenSource();
        }

        previous.Cancel();
        previous.Dispose();
    }

    private static Dictionary<string, string> ToRows(PortalSettings values)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [PortalSettings.DefaultPriceKey] = values.DefaultPriceFen.ToString(CultureInfo.InvariantCulture),
            [PortalSettings.RetentionDaysKey] = values.RetentionDays.ToString(CultureInfo.InvariantCulture),
            [PortalSettings.BackgroundColorKey] = values.BackgroundColor.ToUpperInvariant(),
        };
        foreach (var field in PortalSettings.PhotoSpecFields)
        {
            rows[PortalSettings.PhotoSpecPrefix + field.Key] = values.PhotoSpec[field.Key].ToString(CultureInfo.InvariantCulture);
        }

        return rows;
    }

    private static void Apply(PortalSettings settings, string key, string value)
    {
        switch (key)
        {
            case PortalSettings.DefaultPriceKey when int.TryParse(value, CultureInfo.InvariantCulture, out var price):
                settings.DefaultPriceFen = price;
                break;
            case PortalSettings.RetentionDaysKey when int.TryParse(value, CultureInfo.InvariantCulture, out var days):
                settings.RetentionDays = days;
                break;
            case PortalSettings.BackgroundColorKey:
                settings.BackgroundColor = value;
                break;
            default:
                if (key.StartsWith(PortalSettings.PhotoSpecPrefix, StringComparison.Ordinal)
                    && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    settings.PhotoSpec[key[PortalSettings.PhotoSpecPrefix.Length..]] = number;
                }

                break;
        }
    }

    private static PhotoSpecField Field(string key) => PortalSettings.PhotoSpecFields.First(f => f.Key == key);

    private static string Label(string key) => key switch
    {
        PortalSettings.DefaultPriceKey => "默认价格（分）",
        PortalSettings.RetentionDaysKey => "归档后保留天数",
        PortalSettings.BackgroundColorKey => "背景颜色",
        _ => Field(key[PortalSettings.PhotoSpecPrefix.Length..]).Label,
    };

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex ColorPattern();
}

/// <summary>Puts the administered photo rules over the configured ones, for every <see cref="PhotoSpec"/> consumer.</summary>
internal sealed class PhotoSpecSettingsSetup(SettingsService settings) : IPostConfigureOptions<PhotoSpec>
{
    public void PostConfigure(string? name, PhotoSpec options) => settings.Current.ApplyTo(options);
}
