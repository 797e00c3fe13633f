using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Custody;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Features.Opinion;

/// <summary>
/// The PDF of an issued report, for those who may read the case (its agency, examiners, reviewers): the portal's
/// download and the API's current report. The blob name comes from the case's ReportIssued event, never the URL.
/// </summary>
public static class ReportEndpoints
{
    public static string DownloadUrl(Guid caseId, string reportNumber) => $"reports/{caseId}/{reportNumber}.pdf";

    public static void MapReportEndpoints(this WebApplication app)
    {
        app.MapGet("/reports/{caseId:guid}/{file}", async (Guid caseId, string file, HttpContext http, CaseQueries cases, BlobContainers blobs,
            AccessLog accesses, CancellationToken ct) =>
        {
            var record = await cases.LoadForAsync(UserScope.From(http.User), caseId, ct);
            var number = file.EndsWith(".pdf", StringComparison.Ordinal) ? file[..^4] : file;
            return record?.Opinion.FindReport(number) is { } report
                ? await ServeAsync(blobs, accesses, caseId, report.PdfBlobName, report.ReportNumber, http, ct)
                : Results.NotFound();
        }).RequireAuthorization();
        app.MapReferralsGroup().MapGet("{id:guid}/report", CurrentAsync)
            .WithName("getReferralReport")
            .WithSummary("Download the current expert report")
            .WithDescription("The PDF of the referral's current expert report (a superseded one is replaced by its successor). "
                + "404 until a report has been issued.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The API's <c>GET /api/v1/referrals/{id}/report</c>: the current report, 404 until there is one.</summary>
    private static async Task<IResult> CurrentAsync(Guid id, HttpContext http, CaseQueries cases, BlobContainers blobs, AccessLog accesses, CancellationToken ct)
    {
        var record = await cases.LoadForAsync(UserScope.From(http.User), id, ct);
        if (record is null) return Results.Problem(statusCode: 404, title: "No such referral.");
        return record.Opinion.CurrentReport is { } report
            ? await ServeAsync(blobs, accesses, id, report.PdfBlobName, report.ReportNumber, http, ct)
            : Results.Problem(statusCode: 404, title: "No report has been issued for this referral yet.");
    }

    private static async Task<IResult> ServeAsync(BlobContainers blobs, AccessLog accesses, Guid caseId, string blobName, string reportNumber,
        HttpContext http, CancellationToken ct)
    {
        await accesses.RecordAsync(caseId, AccessAction.ReportRead, reportNumber, UserScope.From(http.User), http, ct);
        var download = await blobs.Reports.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: ct);
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.File(download.Value.Content, "application/pdf", reportNumber + ".pdf");
    }
}
