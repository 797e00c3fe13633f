using Scalar.AspNetCore;

namespace DescPortal.Web.Infrastructure.Http;

/// <summary>
/// <c>/api/docs</c>: the reference page for integrators (Scalar), open to anyone like the document it reads
/// (<c>/openapi/v1.json</c>), so the page and the document always say the same. Everything it loads is the portal's
/// own: Scalar's script from the package's embedded assets, no web fonts, no telemetry, no agent, no developer toolbar (its links need the internet) (an
/// installation has no internet).
/// </summary>
public static class ApiReference
{
    public const string Path = "/api/docs";

    public static IEndpointConventionBuilder MapDescApiReference(this WebApplication app) =>
        app.MapScalarApiReference(Path, o => o
                .WithTitle("DescPortal API v1")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocument(ApiDocument.Name)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .AddPreferredSecuritySchemes(ApiDocument.SecurityScheme))
            .AllowAnonymous();
}
