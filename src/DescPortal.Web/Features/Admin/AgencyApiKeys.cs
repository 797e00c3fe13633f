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

/// <summary>An API key as the pages show it: never the key, its fingerprint (the start of its hash, as event actors name it).</summary>
public sealed record ApiKeyView(string Id, string AgencyCode, string Label, DateTimeOffset CreatedAt, string IssuedBy, DateTimeOffset? RevokedAt,
    string? RevokedBy, DateTimeOffset? LastUsedAt)
{
    public string Fingerprint => ApiKey.FingerprintOf(Id);
}

/// <summary>
/// Issues and revokes an agency's API keys, recording which administrator did each, and lists them for the
/// administrators and for the agency's own officers. Only the SHA-256 of a key is stored (<see cref="ApiKey.Hash"/>),
/// so a lost key cannot be shown again: the admin issues a new one and revokes the old.
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
        session.Insert(new ApiKey { Id = hash, AgencyCode = agency.Id, Label = text, CreatedAt = clock.GetUtcNow(), IssuedBy = actor.Actor });
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
        key.RevokedBy = actor.Actor;
        session.Store(key);
        await session.SaveChangesAsync(ct);
        log.LogInformation("{Actor} revoked API key {Fingerprint} of agency {Agency}", actor.Actor, key.Fingerprint, key.AgencyCode);
        return AdminResult.Ok<DateTimeOffset>(key.RevokedAt.Value);
    }

    /// <summary>The keys of the officer's own agency: who issued and revoked each, and when each was last used.</summary>
    public async Task<IReadOnlyList<ApiKeyView>> OfOwnAgencyAsync(UserScope officer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(officer);
        if (officer.ViaApiKey || !officer.IsIn(Roles.FieldOfficer) || string.IsNullOrEmpty(officer.AgencyCode))
            throw new UnauthorizedAccessException("Only an agency's officers read its API keys.");
        await using var session = store.QuerySession();
        var keys = await session.Query<ApiKey>().Where(k => k.AgencyCode == officer.AgencyCode).ToListAsync(ct);
        return await ViewsAsync(session, keys, ct);
    }

    /// <summary>Keys as pages list them: active ones first, newest first, each with its last use.</summary>
    public static async Task<IReadOnlyList<ApiKeyView>> ViewsAsync(IQuerySession session, IReadOnlyList<ApiKey> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(keys);
        var uses = keys.Count == 0 ? [] : (await session.LoadManyAsync<ApiKeyUse>(ct, keys.Select(k => k.Id).ToArray()))
            .ToDictionary(u => u.Id, u => u.LastUsedAt, StringComparer.Ordinal);
        return keys.OrderBy(k => k.RevokedAt is not null).ThenByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeyView(k.Id, k.AgencyCode, k.Label, k.CreatedAt, k.IssuedBy, k.RevokedAt, k.RevokedBy,
                uses.TryGetValue(k.Id, out var used) ? used : null))
            .ToList();
    }
}
