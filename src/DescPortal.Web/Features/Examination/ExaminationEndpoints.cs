using DescPortal.Core.Examination;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using Microsoft.AspNetCore.Authorization;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Features.Examination;

/// <summary>The examination's data for other tools: the case's annotations as a W3C Web Annotation collection.</summary>
public static class ExaminationEndpoints
{
    public static void MapExaminationEndpoints(this WebApplication app)
    {
        // Examiners and reviewers only (the workspace's readers); another case or none looks the same.
        app.MapGet("/cases/{id:guid}/annotations", async (Guid id, HttpContext http, CaseQueries cases, CancellationToken ct) =>
        {
            var record = await cases.LoadForAsync(UserScope.From(http.User), id, ct);
            if (record is null) return Results.NotFound();
            var root = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
            var json = WebAnnotationExport.ToJson(record.Case, record.Examination, root);
            http.Response.Headers.ContentDisposition = $"inline; filename=\"{record.Reference}-annotations.jsonld\"";
            return Results.Text(json.ToJsonString(), WebAnnotationExport.ContentType);
        }).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.CaseReaders });
    }
}
