using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace DescPortal.Web.Features.Referrals.Drafts;

public static class ReferralDraftEndpoints
{
    /// <summary>
    /// The preview of an image of the signed-in officer's draft (cookie only: API keys have no draft). The draft is
    /// found from the principal's user id, so an image id of someone else's draft answers 404 like one that never was.
    /// </summary>
    public static void MapReferralDraftEndpoints(this WebApplication app)
    {
        app.MapGet("/referrals/drafts/images/{imageId:guid}/preview", async (Guid imageId, HttpContext http, ReferralDrafts drafts, CancellationToken ct) =>
            {
                var preview = await drafts.OpenPreviewAsync(UserScope.From(http.User), imageId, ct);
                if (preview is null) return Results.NotFound();
                // A traveller's document on a shared border-desk machine: keep it out of caches.
                http.Response.Headers.CacheControl = "private, no-store";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.Stream(preview, "image/jpeg");
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.FieldOfficer })
            .ExcludeFromDescription();
    }
}
