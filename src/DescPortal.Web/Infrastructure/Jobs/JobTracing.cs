using System.Diagnostics;
using Hangfire.Server;

namespace DescPortal.Web.Infrastructure.Jobs;

/// <summary>
/// One span per Hangfire job run, named after the job ("ReportJob.IssueAsync"), tagged with the case or specimen it
/// works on (taken from the job's arguments by their names), so a slow or failing job is found by its case. The span
/// is current while the job runs, so its database and blob calls are its children.
/// </summary>
public sealed class JobTracing : IServerFilter
{
    public const string SourceName = "DescPortal.Jobs";
    public const string CaseIdTag = "desc.case.id";
    public const string SpecimenIdTag = "desc.specimen.id";

    private const string Item = "desc.activity";

    // Argument names the jobs use, and the tag each becomes.
    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["caseId"] = CaseIdTag,
        ["referralId"] = CaseIdTag,
        ["specimenId"] = SpecimenIdTag,
    };

    private static readonly ActivitySource Source = new(SourceName);

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.BackgroundJob.Job;
        var activity = Source.StartActivity($"{job.Type.Name}.{job.Method.Name}", ActivityKind.Internal);
        if (activity is null) return;
        activity.SetTag("hangfire.job.id", context.BackgroundJob.Id);
        var parameters = job.Method.GetParameters();
        for (var i = 0; i < parameters.Length && i < job.Args.Count; i++)
        {
            if (parameters[i].Name is { } name && Tags.TryGetValue(name, out var tag) && job.Args[i] is { } value)
                activity.SetTag(tag, value.ToString());
        }
        context.Items[Item] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Items.TryGetValue(Item, out var item) || item is not Activity activity) return;
        if (context.Exception is { } e && !context.ExceptionHandled)
        {
            // Hangfire wraps what the job threw; the span says what it was.
            var thrown = e is Hangfire.Server.JobPerformanceException { InnerException: { } inner } ? inner : e;
            activity.SetStatus(ActivityStatusCode.Error, thrown.Message);
            activity.AddException(thrown);
        }
        activity.Dispose();
    }
}
