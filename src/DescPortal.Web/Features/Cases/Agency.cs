namespace DescPortal.Web.Features.Cases;

/// <summary>A border agency and its crossing points. Marten document, id = agency code.</summary>
public sealed class Agency
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<CrossingPoint> CrossingPoints { get; set; } = [];

    public CrossingPoint? FindCrossingPoint(string code) =>
        CrossingPoints.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A border crossing point. Times at the point are shown in its IANA time zone.</summary>
public sealed record CrossingPoint(string Code, string Name, string TimeZone);
