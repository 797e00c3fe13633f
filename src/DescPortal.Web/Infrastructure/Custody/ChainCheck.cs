using System.Text.Json.Nodes;
using DescPortal.Core.Custody;

namespace DescPortal.Web.Infrastructure.Custody;

/// <summary>One event of a stream's chain as checked: its stored hash and the hash before it, and whether it holds.</summary>
public sealed record ChainLink(long Sequence, string Type, DateTimeOffset? At, string? Actor, string? Hash, string? PreviousHash, bool Intact);

/// <summary>Where and how a chain breaks: the event's sequence (its version in the stream) and a code.</summary>
public sealed record ChainBreak(long Sequence, string Code, string Detail);

/// <summary>A stream's chain: its events as checked, and every break, first first. <see cref="Label"/> names the stream for people (a case's reference).</summary>
public sealed record StreamChain(Guid Stream, string? Label, IReadOnlyList<ChainLink> Links, IReadOnlyList<ChainBreak> Breaks)
{
    public bool Intact => Breaks.Count == 0;
}

/// <summary>The codes of chain breaks, as <c>infra/desc verify</c>, the admin page and the custody API say them.</summary>
public static class ChainBreaks
{
    /// <summary>The event's content is not what was hashed when it was appended.</summary>
    public const string EventChanged = "custody.event-changed";

    /// <summary>The event does not point at the event before it (one inserted, replaced or moved).</summary>
    public const string ChainBroken = "custody.chain-broken";

    /// <summary>Events are missing: a gap in the versions, or the stream's head is past its last event.</summary>
    public const string EventMissing = "custody.event-missing";

    /// <summary>The event carries no hash.</summary>
    public const string HashMissing = "custody.hash-missing";

    /// <summary>The event holds personal data but the stream's salt is gone.</summary>
    public const string SaltMissing = "custody.salt-missing";

    /// <summary>The event's type is unknown to this portal or its data is not JSON.</summary>
    public const string EventUnreadable = "custody.event-unreadable";
}

/// <summary>
/// Recomputes a stream's chain from its stored events and compares it with the hashes stored beside them: a changed
/// event, a deleted one (a gap, or a shorter stream than its head says) and a reordered or inserted one are each named
/// at the sequence where the chain breaks.
/// </summary>
public static class ChainCheck
{
    public static StreamChain Check(Guid stream, IReadOnlyList<StoredEvent> events, long? headVersion, byte[]? salt)
    {
        var links = new List<ChainLink>();
        var breaks = new List<ChainBreak>();
        string? previous = null;
        var expected = 1L;
        foreach (var e in events)
        {
            if (e.Version != expected)
                breaks.Add(new ChainBreak(expected, ChainBreaks.EventMissing, $"events {expected} to {e.Version - 1} are missing"));
            var (intact, data) = CheckOne(stream, e, previous, salt, breaks);
            links.Add(new ChainLink(e.Version, ShortName(e), At(data), data?["Actor"]?.GetValue<string>(), e.Hash, e.PreviousHash, intact));
            previous = e.Hash;
            expected = e.Version + 1;
        }
        if (headVersion is { } head && head >= expected)
            breaks.Add(new ChainBreak(expected, ChainBreaks.EventMissing, $"the stream is at version {head} but its events end at {expected - 1}"));
        return new StreamChain(stream, Label(events), links, breaks);
    }

    private static (bool Intact, JsonObject? Data) CheckOne(Guid stream, StoredEvent e, string? previous, byte[]? salt, List<ChainBreak> breaks)
    {
        JsonObject? data;
        Type? type;
        try
        {
            data = JsonNode.Parse(e.Data) as JsonObject;
            type = e.DotnetType is null ? null : Type.GetType(e.DotnetType);
        }
        catch (System.Text.Json.JsonException)
        {
            (data, type) = (null, null);
        }
        if (data is null || type is null)
        {
            breaks.Add(new ChainBreak(e.Version, ChainBreaks.EventUnreadable, $"type '{e.DotnetType}' or its data cannot be read"));
            return (false, data);
        }
        if (e.Hash is null)
        {
            breaks.Add(new ChainBreak(e.Version, ChainBreaks.HashMissing, "the event has no hash"));
            return (false, data);
        }
        if (e.PreviousHash != previous)
        {
            breaks.Add(new ChainBreak(e.Version, ChainBreaks.ChainBroken, "the event does not follow the event before it"));
            return (false, data);
        }
        string canonical;
        try
        {
            canonical = CustodyChain.Canonical(e.Data, type, salt);
        }
        catch (MissingSaltException)
        {
            breaks.Add(new ChainBreak(e.Version, ChainBreaks.SaltMissing, "personal data is stored but the stream's salt is gone"));
            return (false, data);
        }
        if (CustodyChain.Hash(stream, e.Version, e.Type, previous, canonical) != e.Hash)
        {
            breaks.Add(new ChainBreak(e.Version, ChainBreaks.EventChanged, "the event's content is not what was hashed when it was appended"));
            return (false, data);
        }
        return (true, data);
    }

    private static string ShortName(StoredEvent e) =>
        e.DotnetType is { } name ? name.Split(',')[0].Split('.')[^1].Split('+')[^1] : e.Type;

    private static DateTimeOffset? At(JsonObject? data) =>
        data?["At"] is JsonValue at && at.TryGetValue<string>(out var text) && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value : null;

    private static string? Label(IReadOnlyList<StoredEvent> events)
    {
        if (events.Count == 0) return null;
        try
        {
            return JsonNode.Parse(events[0].Data)?["Reference"] is JsonValue reference && reference.TryGetValue<string>(out var text) ? text : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
