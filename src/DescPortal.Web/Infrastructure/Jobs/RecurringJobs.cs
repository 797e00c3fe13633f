using System.Linq.Expressions;
using Hangfire;

namespace DescPortal.Web.Infrastructure.Jobs;

/// <summary>A job a slice wants run on a schedule; scheduled at start-up once the job storage is reachable.</summary>
public sealed record RecurringJobDefinition(string Id, Action<IRecurringJobManager> Schedule);

public static class RecurringJobs
{
    /// <param name="id">The job's stable name (the dashboard shows it; scheduling it again replaces it).</param>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id,
        Expression<Func<TJob, Task>> call, string cron) =>
        services.AddSingleton(new RecurringJobDefinition(id, jobs => jobs.AddOrUpdate(id, call, cron)));

    internal static Task ScheduleAllAsync(IServiceProvider services)
    {
        var jobs = services.GetRequiredService<IRecurringJobManager>();
        foreach (var job in services.GetServices<RecurringJobDefinition>()) job.Schedule(jobs);
        return Task.CompletedTask;
    }
}
