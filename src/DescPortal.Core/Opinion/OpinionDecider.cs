using DescPortal.Core.Referrals;
using static DescPortal.Core.Referrals.CaseRules;

namespace DescPortal.Core.Opinion;

/// <summary>
/// The opinion workflow's commands as pure functions: the case (<see cref="Referral"/>), its <see cref="OpinionState"/>
/// and a command in, events for the case's stream out. Every method returns the events to append, in order; an empty
/// list means "already done" (commands carry caller-chosen ids or whole values and may be retried). A command that the
/// state or the rules forbid throws <see cref="DomainException"/> with a message for the user; a caller's programming
/// error (empty actor or id, no time) throws an ArgumentException.
/// Roles are the Web's to check (a reviewer reviews, an officer of the case's agency answers); the decider checks what
/// depends on the case: the assigned examiner drafts and submits, and nobody reviews their own case.
/// Messages count documents from 1; commands and events take the 0-based index.
/// </summary>
// Its parts, one file each: Drafts (the examiner's opinion per document and its submission for review), Information
// (requests to the officer for more material and the answers), Review (four-eyes approval or return) and Report (report
// planning and issue, reopening). Here: the limits, who may act, plain text.
public static partial class OpinionDecider
{
    public const int MaxMessageLength = 2_000;
    public const int MaxCommentsLength = 4_000;

    // ---- who may act ---------------------------------------------------------------------------------------------

    private static void RequireAssignedExaminer(
        Referral current, OpinionState opinion, OpinionActor actor, DateTimeOffset now, string doing)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(opinion);
        RequireActor(actor, now);
        CaseRules.RequireAssignedExaminer(current, actor.UserId, doing, Refusals.Cases.Work.Opinion);
    }

    private static void RequireActor(OpinionActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor.UserId, nameof(actor));
        ArgumentException.ThrowIfNullOrWhiteSpace(actor.Actor, nameof(actor));
        RequireTime(now);
    }

    // Trimmed, empty is none; refused when too long or holding control characters no report could print. What the
    // text is: a phrase of Refusals.Opinion.Text.
    private static string? PlainText(string? text, int max, string what)
    {
        var t = OpinionValidation.Clean(text);
        return OpinionValidation.TextProblem(t, max, new Phrase(what)) is { } problem ? throw new DomainException(problem) : t;
    }
}
