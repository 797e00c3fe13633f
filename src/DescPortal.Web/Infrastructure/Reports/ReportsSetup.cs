using DescPortal.Web.Infrastructure.Settings;

namespace DescPortal.Web.Infrastructure.Reports;

/// <summary>The expert report's printing: templates (section <c>Reports</c>), the renderer and the one warm browser.</summary>
public static class ReportsSetup
{
    public static IServiceCollection AddDescReports(this IServiceCollection services, IConfiguration config)
    {
        services.AddSettings<ReportOptions>(config);
        services.AddSingleton<ReportTemplates>();
        // One browser per process, disposed (closed) with the host.
        services.AddSingleton<ReportPrinter>();
        services.AddSingleton<ReportRenderer>();
        return services;
    }
}
