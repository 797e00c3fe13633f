namespace DescPortal.Web.Features.Cases;

/// <summary>
/// Where the portal's pages get a case's evidence (relative to the app's base address; cookie sign-in, the case's
/// scope checked on every request): the case page, the officer's page and the workspace all link these.
/// </summary>
public static class EvidenceUrls
{
    public static string Original(Guid caseId, Guid evidenceId) => $"evidence/{caseId}/{evidenceId}";

    public static string Thumbnail(Guid caseId, Guid evidenceId) => $"evidence/{caseId}/{evidenceId}/thumbnail";

    public static string Tiles(Guid caseId, Guid evidenceId) => $"evidence/{caseId}/{evidenceId}/tiles/";
}
