namespace DescPortal.Core.ReferenceLibrary;

/// <summary>One type of security feature: its category and its stored code (PascalCase).</summary>
public sealed record SecurityFeatureType(SecurityFeatureCategory Category, string Code)
{
    /// <summary>Its label in the current UI culture ("UV-fluorescent ink"), from Resources/Labels.resx.</summary>
    public string Label => Labels.OfFeatureType(Code);
}

/// <summary>
/// The security features of a reference specimen (ICAO 9303 Part 2, App. A, Table A-1) as codes: each category and
/// the types it allows. Codes are stored in events and never renamed; their labels are in Resources/Labels.resx
/// ("SecurityFeatureType.{Code}"). Every type code is unique across all categories.
/// </summary>
public static class SecurityFeatureTaxonomy
{
    /// <summary>Every type, grouped by category in the order of <see cref="SecurityFeatureCategory"/>.</summary>
    public static IReadOnlyList<SecurityFeatureType> All { get; } =
    [
        .. Category(SecurityFeatureCategory.Substrate,
            "UvDullPaper",
            "Watermark",
            "ChemicalSensitisers",
            "VisibleFibres",
            "InvisibleFibres",
            "Planchettes",
            "SecurityThread",
            "Taggants",
            "LaserPerforation",
            "Polycarbonate"),
        .. Category(SecurityFeatureCategory.SecurityPrinting,
            "Guilloche",
            "RainbowPrinting",
            "Microprinting",
            "IntaglioLatentImage",
            "AntiScanPattern",
            "DuplexPattern",
            "Relief",
            "SeeThroughRegister",
            "DeliberateError",
            "UniqueTypeface"),
        .. Category(SecurityFeatureCategory.Ink,
            "UvFluorescent",
            "Reactive",
            "OpticallyVariable",
            "Metallic",
            "PenetratingNumbering",
            "Metameric",
            "IrDropOut",
            "IrAbsorbing",
            "Phosphorescent",
            "Tagged",
            "AntiStokes",
            "Magnetic"),
        .. Category(SecurityFeatureCategory.Numbering,
            "Printed",
            "LaserPerforated"),
        .. Category(SecurityFeatureCategory.CopyProtection,
            "Dovid",
            "MultipleLaserImage",
            "RetroReflectiveLaminate"),
        .. Category(SecurityFeatureCategory.Personalisation,
            "LaserEngraving",
            "Inkjet",
            "ThermalTransfer",
            "Toner",
            "Photographic"),
        .. Category(SecurityFeatureCategory.PersonalisationProtection,
            "BackgroundMergedPortrait",
            "OvdOverPortrait",
            "SecureLaminate",
            "GhostImage",
            "Steganography"),
        .. Category(SecurityFeatureCategory.Booklet,
            "Stitching",
            "UvFluorescentThread",
            "PageNumbering"),
        .. Category(SecurityFeatureCategory.Electronic,
            "Mrz",
            "ContactlessChip",
            "VisibleDigitalSeal"),
    ];

    private static readonly Dictionary<SecurityFeatureCategory, IReadOnlyList<SecurityFeatureType>> ByCategory =
        All.GroupBy(t => t.Category).ToDictionary(g => g.Key, g => (IReadOnlyList<SecurityFeatureType>)[.. g]);

    /// <summary>The types a category allows, in the order of ICAO's table; empty for an undefined category.</summary>
    public static IReadOnlyList<SecurityFeatureType> TypesOf(SecurityFeatureCategory category) =>
        ByCategory.TryGetValue(category, out var types) ? types : [];

    /// <summary>True when <paramref name="type"/> is, spelt exactly (as stored), one of the category's codes.</summary>
    public static bool IsValid(SecurityFeatureCategory category, string? type) => Find(category, type) is not null;

    /// <summary>The category's type whose code is <paramref name="type"/>, spelt exactly; null otherwise.</summary>
    public static SecurityFeatureType? Find(SecurityFeatureCategory category, string? type) =>
        TypesOf(category).FirstOrDefault(t => string.Equals(t.Code, type, StringComparison.Ordinal));

    /// <summary>Reads a type code as typed (any case, spaces around) into its stored spelling.</summary>
    public static bool TryParseType(SecurityFeatureCategory category, string? text, out string type)
    {
        var trimmed = text?.Trim();
        type = TypesOf(category).FirstOrDefault(t => string.Equals(t.Code, trimmed, StringComparison.OrdinalIgnoreCase))?.Code
            ?? "";
        return type.Length > 0;
    }

    /// <summary>The label of a type ("UV-fluorescent ink"); the code itself when the pair is not valid.</summary>
    public static string LabelOf(SecurityFeatureCategory category, string type) => Find(category, type)?.Label ?? type;

    /// <summary>The label of a category, as ICAO's table names it ("Inks").</summary>
    public static string LabelOf(SecurityFeatureCategory category) => Labels.Of(category);

    private static IEnumerable<SecurityFeatureType> Category(SecurityFeatureCategory category, params string[] types) =>
        types.Select(t => new SecurityFeatureType(category, t));
}
