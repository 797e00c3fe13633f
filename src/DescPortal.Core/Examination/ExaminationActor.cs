namespace DescPortal.Core.Examination;

/// <summary>
/// Who is working on the examination: <see cref="UserId"/> is compared with the case's assigned examiner (the id that
/// CaseAssigned recorded); <see cref="Actor"/> is what the events record for the history ("Dr Ada Lind &lt;ada@…&gt;",
/// the Web's UserScope.Actor).
/// </summary>
public sealed record ExaminationActor(string UserId, string Actor);
