using DescPortal.Core;
using DescPortal.Core.Referrals;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Http;

namespace DescPortal.Web.Features.Cases;

/// <summary>
/// An evidence original that failed its integrity check: its bytes are not served or used. A refusal with code
/// <see cref="Refusals.Evidence.IntegrityFailed"/>, so pages and the API word it as every other.
/// </summary>
public sealed class EvidenceIntegrityException(string reference, Guid evidenceId)
    : DomainException(Refusals.Evidence.IntegrityFailed, reference, evidenceId)
{
    public Guid EvidenceId { get; } = evidenceId;
}

/// <summary>
/// The one way evidence originals are read, by every page, API, job and report: hashed again on each read
/// (<see cref="Originals"/>) and compared with the SHA-256 taken at acquisition. Bytes that no longer match are never
/// handed over: the integrity alarm (<see cref="EvidenceIntegrityFailed"/>) is recorded on the case, once, and
/// <see cref="EvidenceIntegrityException"/> thrown. An image with an alarm is refused without reading it again.
/// </summary>
public sealed class EvidenceOriginals(BlobContainers blobs, CaseWrites cases, ILogger<EvidenceOriginals> log)
{
    /// <summary>The title of the problem answered instead of the image (API and portal alike).</summary>
    public const string ProblemTitle = "The evidence failed its integrity check.";

    /// <param name="use">What is about to read the bytes: recorded with the alarm.</param>
    /// <param name="actor">Who is reading (a person, an agency's key, a job): the alarm's actor.</param>
    /// <exception cref="EvidenceIntegrityException">The bytes do not match, now or at an earlier read.</exception>
    public async Task<CheckedOriginal> FetchAsync(CaseRecord record, EvidenceItem evidence, EvidenceUse use, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.IntegrityFailure is not null) throw new EvidenceIntegrityException(record.Reference, evidence.Id);
        try
        {
            return await Originals.FetchAsync(blobs.Evidence, evidence.BlobName, evidence.Sha256, ct);
        }
        catch (OriginalChangedException e)
        {
            log.LogCritical("Evidence {Evidence} of {Reference} failed its integrity check while {Use}: SHA-256 {Expected} at acquisition, {Actual} now",
                evidence.Id, record.Reference, use, e.ExpectedSha256, e.ActualSha256 ?? "(gone)");
            // Decided again on the latest state: a second reader finding it too records nothing more.
            await cases.DecideAsync(record.Id, (current, now) =>
                ReferralDecider.RecordIntegrityFailure(current.Case, evidence.Id, e.ActualSha256, use, actor, now), CancellationToken.None);
            throw new EvidenceIntegrityException(record.Reference, evidence.Id);
        }
    }

    /// <summary>409 with <see cref="ProblemTitle"/>, the refusal's English as detail and its code.</summary>
    public static IResult Refused(EvidenceIntegrityException refusal) => ApiProblems.Refused(StatusCodes.Status409Conflict, ProblemTitle, refusal);
}
