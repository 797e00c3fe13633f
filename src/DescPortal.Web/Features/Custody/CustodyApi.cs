using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Custody;
using DescPortal.Web.Infrastructure.Http;
using DescPortal.Web.Infrastructure.Identity;

namespace DescPortal.Web.Features.Custody;

public static class CustodyApi
{
    /// <summary>The printer (Chromium) failed or took too long: nothing is wrong with the case; ask again.</summary>
    public const string PrintUnavailable = "custody.print-unavailable";

    public static void MapCustodyApi(this WebApplication app)
    {
        app.MapReferralsGroup().MapGet("{id:guid}/custody", GetAsync)
            .WithName("getReferralCustody")
            .WithSummary("Read a referral's chain of custody")
            .WithDescription("Proof that the record is the one the centre made: every event of the referral with its SHA-256 "
                + "and the hash of the event before it (`chainIntact` is false when any event, or the record of accesses, was "
                + "changed, deleted or reordered), each evidence original hashed again now and compared with the hash taken "
                + "at acquisition, and every recorded access (who, when, what, from where). This read is recorded too.")
            .Produces<CustodyView>()
            .WithResponseExample(StatusCodes.Status200OK, CustodyExamples.View)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapReferralsGroup().MapGet("{id:guid}/custody/report", PrintAsync)
            .WithName("getReferralCustodyReport")
            .WithSummary("Download the referral's chain-of-custody record")
            .WithDescription("The chain of custody as a PDF, checked and printed now: the acquisition of each evidence original "
                + "with its SHA-256 and whether its bytes still have it, every hand-over (submission, assignment, requests for "
                + "information, review, approval, issue), every derivation and access, the reports issued with the SHA-256 of "
                + "their PDFs, and every event with its hash. This read is recorded too. 503 when it cannot be printed at the moment.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        // The case page's download: for whoever may read the case, as the API's is for the agency's key.
        app.MapGet("/cases/{id:guid}/custody.pdf", PrintAsync).RequireAuthorization();
    }

    /// <summary>The record printed for whoever may read the case; a print that fails now is a 503 to try again, not a 500.</summary>
    private static async Task<IResult> PrintAsync(Guid id, HttpContext http, CustodyReports reports, ILogger<CustodyReports> log, CancellationToken ct)
    {
        try
        {
            if (await reports.PrintAsync(UserScope.From(http.User), id, http, ct) is not var (reference, pdf))
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such referral.");
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(pdf, "application/pdf", reference + "-custody.pdf");
        }
        catch (Exception e) when (e is Microsoft.Playwright.PlaywrightException or TimeoutException)
        {
            log.LogError(e, "Printing the chain-of-custody record of case {CaseId} failed", id);
            return ApiProblems.Refused(StatusCodes.Status503ServiceUnavailable,
                "The chain-of-custody record cannot be printed at the moment. Try again in a minute.", PrintUnavailable, null);
        }
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, CustodyQueries custody, AccessLog accesses, CancellationToken ct)
    {
        var scope = UserScope.From(http.User);
        if (await custody.ForAsync(scope, id, ct) is not { } view)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such referral.");
        await accesses.RecordAsync(id, AccessAction.CaseRead, id.ToString(), scope, http, ct);
        return Results.Ok(view);
    }
}

/// <summary>The document's example of a custody answer.</summary>
public static class CustodyExamples
{
    private static readonly DateTimeOffset Submitted = new(2026, 12, 7, 8, 31, 5, TimeSpan.Zero);

    public static readonly CustodyView View = new("DESC-2026-000123", true,
        [
            new CustodyEvent(1, "ReferralSubmitted", Submitted, "BCP-NORTH key 'Gate 3 kiosk' (3f1c8a5e0b6d)", "3f1c8a5e0b6d4e2f9a7c1b3d5e7f9a0b2c4d6e8f0a1b3c5d7e9f1a2b3c4d5e6f", null, true),
            new CustodyEvent(2, "EvidenceImageAttached", Submitted, "BCP-NORTH key 'Gate 3 kiosk' (3f1c8a5e0b6d)", "9b2d4f6a8c0e1f3a5b7c9d1e3f5a7b9c0d2e4f6a8b0c1d3e5f7a9b1c2d3e4f5a",
                "3f1c8a5e0b6d4e2f9a7c1b3d5e7f9a0b2c4d6e8f0a1b3c5d7e9f1a2b3c4d5e6f", true),
        ],
        [new CustodyEvidence(Guid.Parse("6f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b"), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", true, Submitted.AddHours(2))],
        [new CustodyAccess(Submitted.AddMinutes(40), "Erik Examiner <examiner@desc.local>", AccessAction.EvidenceRead, "6f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", "10.20.0.14", "portal")]);
}
