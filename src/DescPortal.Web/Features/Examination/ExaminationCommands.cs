using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Core.Referrals;
using DescPortal.Web.Features.Referrals;
using DescPortal.Web.Infrastructure.Identity;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace DescPortal.Web.Features.Examination;

/// <summary>
/// Another examination change reached the case after the version the examiner was looking at. Nothing of theirs was
/// stored; <see cref="Latest"/> is the case as it is now, to show beside what they typed.
/// </summary>
public sealed class CaseChangedException(ReferralRecord latest)
    : Exception("Someone else changed this case's examination meanwhile. The page shows the latest state; what you entered is kept, check it and save again.")
{
    public ReferralRecord Latest { get; } = latest;
}

/// <summary>
/// The examiner's changes to a case (annotations, checklist, calibration, alignment, MRZ checks), decided by
/// <see cref="ExaminationDecider"/> on the version of the case the examiner saw. Optimistic concurrency on the stream,
/// never last-write-wins: when another examination change came in since that version, nothing is stored and
/// <see cref="CaseChangedException"/> carries the latest state. Changes that cannot clash with typed content (a job's
/// thumbnail) do not count: the decision is then made again on the latest state.
/// </summary>
public sealed class ExaminationCommands(IDocumentStore store, CaseEvents events, TimeProvider clock)
{
    public delegate IReadOnlyList<object> Decision(Referral referral, CaseExamination examination, ExaminationActor actor, DateTimeOffset now);

    /// <summary>Decides and appends; returns the case as stored afterwards.</summary>
    public async Task<ReferralRecord> DecideAsync(UserScope scope, Guid caseId, long seenVersion, Decision decide, CancellationToken ct)
    {
        // Readers (reviewers, other examiners) reach the case but the decider lets only its examiner change it.
        if (!scope.IsIn(Roles.Examiner) || scope.ViaApiKey)
            throw new DomainException("Only the examiner assigned to this case can record examination work.");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var record = await ReferralQueries.LoadForAsync(store, scope, caseId, ct) ?? throw new KeyNotFoundException("No such case.");
            if (record.Version != seenVersion && await ClashesAsync(caseId, seenVersion, ct))
                throw new CaseChangedException(record);
            var decided = decide(record.Case, record.Examination, new ExaminationActor(scope.UserId, scope.Actor), clock.GetUtcNow());
            try
            {
                await events.AppendAsync(caseId, record.Version, decided, ct);
                return decided.Count == 0 ? record : await LoadAsync(scope, caseId, ct);
            }
            catch (Exception e) when (e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
            {
                // Appended between our read and our write: look at what it was.
            }
        }
        throw new CaseChangedException(await LoadAsync(scope, caseId, ct));
    }

    /// <summary>Whether anything since the examiner's version could clash with their work: examination events or an assignment.</summary>
    private async Task<bool> ClashesAsync(Guid caseId, long seenVersion, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var since = await session.Events.FetchStreamAsync(caseId, fromVersion: seenVersion + 1, token: ct);
        return since.Any(e => e.Data is IExaminationEvent or CaseAssigned);
    }

    private async Task<ReferralRecord> LoadAsync(UserScope scope, Guid caseId, CancellationToken ct) =>
        await ReferralQueries.LoadForAsync(store, scope, caseId, ct) ?? throw new KeyNotFoundException("No such case.");
}
