using DescPortal.Web.Infrastructure;
using DescPortal.Web.Infrastructure.Settings;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

[assembly: HostingStartup(typeof(DescPortal.DemoData.DemoSetup))]

namespace DescPortal.DemoData;

/// <summary>
/// Development's demo data as start-up steps, after everything an installation needs: accounts, agencies and keys,
/// the demo library, and cases in every state of the workflow. Never in another environment.
/// </summary>
public sealed class DemoSetup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices((context, services) =>
        {
            if (context.HostingEnvironment.IsDevelopment()) Add(services, context.Configuration);
        });

    private static void Add(IServiceCollection services, IConfiguration config)
    {
        services.AddSettings<DemoDataOptions>(config);
        services.AddScoped<DemoAccounts>();
        services.AddScoped<DemoCases>();
        services.AddSingleton<LibrarySeeding>();
        services.ConfigureMarten(opts => opts.Schema.For<DemoCase>());
        services.AddStartupStep("demo data", StartupOrder.DemoData, (sp, ct) => sp.GetRequiredService<DemoAccounts>().SeedAsync(ct));
        // A host that tests something else (tiny upload limits, say) can go without the demo library.
        var seed = SettingsSetup.Read<DemoDataOptions>(config);
        if (!seed.Specimens) return;
        services.AddStartupStep("demo specimens", StartupOrder.DemoData, (sp, ct) => sp.GetRequiredService<LibrarySeeding>().SeedAsync(ct));
        // Cases in every state of the workflow, their reports printed before the portal says it is ready.
        if (seed.Cases)
            services.AddStartupStep("demo cases", StartupOrder.DemoData, (sp, ct) => sp.GetRequiredService<DemoCases>().SeedAsync(ct));
    }
}
