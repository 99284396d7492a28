using PhotoCollect.Core.Common;
using PhotoCollect.Core.Students;
using PhotoCollect.Core.Students.Chsi;
using PhotoCollect.Portal.Api;

namespace PhotoCollect.Portal.Hosting;

/// <summary>
/// One kind of secret key the portal needs, bound from <see cref="SectionName"/>. Configured keys
/// win; Production refuses to start without them; anywhere else they are generated once into
/// <c>&lt;DataFolder&gt;/keys/&lt;FileName&gt;</c> (<see cref="DevelopmentKeyFile"/>), so a local
/// run works without configuration and keeps its keys across restarts.
/// </summary>
/// <param name="Apply">Copies the generated keys (and only the keys) into the bound options.</param>
internal sealed record DevelopmentKeySet<TOptions>(
    string SectionName,
    string FileName,
    Func<TOptions, bool> IsConfigured,
    Func<TOptions> Generate,
    Action<TOptions, TOptions> Apply,
    string ProductionError)
    where TOptions : class, new()
{
    /// <summary>The options as configured, with the key file's keys when none are.</summary>
    /// <exception cref="InvalidOperationException">Production without configured keys.</exception>
    public TOptions Load(IConfiguration configuration, bool production, string dataFolder)
    {
        var options = configuration.GetSection(SectionName).Get<TOptions>() ?? new TOptions();
        if (GeneratedKeys(options, production, dataFolder) is { } generated)
        {
            Apply(options, generated);
        }

        return options;
    }

    /// <summary>Null when keys are configured; else the key file's keys, generated on first use.</summary>
    public TOptions? GeneratedKeys(TOptions configured, bool production, string dataFolder)
    {
        if (IsConfigured(configured))
        {
            return null;
        }

        return production
            ? throw new InvalidOperationException(ProductionError)
            : DevelopmentKeyFile.LoadOrCreate(Path.Combine(dataFolder, "keys", FileName), Generate);
    }
}

/// <summary>The portal's secret keys, set up the same way for each (<see cref="DevelopmentKeySet{TOptions}"/>).</summary>
internal static class DevelopmentKeys
{
    public static readonly DevelopmentKeySet<PersonalDataOptions> PersonalData = new(
        PersonalDataOptions.SectionName,
        "personal-data.json",
        o => o.Keys.Count > 0,
        PersonalDataOptions.GenerateDevelopmentKeys,
        (o, keys) =>
        {
            o.CurrentKeyId = keys.CurrentKeyId;
            o.Keys = keys.Keys;
            o.BlindIndexKey = keys.BlindIndexKey;
        },
        "PersonalData keys must be configured in Production (PersonalData:CurrentKeyId, PersonalData:Keys, PersonalData:BlindIndexKey).");

    /// <summary>The 采集码 keys; <c>DefaultValidity</c> always comes from configuration.</summary>
    public static readonly DevelopmentKeySet<ChsiCodeOptions> ChsiCodes = new(
        ChsiCodeOptions.SectionName,
        "chsi-codes.json",
        o => o.Keys.Count > 0,
        ChsiCodeOptions.GenerateDevelopmentKeys,
        (o, keys) =>
        {
            o.CurrentKeyId = keys.CurrentKeyId;
            o.Keys = keys.Keys;
        },
        "ChsiCodes keys must be configured in Production (ChsiCodes:CurrentKeyId, ChsiCodes:Keys).");

    public static readonly DevelopmentKeySet<StudentTokenOptions> StudentTokens = new(
        StudentTokenOptions.SectionName,
        "student-tokens.json",
        o => !string.IsNullOrWhiteSpace(o.SigningKey),
        StudentTokenOptions.GenerateDevelopmentKeys,
        (o, keys) => o.SigningKey = keys.SigningKey,
        "StudentApi:SigningKey must be configured in Production (base64 of 32 random bytes).");

    /// <summary>Binds <typeparamref name="TOptions"/> to its section and adds the generated keys when none are configured.</summary>
    public static void AddKeys<TOptions>(this WebApplicationBuilder builder, DevelopmentKeySet<TOptions> keys, string dataFolder)
        where TOptions : class, new()
    {
        var section = builder.Configuration.GetSection(keys.SectionName);
        builder.Services.Configure<TOptions>(section);
        var configured = section.Get<TOptions>() ?? new TOptions();
        if (keys.GeneratedKeys(configured, builder.Environment.IsProduction(), dataFolder) is { } generated)
        {
            builder.Services.Configure<TOptions>(o => keys.Apply(o, generated));
        }
    }
}
