namespace DescPortal.Core.ReferenceLibrary;

/// <summary>One type of security feature: its category, its stored code (PascalCase) and its English label.</summary>
public sealed record SecurityFeatureType(SecurityFeatureCategory Category, string Code, string Label);

/// <summary>
/// The security features of a reference specimen (ICAO 9303 Part 2, App. A, Table A-1) as codes: each category and
/// the types it allows. Codes are stored in events and never renamed; labels are the English UI texts (the Web
/// localizes them). Every type code is unique across all categories.
/// </summary>
public static class SecurityFeatureTaxonomy
{
    /// <summary>Every type, grouped by category in the order of <see cref="SecurityFeatureCategory"/>.</summary>
    public static IReadOnlyList<SecurityFeatureType> All { get; } =
    [
        .. Category(SecurityFeatureCategory.Substrate,
            ("UvDullPaper", "UV-dull paper"),
            ("Watermark", "Watermark"),
            ("ChemicalSensitisers", "Chemical sensitisers"),
            ("VisibleFibres", "Visible fibres"),
            ("InvisibleFibres", "Invisible fluorescent fibres"),
            ("Planchettes", "Planchettes"),
            ("SecurityThread", "Security thread"),
            ("Taggants", "Taggants"),
            ("LaserPerforation", "Laser perforation"),
            ("Polycarbonate", "Polycarbonate (windows, tactile features)")),
        .. Category(SecurityFeatureCategory.SecurityPrinting,
            ("Guilloche", "Guilloche"),
            ("RainbowPrinting", "Rainbow (split-duct) printing"),
            ("Microprinting", "Microprinting"),
            ("IntaglioLatentImage", "Intaglio with latent image"),
            ("AntiScanPattern", "Anti-scan pattern"),
            ("DuplexPattern", "Duplex pattern"),
            ("Relief", "Relief"),
            ("SeeThroughRegister", "See-through register"),
            ("DeliberateError", "Deliberate error"),
            ("UniqueTypeface", "Unique typeface")),
        .. Category(SecurityFeatureCategory.Ink,
            ("UvFluorescent", "UV-fluorescent ink"),
            ("Reactive", "Reactive ink"),
            ("OpticallyVariable", "Optically variable ink (OVI)"),
            ("Metallic", "Metallic ink"),
            ("PenetratingNumbering", "Penetrating numbering ink"),
            ("Metameric", "Metameric ink"),
            ("IrDropOut", "IR drop-out ink"),
            ("IrAbsorbing", "IR-absorbing ink"),
            ("Phosphorescent", "Phosphorescent ink"),
            ("Tagged", "Tagged ink"),
            ("AntiStokes", "Anti-Stokes ink"),
            ("Magnetic", "Magnetic ink")),
        .. Category(SecurityFeatureCategory.Numbering,
            ("Printed", "Printed numbering"),
            ("LaserPerforated", "Laser-perforated numbering")),
        .. Category(SecurityFeatureCategory.CopyProtection,
            ("Dovid", "Diffractive optically variable image device (DOVID)"),
            ("MultipleLaserImage", "Multiple / changeable laser image (MLI/CLI)"),
            ("RetroReflectiveLaminate", "Retro-reflective laminate")),
        .. Category(SecurityFeatureCategory.Personalisation,
            ("LaserEngraving", "Laser engraving"),
            ("Inkjet", "Inkjet"),
            ("ThermalTransfer", "Thermal transfer"),
            ("Toner", "Toner"),
            ("Photographic", "Photographic")),
        .. Category(SecurityFeatureCategory.PersonalisationProtection,
            ("BackgroundMergedPortrait", "Background merged into the portrait"),
            ("OvdOverPortrait", "OVD over the portrait"),
            ("SecureLaminate", "Secure laminate"),
            ("GhostImage", "Ghost image"),
            ("Steganography", "Steganography")),
        .. Category(SecurityFeatureCategory.Booklet,
            ("Stitching", "Stitching"),
            ("UvFluorescentThread", "UV-fluorescent thread"),
            ("PageNumbering", "Page numbering")),
        .. Category(SecurityFeatureCategory.Electronic,
            ("Mrz", "Machine readable zone (MRZ)"),
            ("ContactlessChip", "Contactless chip"),
            ("VisibleDigitalSeal", "Visible digital seal")),
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

    /// <summary>The English label of a type ("UV-fluorescent ink"); the code itself when the pair is not valid.</summary>
    public static string LabelOf(SecurityFeatureCategory category, string type) => Find(category, type)?.Label ?? type;

    /// <summary>The English label of a category, as ICAO's table names it.</summary>
    public static string LabelOf(SecurityFeatureCategory category) => category switch
    {
        SecurityFeatureCategory.Substrate => "Substrate",
        SecurityFeatureCategory.SecurityPrinting => "Security printing",
        SecurityFeatureCategory.Ink => "Inks",
        SecurityFeatureCategory.Numbering => "Numbering",
        SecurityFeatureCategory.CopyProtection => "Protection against copying",
        SecurityFeatureCategory.Personalisation => "Personalisation technique",
        SecurityFeatureCategory.PersonalisationProtection => "Protection of the personalisation",
        SecurityFeatureCategory.Booklet => "Booklet",
        SecurityFeatureCategory.Electronic => "Electronic",
        _ => category.ToString(),
    };

    private static IEnumerable<SecurityFeatureType> Category(
        SecurityFeatureCategory category, params (string Code, string Label)[] types) =>
        types.Select(t => new SecurityFeatureType(category, t.Code, t.Label));
}
