using System.Text.Json.Serialization;

namespace DescPortal.Core.ReferenceLibrary;

// Codes of the reference library. As in Vocabulary.cs, member names ARE the stored codes: never rename one.

/// <summary>The ICAO 9303 size of the document (TD3 passport booklet page, TD2, TD1 card), or Other.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentFormat>))]
public enum DocumentFormat
{
    TD1,
    TD2,
    TD3,
    Other,
}

/// <summary>The categories of ICAO 9303 Part 2, App. A, Table A-1; the types of each are in <see cref="SecurityFeatureTaxonomy"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SecurityFeatureCategory>))]
public enum SecurityFeatureCategory
{
    Substrate,
    SecurityPrinting,
    Ink,
    Numbering,
    CopyProtection,
    Personalisation,
    PersonalisationProtection,
    Booklet,
    Electronic,
}

/// <summary>Where a specimen stands. Derived from its events (see <see cref="Specimen.Status"/>), never stored apart.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SpecimenStatus>))]
public enum SpecimenStatus
{
    /// <summary>Being built by library editors; never submitted, never confirmed.</summary>
    Draft,
    /// <summary>Submitted to the issuing authority; no confirmation since.</summary>
    AwaitingConfirmation,
    /// <summary>The issuing authority confirmed the current version.</summary>
    Confirmed,
    /// <summary>Confirmed once, changed since, not submitted again.</summary>
    ChangedSinceConfirmation,
    /// <summary>Taken out of use; accepts no changes.</summary>
    Withdrawn,
    /// <summary>
    /// The issuing authority confirmed the current version at a registered partner installation (as its signed archive
    /// says), not here; border systems are not served it until the authority confirms it here.
    /// </summary>
    ConfirmedAtPartner,
}

[JsonConverter(typeof(JsonStringEnumConverter<CorrectionStatus>))]
public enum CorrectionStatus
{
    Open,
    Applied,
    Rejected,
}

/// <summary>What the user acting on the library may do: edit it, or speak for the authority that issues a country's documents.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LibraryRole>))]
public enum LibraryRole
{
    LibraryEditor,
    IssuingAuthority,
}
