using DescPortal.Core;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Settings;
using Marten;

namespace DescPortal.Web.Features.ReferenceLibrary.Exchange;

/// <summary>
/// The exchange's wiring: services, Marten documents and the export download. Library editors (examiners and
/// reviewers, signed in by cookie) export; border systems' API keys, trainers and issuing authorities cannot.
/// </summary>
public static class ExchangeSetup
{
    public const string EditorRoles = Roles.Examiner + "," + Roles.Reviewer;

    public static IServiceCollection AddSpecimenExchange(this IServiceCollection services, IConfiguration config)
    {
        services.AddSettings<ExchangeLimits>(config);
        services.AddSettings<InstallationOptions>(config);
        services.AddSingleton<InstallationKeyProtection>();
        services.AddSingleton<InstallationIdentity>();
        services.AddSingleton<ArchiveExport>();
        services.AddSingleton<ArchiveImport>();
        services.AddSingleton<PartnerRegistry>();
        services.ConfigureMarten(opts =>
        {
            opts.Schema.For<InstallationKey>();
            opts.Schema.For<ExchangeKey>();
            opts.Schema.For<SpecimenProvenance>();
            opts.Schema.For<ExchangeRecord>().Index(r => r.ArchiveSha256);
        });
        return services;
    }

    public static void MapSpecimenExchange(this WebApplication app)
    {
        app.MapGet("/library/exchange/export", ExportAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Examiner, Roles.Reviewer))
            .WithTags("Reference library");
    }

    /// <summary>
    /// <c>GET /library/exchange/export?ids=a,b</c>: the signed archive as an attachment with a name the server
    /// chooses. Written to a temporary file first, so that a failed check (a stored image that no longer matches its
    /// hash) answers with a clear problem instead of a truncated download.
    /// </summary>
    private static async Task<IResult> ExportAsync(HttpContext http, ArchiveExport export, string? ids, CancellationToken ct)
    {
        var scope = UserScope.From(http.User);
        if (!LibraryAccess.CanEdit(scope))
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only library editors can export specimens.");

        var wanted = new List<Guid>();
        foreach (var part in (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Guid.TryParse(part, out var id) || id == Guid.Empty)
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["ids"] = [$"'{ArchiveReader.Shown(part, 60)}' is not a specimen id."],
                });
            wanted.Add(id);
        }

        var file = ExchangeFiles.CreateTemporary();
        try
        {
            var summary = await export.ExportAsync(scope, wanted, file, ct);
            file.Position = 0;
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["X-Archive-Sha256"] = summary.ArchiveSha256;
            // Results.File disposes the stream after sending it, which deletes the temporary file.
            return Results.File(file, "application/zip", summary.FileName);
        }
        catch (ExportRefusedException e)
        {
            await file.DisposeAsync();
            return Results.Problem(statusCode: e.StatusCode, title: e.Message);
        }
        catch (InstallationKeyUnavailableException e)
        {
            await file.DisposeAsync();
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: e.Message);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
