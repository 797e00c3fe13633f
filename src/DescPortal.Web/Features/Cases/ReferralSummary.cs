using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Core.Opinion;
using DescPortal.Core.Referrals;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace DescPortal.Web.Features.Cases;

/// <summary>
/// One row per case for the officer's list, the API list and the examiner's queue. Holds no personal data of the
/// bearer, so that masking or erasing it never has to touch this read model.
/// </summary>
public sealed class ReferralSummary
{
    public Guid Id { get; set; }
    public string Reference { get; set; } = "";
    public string AgencyCode { get; set; } = "";
    public string BorderCrossingPoint { get; set; } = "";
    public ReferralStatus Status { get; set; }
    public Urgency Urgency { get; set; }
    public DateTimeOffset? AnswerBy { get; set; }
    public DateTimeOffset InterceptedAt { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public List<string> IssuingStates { get; set; } = [];
    public List<DocumentType> DocumentTypes { get; set; } = [];
    public int EvidenceCount { get; set; }
    public string? AssignedExaminerId { get; set; }
    public string? AssignedExaminerName { get; set; }

    /// <summary>Queue order: urgent (0) before routine (1) ...</summary>
    public int UrgencyRank { get; set; }

    /// <summary>... then by deadline for urgent cases, by submission time for routine ones.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Each document's checklist, as feature ids only: enough for the queue to show the examination's progress.</summary>
    public List<ChecklistTally> Checklists { get; set; } = [];

    public int ChecklistItems => Checklists.Sum(c => c.Items.Count);
    public int ChecklistObserved => Checklists.Sum(c => c.Observed.Count);
}

public sealed class ChecklistTally
{
    public int Document { get; set; }
    public List<Guid> Items { get; set; } = [];
    public List<Guid> Observed { get; set; } = [];
}

public sealed class ReferralSummaryProjection : SingleStreamProjection<ReferralSummary, Guid>
{
    public override ReferralSummary? Evolve(ReferralSummary? summary, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case ReferralSubmitted s:
                return new ReferralSummary
                {
                    Id = s.ReferralId, Reference = s.Reference, AgencyCode = s.AgencyCode,
                    BorderCrossingPoint = s.BorderCrossingPoint, Status = ReferralStatus.Submitted,
                    Urgency = s.Urgency, AnswerBy = s.AnswerBy, InterceptedAt = s.InterceptedAt, SubmittedAt = s.At,
                    IssuingStates = s.Documents.Select(d => d.IssuingState).Distinct().ToList(),
                    DocumentTypes = s.Documents.Select(d => d.DocumentType).Distinct().ToList(),
                    UrgencyRank = s.Urgency == Urgency.Urgent ? 0 : 1,
                    DueAt = s.Urgency == Urgency.Urgent && s.AnswerBy is { } due ? due : s.At,
                };
            case EvidenceImageAttached when summary is not null:
                summary.EvidenceCount++;
                return summary;
            case CaseAssigned c when summary is not null:
                summary.AssignedExaminerId = c.ExaminerId;
                summary.AssignedExaminerName = c.ExaminerName;
                summary.Status = ReferralStatus.InExamination;
                return summary;
            case ReferenceSpecimenChosen c when summary is not null:
                var kept = summary.Checklists.FirstOrDefault(t => t.Document == c.Document)?.Observed ?? [];
                var items = c.Items.Select(i => i.FeatureId).ToList();
                summary.Checklists.RemoveAll(t => t.Document == c.Document);
                // A new reference keeps the observations of features it still has (as the decider does).
                summary.Checklists.Add(new ChecklistTally { Document = c.Document, Items = items, Observed = [.. kept.Where(items.Contains)] });
                return summary;
            case ChecklistObservationRecorded o when summary is not null:
                if (summary.Checklists.FirstOrDefault(t => t.Document == o.Document) is { } tally
                    && tally.Items.Contains(o.FeatureId) && !tally.Observed.Contains(o.FeatureId))
                    tally.Observed.Add(o.FeatureId);
                return summary;
            case IOpinionEvent o when summary is not null:
                summary.Status = Referral.StatusAfter(o) ?? summary.Status;
                return summary;
            default:
                return summary;
        }
    }
}
