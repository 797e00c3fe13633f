using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace DescPortal.Web.Features.ReferenceLibrary;

/// <summary>
/// One specimen as the library shows and searches it: the whole folded <see cref="Core.ReferenceLibrary.Specimen"/>
/// plus flat fields for filters and the full-text index. Kept inline, so a change is searchable at once.
/// </summary>
public sealed class LibraryEntry
{
    public Guid Id { get; set; }
    public Specimen Specimen { get; set; } = default!;

    public string IssuingState { get; set; } = "";
    public DocumentType DocumentType { get; set; }
    public int IssuedFromYear { get; set; }
    /// <summary>9999 while the series is still issued.</summary>
    public int IssuedToYear { get; set; }
    public bool Withdrawn { get; set; }
    public bool ConfirmedByIssuer { get; set; }
    public SpecimenStatus Status { get; set; }
    /// <summary>The specimen's content version (not named Version: Marten would take that as its own revision number).</summary>
    public int ContentVersion { get; set; }
    /// <summary>Feature type codes ("Watermark", "UvFluorescent") for the feature filter.</summary>
    public List<string> FeatureTypes { get; set; } = [];
    /// <summary>Series, description and feature descriptions, for free-text search.</summary>
    public string SearchText { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The stream's version: commands append expecting it, so a concurrent edit is refused, not lost.</summary>
    public long StreamVersion { get; set; }

    public static LibraryEntry From(Specimen s) => new()
    {
        Id = s.Id,
        Specimen = s,
        IssuingState = s.IssuingState,
        DocumentType = s.DocumentType,
        IssuedFromYear = s.IssuedFrom.Year,
        IssuedToYear = s.IssuedTo?.Year ?? 9999,
        Withdrawn = s.IsWithdrawn,
        ConfirmedByIssuer = s.ConfirmedByIssuer,
        Status = s.Status,
        ContentVersion = s.Version,
        FeatureTypes = s.Features.Select(f => f.Type).Distinct().ToList(),
        SearchText = string.Join(" ", [s.Series, s.Description, .. s.Features.Select(f => f.Description)]),
        ChangedAt = s.ChangedAt,
    };
}

/// <summary>The one projection of specimen streams: Core's fold, wrapped with the search fields.</summary>
public sealed class LibraryEntryProjection : SingleStreamProjection<LibraryEntry, Guid>
{
    public override LibraryEntry? Evolve(LibraryEntry? entry, Guid id, IEvent e)
    {
        if (Specimen.Evolve(entry?.Specimen, e.Data) is not { } specimen) return entry;
        var next = LibraryEntry.From(specimen);
        next.StreamVersion = e.Version;
        return next;
    }
}
