using DescPortal.Web.Infrastructure.Identity;

namespace DescPortal.Web.Features.Cases;

/// <summary>The API v1 address of cases that every slice adds its operations to (an exact contract for border systems).</summary>
public static class CaseApi
{
    public const string Tag = "Referrals";

    /// <summary>
    /// <c>/api/v1/referrals</c>: an agency's key, no antiforgery token (the key is not a cookie). Referrals map the
    /// intake and reads, Opinion the report and the answer to a request for more material.
    /// </summary>
    public static RouteGroupBuilder MapReferralsGroup(this WebApplication app) =>
        app.MapGroup("/api/v1/referrals")
            .RequireAuthorization(Policies.AgencyApi)
            .DisableAntiforgery()
            .WithTags(Tag);
}
