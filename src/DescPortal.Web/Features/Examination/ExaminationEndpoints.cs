using DescPortal.Core.Examination;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using Microsoft.AspNetCore.Authorization;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Features.Examination;

/// <summary>The examination's data for other tools: the case's annotations as a W3C Web Annotation collection.</summary>
public static class ExaminationEndpoints
{
    /// <summary>The address of a case's annotations export, relative to the portal's base, as pages link it.</summary>
    public static string AnnotationsUrl(Guid caseId) => $"cases/{caseId}/annotations";

    /// <summary>Examiners and reviewers only (the workspace's readers): whom the export answers, and whom pages offer it.</summary>
    public static bool MayExportAnnotations(UserScope scope) => scope.IsIn(Roles.Examiner) || scope.IsIn(Roles.Reviewer);

    public static void MapExaminationEndpoints(this WebApplication app)
    {
        // Another case or none looks the same.
        app.MapGet("/cases/{id:guid}/annotations", async (Guid id, HttpContext http, CaseQueries cases, CancellationToken ct) =>
        {
            var scope = UserScope.From(http.User);
            if (!MayExportAnnotations(scope)) return Results.NotFound();
            var record = await cases.LoadForAsync(scope, id, ct);
            if (record is null) return Results.NotFound();
            var root = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
            var json = WebAnnotationExport.ToJson(record.Case, record.Examination, root);
            http.Response.Headers.ContentDisposition = $"inline; filename=\"{record.Reference}-annotations.jsonld\"";
            return Results.Text(json.ToJsonString(), WebAnnotationExport.ContentType);
        }).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.CaseReaders });
    }
}
