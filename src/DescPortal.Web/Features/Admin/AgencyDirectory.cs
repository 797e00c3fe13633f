using System.Text.RegularExpressions;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Localization;
using DescPortal.Web.Infrastructure.Persistence;
using Marten;
using Microsoft.Extensions.Localization;
using DescPortal.Web.Infrastructure.Auth;

namespace DescPortal.Web.Features.Admin;

/// <summary>An agency as the admin page shows it: its crossing points and its API keys (never a key itself).</summary>
public sealed record AgencyView(Agency Agency, IReadOnlyList<ApiKeyView> ApiKeys);

/// <summary>What the admin typed for a new agency or crossing point.</summary>
public sealed class NewAgency
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
}

public sealed class NewCrossingPoint
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string TimeZone { get; set; } = "";
}

/// <summary>
/// Agencies and their border crossing points. Codes are unique (agency codes among agencies, crossing point codes
/// across all agencies): every write re-reads and commits under one advisory lock (AdvisoryLocks), so two admins
/// cannot both take the same code, and a crossing point added meanwhile is never overwritten.
/// </summary>
public sealed partial class AgencyDirectory(IDocumentStore store, AdvisoryLocks locks, IStringLocalizer<Strings> L, ILogger<AgencyDirectory> log)
{
    public const string Code = "code", Name = "name", TimeZone = "timeZone";
    private const int MaxName = 200;

    [GeneratedRegex("^[A-Z0-9-]{3,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    /// <summary>The IANA time zones the server knows, for the crossing point's zone picker.</summary>
    public static IReadOnlyList<string> TimeZoneIds { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal).ToList();

    public async Task<IReadOnlyList<AgencyView>> ListAsync(UserScope actor, CancellationToken ct)
    {
        AdminGuard.Demand(actor);
        await using var session = store.QuerySession();
        var agencies = await session.Query<Agency>().OrderBy(a => a.Id).ToListAsync(ct);
        var keys = (await AgencyApiKeys.ViewsAsync(session, await session.Query<ApiKey>().ToListAsync(ct), ct))
            .ToLookup(k => k.AgencyCode, StringComparer.Ordinal);
        return agencies.Select(a => new AgencyView(a, keys[a.Id].ToList())).ToList();
    }

    /// <summary>The agencies' codes and names only, for pickers (the users page).</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> NamesAsync(UserScope actor, CancellationToken ct)
    {
        AdminGuard.Demand(actor);
        await using var session = store.QuerySession();
        var agencies = await session.Query<Agency>().OrderBy(a => a.Id).ToListAsync(ct);
        return agencies.Select(a => (a.Id, a.Name)).ToList();
    }

    public async Task<AdminResult<string>> CreateAsync(UserScope actor, NewAgency input, CancellationToken ct)
    {
        AdminGuard.Demand(actor);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var code = CheckCode(errors, input.Code, L["Enter the agency code."],
            L["The agency code must be 3 to 30 characters: letters A–Z, digits and hyphens only."]);
        var name = CheckName(errors, input.Name);
        if (errors.Any) return AdminResult.Refused<string>(errors);

        // Every agency write under one lock, released after the session commits (disposed in reverse order).
        await using var writing = await locks.AcquireAsync("agencies", Guid.Empty, ct);
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<Agency>(code, ct) is not null)
            return AdminResult.Refused<string>(Code, L["The agency code {0} is already in use.", code]);
        // Insert, not Store: the primary key refuses a duplicate even if something bypassed the lock.
        session.Insert(new Agency { Id = code, Name = name });
        await session.SaveChangesAsync(ct);
        log.LogInformation("{Actor} created agency {Agency}", actor.Actor, code);
        return AdminResult.Ok<string>(code);
    }

    public async Task<AdminResult<string>> AddCrossingPointAsync(UserScope actor, string agencyCode, NewCrossingPoint input, CancellationToken ct)
    {
        AdminGuard.Demand(actor);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var code = CheckCode(errors, input.Code, L["Enter the crossing point code."],
            L["The crossing point code must be 3 to 30 characters: letters A–Z, digits and hyphens only."]);
        var name = CheckName(errors, input.Name);
        var zoneId = input.TimeZone?.Trim() ?? "";
        // IANA only: on Linux a Windows id ("W. Europe Standard Time") is found too, but is not what we store.
        if (zoneId.Length == 0) errors.Add(TimeZone, L["Choose the time zone of the crossing point."]);
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) || !zone.HasIanaId)
            errors.Add(TimeZone, L["\"{0}\" is not an IANA time zone (for example Europe/Helsinki).", zoneId]);
        else zoneId = zone.Id;
        if (errors.Any) return AdminResult.Refused<string>(errors);

        // Every agency write under one lock, released after the session commits (disposed in reverse order).
        await using var writing = await locks.AcquireAsync("agencies", Guid.Empty, ct);
        await using var session = store.LightweightSession();
        // The agency code comes from the page: load the agency again, as it is now.
        var agency = await session.LoadAsync<Agency>(agencyCode ?? "", ct);
        if (agency is null) return AdminResult.Refused<string>(FieldErrors.Form, L["There is no agency {0}.", agencyCode ?? ""]);
        var all = await session.Query<Agency>().ToListAsync(ct);
        var owner = all.FirstOrDefault(a => a.FindCrossingPoint(code) is not null);
        if (owner is not null)
            return AdminResult.Refused<string>(Code, L["The crossing point code {0} is already used by agency {1}.", code, owner.Id]);

        agency.CrossingPoints.Add(new CrossingPoint(code, name, zoneId));
        session.Store(agency);
        await session.SaveChangesAsync(ct);
        log.LogInformation("{Actor} added crossing point {CrossingPoint} to agency {Agency}", actor.Actor, code, agency.Id);
        return AdminResult.Ok<string>(code);
    }

    /// <summary>Codes are case-insensitive for the admin ("bcp-east" is BCP-EAST) and stored upper-case.</summary>
    private static string CheckCode(FieldErrors errors, string? input, string missing, string malformed)
    {
        var code = input?.Trim().ToUpperInvariant() ?? "";
        if (code.Length == 0) errors.Add(Code, missing);
        else if (!CodePattern().IsMatch(code)) errors.Add(Code, malformed);
        return code;
    }

    private string CheckName(FieldErrors errors, string? input)
    {
        var name = input?.Trim() ?? "";
        if (name.Length == 0) errors.Add(Name, L["Enter a name."]);
        else if (name.Length > MaxName) errors.Add(Name, L["The name is too long (at most {0} characters).", MaxName]);
        return name;
    }
}
