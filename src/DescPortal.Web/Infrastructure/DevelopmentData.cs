using System.Reflection;

namespace DescPortal.Web.Infrastructure;

/// <summary>
/// Development's demo data lives in an assembly of its own (src/DescPortal.DemoData) that the product never
/// references. In Development the portal loads it when it is there (a test references it, a build of the solution
/// puts it beside the portal) and lets it register its start-up steps; a published portal has none.
/// </summary>
public static class DevelopmentData
{
    public const string AssemblyName = "DescPortal.DemoData";

    /// <returns>Whether the demo data was found.</returns>
    public static bool AddIfPresent(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment()) return false;
        if (Find() is not { } assembly)
        {
            // Say so where people look: a Development portal without its demo accounts is otherwise a puzzle.
            builder.Services.AddStartupStep("demo data", StartupOrder.DemoData, (sp, _) =>
            {
                sp.GetRequiredService<ILoggerFactory>().CreateLogger(AssemblyName).LogWarning(
                    "No demo data: {Assembly}.dll is not beside the portal (build src/DescPortal.DemoData, as infra/desc run does)", AssemblyName);
                return Task.CompletedTask;
            });
            return false;
        }
        foreach (var startup in assembly.GetCustomAttributes<HostingStartupAttribute>())
            ((IHostingStartup)Activator.CreateInstance(startup.HostingStartupType)!).Configure(builder.WebHost);
        return true;
    }

    private static Assembly? Find()
    {
        try
        {
            return Assembly.Load(new AssemblyName(AssemblyName));
        }
        catch (FileNotFoundException)
        {
            // Not among the application's dependencies: beside the portal's own assembly, where a build copies it.
            var path = Path.Combine(AppContext.BaseDirectory, AssemblyName + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
