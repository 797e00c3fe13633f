using System.Globalization;

namespace DescPortal.Web.Features.Cases;

/// <summary>Times as people at a border post read them: in the crossing point's own zone, with the zone named.</summary>
public static class TimeDisplay
{
    public static string Utc(DateTimeOffset t) =>
        t.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>Compact form for tables: "28 Nov 02:41 UTC".</summary>
    public static string ShortUtc(DateTimeOffset t) =>
        t.UtcDateTime.ToString("d MMM HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string InZone(DateTimeOffset t, string? timeZone)
    {
        if (string.IsNullOrEmpty(timeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)) return Utc(t);
        var local = TimeZoneInfo.ConvertTime(t, zone);
        return local.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id}, UTC{local:zzz})";
    }
}
