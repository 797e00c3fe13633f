using DescPortal.Core.Mrz;
using DescPortal.Core.Referrals;
using static DescPortal.Core.Referrals.CaseRules;

namespace DescPortal.Core.Examination;

// Mrz: the outcome of a document's MRZ check and its comparison with the entered data, recorded on the case.
public static partial class ExaminationDecider
{
    /// <summary>
    /// Records the check of a document's MRZ (<see cref="MrzCheck.TryRun"/>) and its comparison with the entered data
    /// (<see cref="VizData.Of"/> gives what the officer entered). The same outcome again changes nothing; another
    /// replaces the document's previous check.
    /// </summary>
    public static IReadOnlyList<object> RecordMrzCheck(
        Referral current, CaseExamination examination, int document, MrzCheckResult check, MrzEnteredData entered,
        ExaminationActor actor, DateTimeOffset now)
    {
        RequireAssignedExaminer(current, examination, actor, now, Refusals.Cases.Doing.RecordMrzChecks);
        RequireDocument(current, document);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(entered);
        var failed = check.Checks.Where(c => !c.Valid).ToList();
        var comparison = MrzComparison.Compare(check, entered).Select(c => new MrzFieldOutcome(c.Field, c.Result, c.Note)).ToList();
        if (examination.MrzCheckOf(document) is { } previous
            && previous.Format == check.Format && previous.Valid == check.Valid && previous.ErrorCount == check.Errors.Count
            && previous.FailedChecks.SequenceEqual(failed) && previous.Comparison.SequenceEqual(comparison))
        {
            return [];
        }
        return
        [
            new MrzChecked(current.Id, document, check.Format, check.Valid, failed, check.Errors.Count, comparison,
                actor.Actor, now),
        ];
    }
}
