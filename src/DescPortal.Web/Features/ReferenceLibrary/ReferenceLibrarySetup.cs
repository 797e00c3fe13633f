using DescPortal.Web.Infrastructure.Http;
using System.Security.Claims;
using DescPortal.Web.Components;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.ReferenceLibrary.Exchange;
using DescPortal.Web.Infrastructure;
using DescPortal.Web.Infrastructure.Identity;
using JasperFx.Events.Projections;
using Marten;

namespace DescPortal.Web.Features.ReferenceLibrary;

/// <summary>The reference library's wiring: specimens and their images, editing, the exchange between installations.</summary>
public static class ReferenceLibrarySetup
{
    public static IServiceCollection AddReferenceLibrary(this IServiceCollection services, IConfiguration config)
    {
        services.AddApiTag(LibraryEndpoints.Tag, "The reference library of genuine specimens: their details, security features and images, read only.");
        services.AddSingleton<LibraryCommands>();
        services.AddSingleton<LibraryQueries>();
        services.AddSingleton<IReferenceSpecimens, ReferenceSpecimens>();
        services.AddTransient<SpecimenTilesJob>();
        services.AddSpecimenExchange(config);
        services.ConfigureMarten(opts =>
        {
            opts.Projections.Add<LibraryEntryProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<LibraryEntry>()
                .Index(e => e.IssuingState)
                .Index(e => e.DocumentType)
                // A column of its own: free-text search then reads the short search text, not the whole document.
                .Duplicate(e => e.SearchText);
        });
        services.AddStartupStep("installation identity", StartupOrder.Installation,
            (sp, ct) => sp.GetRequiredService<InstallationIdentity>().EnsureAsync(ct));
        services.AddStartupStep("imported confirmations", StartupOrder.Installation,
            (sp, ct) => ImportedConfirmations.ReprojectAsync(sp.GetRequiredService<IDocumentStore>(), ct));

        services.AddNavEntry(new NavEntry("library", "Reference library", MudBlazor.Icons.Material.Filled.LibraryBooks, LibraryAccess.ReaderRoles, 50,
            ExactMatch: true, HomeText: HomeText));
        services.AddHomePanel<Confirmation.ToConfirmCard>(Roles.IssuingAuthority, 10);
        services.AddNavEntry(new NavEntry("library/exchange", "Specimen exchange", MudBlazor.Icons.Material.Filled.SwapHoriz, ExchangeSetup.EditorRoles, 60));
        services.AddNavEntry(new NavEntry("admin/partners", "Partner installations", MudBlazor.Icons.Material.Filled.Handshake, Roles.Admin, 117,
            "Administration", HomeText: _ => "The partner centres whose specimen archives are accepted, and this installation's key fingerprint."));
        return services;
    }

    public static void MapReferenceLibrary(this WebApplication app)
    {
        app.MapLibraryEndpoints();
        app.MapSpecimenExchange();
    }

    private static string HomeText(ClaimsPrincipal user) =>
        user.IsInRole(Roles.IssuingAuthority) && !user.IsInRole(Roles.Examiner) && !user.IsInRole(Roles.Reviewer)
            ? "Your country's document specimens: confirm each version, or propose corrections to the examiners."
            : "Genuine specimens under white, UV and IR light, with their security features and the issuers' confirmations.";
}
