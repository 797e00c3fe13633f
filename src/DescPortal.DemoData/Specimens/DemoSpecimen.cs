namespace DescPortal.DemoData.Specimens;

// Neutral descriptions of the generated demo specimens (fictitious states only). Codes are those of
// docs/domain.md: LightSource, DocumentArea, DocumentType; feature categories and types as ICAO 9303 Part 2 App. A.
// Nothing here touches storage: the reference-library seeding turns these into its own documents and blobs.

/// <summary>One specimen document of a fictitious state, with its data-page images and security features.</summary>
/// <param name="Key">Stable identifier, e.g. "UTO-P-2007".</param>
/// <param name="IssuingState">ICAO code of the (fictitious) issuing state: UTO, XXA, XXB.</param>
/// <param name="DocumentType">A DocumentType code: Passport, IdentityCard or Visa.</param>
/// <param name="Series">The series' name as an examiner would cite it.</param>
/// <param name="Format">"TD3", "TD1", or "Other" (the visa is an MRV-A sticker with a 2 x 44 MRZ).</param>
public sealed record DemoSpecimen(
    string Key,
    string IssuingState,
    string DocumentType,
    string Series,
    DateOnly IssuedFrom,
    DateOnly? IssuedTo,
    string Format,
    string Description,
    IReadOnlyList<DemoImage> Images,
    IReadOnlyList<DemoFeature> Features);

/// <summary>One image of a specimen, rendered on demand.</summary>
/// <param name="Key">Unique within the specimen, e.g. "datapage-white", "reverse-ir".</param>
/// <param name="Area">A DocumentArea code ("DataPage", "Other" for a card's reverse).</param>
/// <param name="LightSource">A LightSource code: White, UV365 or IR.</param>
/// <param name="Render">PNG bytes (RGB; greyscale for IR) with the resolution recorded; deterministic, every call
/// gives the same bytes. Takes 0.1 to 0.5 s and renders afresh each time: cache the bytes if needed twice.</param>
public sealed record DemoImage(
    string Key,
    string Area,
    string LightSource,
    int Dpi,
    Func<byte[]> Render,
    int Width,
    int Height);

/// <summary>A security feature of a specimen and where it shows.</summary>
/// <param name="Category">Substrate, SecurityPrinting, Ink, Numbering, CopyProtection, Personalisation,
/// PersonalisationProtection or Electronic.</param>
/// <param name="Type">The feature within its category, e.g. Guilloche, InvisibleFibres, IrAbsorbing.</param>
/// <param name="LightSources">LightSource codes under which the feature shows.</param>
/// <param name="InspectionLevel">1 naked eye, 2 simple tools (loupe, UV lamp, IR viewer), 3 laboratory.</param>
/// <param name="Locations">Where it is on the images; each on an image whose light is among LightSources.</param>
public sealed record DemoFeature(
    string Category,
    string Type,
    IReadOnlyList<string> LightSources,
    int InspectionLevel,
    string Description,
    IReadOnlyList<DemoLocation> Locations);

/// <summary>A rectangle in pixels of one image of the specimen.</summary>
public sealed record DemoLocation(string ImageKey, int X, int Y, int Width, int Height);
