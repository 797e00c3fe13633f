using System.Globalization;
using System.Resources;

namespace DescPortal.Core;

/// <summary>
/// The labels of vocabulary codes, from Core's resources: Resources/Labels.resx is the English of each, keyed
/// "{Vocabulary}.{Code}" ("LightSource.UV365"), and another language adds a satellite (Resources/Labels.fr.resx). Stored
/// values, events and the API keep the codes; pages, findings and reports print these.
/// </summary>
public static class Labels
{
    private static readonly ResourceManager Texts = new("DescPortal.Core.Resources.Labels", typeof(Labels).Assembly);

    /// <summary>
    /// The label of a vocabulary value in <paramref name="culture"/> (the current UI culture when null); a value
    /// without one reads as its code's words.
    /// </summary>
    public static string Of(Enum value, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Find(KeyOf(value), culture) ?? Words(value.ToString());
    }

    /// <summary>The label of a security feature's type ("UV-fluorescent ink"); the code itself when it has none.</summary>
    public static string OfFeatureType(string code, CultureInfo? culture = null) =>
        Find(FeatureTypeKey(code), culture) ?? code;

    /// <summary>A security feature's inspection level (1 to 3, as the specimen records it).</summary>
    public static string OfInspectionLevel(int level, CultureInfo? culture = null) =>
        Find(string.Create(CultureInfo.InvariantCulture, $"InspectionLevel.{level}"), culture)
        ?? Find("InspectionLevel.Other", culture) ?? "";

    /// <summary>The label under <paramref name="key"/> ("Sex.Unknown"), or null when there is none.</summary>
    public static string? Find(string key, CultureInfo? culture = null) => Texts.GetString(key, culture ?? CultureInfo.CurrentUICulture);

    /// <summary>The key of a value's label: also the key under which a centre's letterhead replaces it.</summary>
    public static string KeyOf(Enum value) => $"{value.GetType().Name}.{value}";

    internal static string FeatureTypeKey(string code) => $"SecurityFeatureType.{code}";

    /// <summary>A code's own words, for codes without a label: "DateOfBirth" → "Date of birth".</summary>
    public static string Words(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return string.Concat(code.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
    }
}

/// <summary>
/// A vocabulary value's label as a refusal's argument, worded in the refusal's culture ("The specimen already has this
/// UV-fluorescent ink feature"); the refusal itself keeps the value.
/// </summary>
public sealed class VocabularyLabel
{
    private readonly string _fallback;

    private VocabularyLabel(string key, string fallback) => (Key, _fallback) = (key, fallback);

    public string Key { get; }

    public static VocabularyLabel Of(Enum value) =>
        new(Labels.KeyOf(value ?? throw new ArgumentNullException(nameof(value))), Labels.Words(value.ToString()));

    public static VocabularyLabel OfFeatureType(string code) => new(Labels.FeatureTypeKey(code), code);

    public string In(CultureInfo culture) => Labels.Find(Key, culture) ?? _fallback;

    public override string ToString() => In(CultureInfo.CurrentUICulture);
}
