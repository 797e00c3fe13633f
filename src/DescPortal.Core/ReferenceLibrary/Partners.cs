namespace DescPortal.Core.ReferenceLibrary;

/// <summary>
/// An administrator registered a partner installation: archives signed by the key with <see cref="Fingerprint"/> (the
/// SHA-256 of its public key, 64 lower-case hex digits) are accepted, and the issuer confirmations they carry are shown
/// as made at <see cref="Name"/>.
/// </summary>
public sealed record PartnerRegistered(string Fingerprint, string Name, string Actor, string ActorName, DateTimeOffset At);

/// <summary>An administrator removed a partner: its next archive is refused. What was imported from it stays, under its name.</summary>
public sealed record PartnerRemoved(string Fingerprint, string Name, string Actor, string ActorName, DateTimeOffset At);

/// <summary>A registered partner: its name here, its key's fingerprint, who registered it and when.</summary>
public sealed record Partner(string Fingerprint, string Name, string AddedBy, string AddedByName, DateTimeOffset AddedAt);

/// <summary>The partner installations whose archives this installation accepts, folded from their one stream.</summary>
public sealed record PartnerList(IReadOnlyList<Partner> Partners)
{
    /// <summary>The one stream of the registry (every registration and removal, hash-chained like every stream).</summary>
    public static readonly Guid StreamId = Guid.Parse("0b5e7c1e-9a4d-4f2b-8c61-2d7f3a90e001");

    public static PartnerList Empty { get; } = new([]);

    /// <summary>The partner registered with this fingerprint (as <see cref="PartnerDecider.FingerprintOf"/> writes it), or null.</summary>
    public Partner? Find(string? fingerprint) =>
        fingerprint is null ? null : Partners.FirstOrDefault(p => string.Equals(p.Fingerprint, fingerprint, StringComparison.Ordinal));

    public static PartnerList Evolve(PartnerList? state, object @event)
    {
        state ??= Empty;
        return @event switch
        {
            PartnerRegistered e => new([.. state.Partners, new Partner(e.Fingerprint, e.Name, e.Actor, e.ActorName, e.At)]),
            PartnerRemoved e => new([.. state.Partners.Where(p => p.Fingerprint != e.Fingerprint)]),
            _ => state,
        };
    }

    public static PartnerList Fold(IEnumerable<object> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate(Empty, Evolve);
    }
}

/// <summary>Decides registrations and removals of partner installations (administrators only: the Web checks the role).</summary>
public static class PartnerDecider
{
    public const int MaxName = 200;

    /// <summary>
    /// A fingerprint as typed or read aloud ("3F2A 9C01 …", any case, spaces or colons between groups) in the form the
    /// archives and the registry use (64 lower-case hex digits), or null when it is not one.
    /// </summary>
    public static string? FingerprintOf(string? text)
    {
        if (text is null) return null;
        var hex = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c != ':' && c != '-')]).ToLowerInvariant();
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigitLower) ? hex : null;
    }

    /// <summary>
    /// Registers the partner whose key has <paramref name="fingerprint"/> under <paramref name="name"/>. Refused (every
    /// problem at once) for a missing or too long name, a malformed fingerprint, this installation's own, or one already
    /// registered.
    /// </summary>
    public static IReadOnlyList<object> Register(PartnerList current, string? name, string? fingerprint, string ownFingerprint,
        string actor, string actorName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var problems = new List<Phrase>();
        var n = name?.Trim() ?? "";
        if (n.Length == 0) problems.Add(new(Refusals.Partner.NameRequired));
        else if (n.Length > MaxName) problems.Add(new(Refusals.Partner.NameTooLong, MaxName));
        else if (n.Any(char.IsControl)) problems.Add(new(Refusals.Partner.NameControlCharacters));

        var f = FingerprintOf(fingerprint);
        if (f is null) problems.Add(new(Refusals.Partner.FingerprintMalformed));
        else if (f == ownFingerprint) problems.Add(new(Refusals.Partner.FingerprintOwn));
        else if (current.Find(f) is { } existing) problems.Add(new(Refusals.Partner.FingerprintRegistered, existing.Name));

        if (problems.Count == 1) throw new DomainException(problems[0]);
        if (problems.Count > 1) throw new DomainException(Refusals.Several, problems);
        return [new PartnerRegistered(f!, n, actor, string.IsNullOrWhiteSpace(actorName) ? actor : actorName.Trim(), now)];
    }

    /// <summary>Removes a registered partner; one no longer registered changes nothing (removing twice is harmless).</summary>
    public static IReadOnlyList<object> Remove(PartnerList current, string fingerprint, string actor, string actorName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (current.Find(FingerprintOf(fingerprint)) is not { } partner) return [];
        return [new PartnerRemoved(partner.Fingerprint, partner.Name, actor, string.IsNullOrWhiteSpace(actorName) ? actor : actorName.Trim(), now)];
    }
}
