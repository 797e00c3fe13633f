using System.Buffers.Text;
using System.Security.Cryptography;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Localization;
using Marten;
using Microsoft.Extensions.Localization;
using DescPortal.Web.Infrastructure.Auth;

namespace DescPortal.Web.Features.Admin;

/// <summary>A key just issued. <see cref="Key"/> exists only in this object: it is shown once and never stored.</summary>
public sealed record IssuedApiKey(string Key, string AgencyCode, string Label, string Fingerprint);

/// <summary>
/// Issues and revokes an agency's API keys. Only the SHA-256 of a key is stored (<see cref="ApiKey.Hash"/>), so a
/// lost key cannot be shown again: the admin issues a new one and revokes the old.
/// </summary>
public sealed class AgencyApiKeys(IDocumentStore store, TimeProvider clock, IStringLocalizer<Strings> L, ILogger<AgencyApiKeys> log)
{
    public const string Label = "label";
    public const string Prefix = "desc_";
    private const int MaxLabel = 100;

    public async Task<AdminResult<IssuedApiKey>> IssueAsync(UserScope actor, string agencyCode, string? label, CancellationToken ct)
    {
        AdminGuard.Demand(actor);
        var text = label?.Trim() ?? "";
        if (text.Length == 0) return AdminResult.Refused<IssuedApiKey>(Label, L["Enter a label that says which system will use the key."]);
        if (text.Length > MaxLabel) return AdminResult.Refused<IssuedApiKey>(Label, L["The label is too long (at most {0} characters).", MaxLabel]);

        await using var session = store.LightweightSession();
        // The agency code comes from the page: the agency must exist now.
        var agency = await session.LoadAsync<Agency>(agencyCode ?? "", ct);
        if (agency is null) return AdminResult.Refused<IssuedApiKey>(FieldErrors.Form, L["There is no agency {0}.", agencyCode ?? ""]);

        // 32 random bytes (256 bits), base64url so it travels in a header unchanged; the prefix makes a leaked key
        // recognisable to secret scanners.
        var key = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var hash = ApiKey.Hash(key);
        session.Insert(new ApiKey { Id = hash, AgencyCode = agency.Id, Label = text, CreatedAt = clock.GetUtcNow() });
        await session.SaveChangesAsync(ct);
        var fingerprint = hash[..12];
        // The fingerprint only: the key itself is never logged.
        log.LogInformation("{Actor} issued API key {Fingerprint} for agency {Agency}", actor.Actor, fingerprint, agency.Id);
        return AdminResult.Ok<IssuedApiKey>(new IssuedApiKey(key, agency.Id, text, fingerprint));
    }

    /// <summary>Revokes a key at once (the API key handler refuses revoked keys). Revoking twice changes nothing.</summary>
    public async Task<AdminResult<DateTimeOffset>> RevokeAsync(UserScope actor, string keyId, CancellationToken ct)
    {
        AdminGuard.Demand(actor);
        await using var session = store.LightweightSession();
        var key = await session.LoadAsync<ApiKey>(keyId ?? "", ct);
        if (key is null) return AdminResult.Refused<DateTimeOffset>(FieldErrors.Form, L["This API key no longer exists."]);
        if (key.RevokedAt is { } already) return AdminResult.Ok<DateTimeOffset>(already);

        key.RevokedAt = clock.GetUtcNow();
        session.Store(key);
        await session.SaveChangesAsync(ct);
        log.LogInformation("{Actor} revoked API key {Fingerprint} of agency {Agency}", actor.Actor, key.Id[..Math.Min(12, key.Id.Length)], key.AgencyCode);
        return AdminResult.Ok<DateTimeOffset>(key.RevokedAt.Value);
    }
}
