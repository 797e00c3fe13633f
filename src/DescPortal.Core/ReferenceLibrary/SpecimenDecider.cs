namespace DescPortal.Core.ReferenceLibrary;

/// <summary>
/// The reference library's commands as pure functions: current state and command in, events out.
/// Every method returns the events to append, in order; an empty list means "already done" (commands carry
/// caller-chosen ids and may be retried). A command that the specimen's state, the rules or the actor's role
/// forbid throws <see cref="DomainException"/> with a code for the user's words; a caller's programming error (empty
/// actor or id, a hash or blob name the server should have set) throws an ArgumentException.
/// Library editors build and maintain specimens; an issuing authority may only confirm or propose corrections,
/// and only for specimens of its own country.
/// </summary>
// Its parts, one file each: Lifecycle (an editor's specimen from creation to withdrawal), Content (the rules every
// specimen's details, images and features are held to), Confirmation (the issuing authority's confirmations and
// corrections) and Archive (import and update from a partner's archive). Here: the limits, who may act, shared helpers.
public static partial class SpecimenDecider
{
    public const int MaxSeriesLength = 200;
    public const int MaxDescriptionLength = 2000;
    public const int MaxTextLength = 2000;
    public const int MaxNoteLength = 1000;
    public const int MaxCaptureDeviceLength = 200;
    public const int MinDpi = 1;
    public const int MaxDpi = 20_000;
    public const int MinWavelengthNm = 200;
    public const int MaxWavelengthNm = 1200;
    public const int MinInspectionLevel = 1;
    public const int MaxInspectionLevel = 3;
    public const int MaxLocationsPerFeature = 100;
    public const int EarliestYearOfIssue = 1900;

    // ---- who may act -------------------------------------------------------------------------------------------

    private static void RequireActor(LibraryActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor.Id, nameof(actor));
        ArgumentException.ThrowIfNullOrWhiteSpace(actor.Name, nameof(actor));
        if (now == default)
        {
            throw new ArgumentException("The time of the command is required.", nameof(now));
        }
        if (actor.Role == LibraryRole.IssuingAuthority && CountryOf(actor.Country) is null)
        {
            throw new ArgumentException($"An issuing authority needs a known ICAO country code, not '{actor.Country}'.", nameof(actor));
        }
    }

    // What the actor would do: a phrase of Refusals.Specimen.Doing.
    private static void RequireEditor(LibraryActor actor, DateTimeOffset now, string doing)
    {
        RequireActor(actor, now);
        if (actor.Role != LibraryRole.LibraryEditor)
        {
            throw new DomainException(Refusals.Specimen.EditorsOnly, new Phrase(doing));
        }
    }

    private static void RequireNotWithdrawn(Specimen current)
    {
        if (current.Withdrawal is { } w)
        {
            throw new DomainException(Refusals.Specimen.Withdrawn, current.Name, w.At);
        }
    }

    // ---- small helpers -----------------------------------------------------------------------------------------

    /// <summary>Upper-cased, trimmed; "D" (Germany as MRZs write it) read as DEU so that one country has one code.</summary>
    private static string? CountryOf(string? code)
    {
        var c = code?.Trim().ToUpperInvariant();
        if (c == "D")
        {
            return "DEU";
        }
        return IcaoCountries.IsKnown(c) ? c : null;
    }

    private static string IssuingStateOf(string issuingState) =>
        CountryOf(issuingState) ?? throw new DomainException(Refusals.Specimen.IssuingStateUnknown, issuingState);

    private static void RequireId(Guid id, string paramName)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("Ids are chosen by the caller and must not be empty.", paramName);
        }
    }

    // The chain-of-custody hash is compared as text: one spelling only.
    private static void RequireSha256(string? sha256, string paramName)
    {
        if (sha256 is null || sha256.Length != 64 || !sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new ArgumentException("SHA-256 must be 64 lower-case hex digits.", paramName);
        }
    }

    // whenMissing: the refusal of an empty text; what: the text, a phrase of Refusals.Specimen.Text.
    private static string RequiredText(string? text, int maxLength, string whenMissing, string what)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0)
        {
            throw new DomainException(whenMissing);
        }
        return t.Length <= maxLength ? t : throw new DomainException(TooLong(what, maxLength));
    }

    private static string? OptionalText(string? text, int maxLength, string what, List<Phrase>? problems = null)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }
        if (t.Length > maxLength)
        {
            if (problems is null)
            {
                throw new DomainException(TooLong(what, maxLength));
            }
            problems.Add(TooLong(what, maxLength));
        }
        return t;
    }

    private static Phrase TooLong(string what, int maxLength) => new(Refusals.Specimen.TextTooLong, new Phrase(what), maxLength);

    // Every problem at once, so the editor fixes them in one go.
    private static void ThrowIfAny(List<Phrase> problems)
    {
        if (problems.Count > 0)
        {
            throw problems.Count == 1 ? new DomainException(problems[0]) : new DomainException(Refusals.Several, problems);
        }
    }

    private static Phrase Describe(SpecimenImage image) => new(Refusals.Specimen.ImageDescribed, image.Area, image.LightSource);
}
