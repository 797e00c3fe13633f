using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Settings;

namespace DescPortal.Web.Infrastructure.Jobs;

public static class HangfireSetup
{
    public const string Schema = "hangfire";

    public static IServiceCollection AddDescJobs(this IServiceCollection services, string connectionString, IConfiguration config)
    {
        services.AddSettings<JobsOptions>(config);
        var jobs = SettingsSetup.Read<JobsOptions>(config);
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            // Without it a job that runs longer than the invisibility timeout is started a second time.
            UseSlidingInvisibilityTimeout = true,
            // A job whose process died is run again after this long (the living renew their claim, see JobsOptions).
            InvisibilityTimeout = TimeSpan.FromSeconds(jobs.InvisibilityTimeoutSeconds),
            QueuePollInterval = TimeSpan.FromSeconds(1),
        };
        // The storage is this host's own service, not Hangfire's global JobStorage.Current: two hosts in one process
        // (the test suite) must not send each other's jobs to the wrong database.
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, options), options));
        // This host's own filters beside Hangfire's global ones (GlobalJobFilters is a static every host would share).
        services.AddSingleton<IJobFilterProvider>(_ => new JobFilterProviderCollection(
            JobFilterProviders.Providers, new JobFilterCollection { new JobTracing() }));
        services.AddHangfire((sp, cfg) => cfg
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        services.AddHangfireServer(o => o.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        services.AddStartupStep("recurring jobs", StartupOrder.Installation, (sp, _) => RecurringJobs.ScheduleAllAsync(sp));
        return services;
    }

    /// <summary>The dashboard at /jobs, for Admin only (the default filter allows local requests only).</summary>
    public static void MapDescJobsDashboard(this WebApplication app) =>
        app.UseHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new AdminOnly()],
            DisplayStorageConnectionString = false,
            AppPath = "/",
        });

    /// <summary>
    /// Hangfire keeps its log provider in a static. When a host that set it is disposed while another lives on (the
    /// test suite runs several hosts in one process), logging must not take the surviving host's job workers down.
    /// </summary>
    private sealed class HostLogProvider(ILoggerFactory factory) : Hangfire.Logging.ILogProvider
    {
        private readonly Hangfire.AspNetCore.AspNetCoreLogProvider _inner = new(factory);

        public Hangfire.Logging.ILog GetLogger(string name)
        {
            try { return new Guarded(_inner.GetLogger(name)); }
            catch (ObjectDisposedException) { return new Guarded(null); }
        }

        private sealed class Guarded(Hangfire.Logging.ILog? inner) : Hangfire.Logging.ILog
        {
            public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
            {
                try { return inner?.Log(logLevel, messageFunc, exception) ?? false; }
                catch (ObjectDisposedException) { return false; }
            }
        }
    }

    private sealed class AdminOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Admin);
        }
    }
}
