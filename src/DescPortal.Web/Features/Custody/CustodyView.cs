using DescPortal.Web.Infrastructure.Custody;

namespace DescPortal.Web.Features.Custody;

/// <summary>
/// A case's chain of custody (<c>GET /api/v1/referrals/{id}/custody</c>, an exact contract): whether its hash chain and
/// that of its access record hold, each event with its hash and the hash before it, each evidence original hashed
/// again now, and every recorded access.
/// </summary>
public sealed record CustodyView(
    string Reference, bool ChainIntact, IReadOnlyList<CustodyEvent> Events, IReadOnlyList<CustodyEvidence> Evidence, IReadOnlyList<CustodyAccess> Accesses);

/// <summary>
/// An event of the case: <see cref="Sequence"/> is its version in the stream; <see cref="PreviousHash"/> is null for the
/// first; <see cref="Intact"/> is false where the chain breaks.
/// </summary>
public sealed record CustodyEvent(long Sequence, string Type, DateTimeOffset? At, string? Actor, string? Hash, string? PreviousHash, bool Intact);

/// <summary>An evidence original: the SHA-256 taken at acquisition, and whether its bytes still have it when checked at <see cref="CheckedAt"/>.</summary>
public sealed record CustodyEvidence(Guid Id, string Sha256, bool Intact, DateTimeOffset CheckedAt);

/// <summary>
/// One recorded access: who, what was done, to which object (the case, an evidence id, a report number), from which
/// address, and through what (<see cref="Via"/>: "portal", a job, or the acting API key).
/// </summary>
public sealed record CustodyAccess(DateTimeOffset At, string Actor, AccessAction Action, string Target, string? From, string Via);
