using System.ComponentModel.DataAnnotations;
using System.Net;

namespace DescPortal.Web.Infrastructure.Http;

/// <summary>Configuration section <c>Proxy</c>: the reverse proxies in front of the portal (see <see cref="ReverseProxy"/>).</summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Proxy";

    /// <summary>
    /// <c>Proxy:KnownProxies</c>: the proxies' IP addresses, separated by commas ("10.0.0.5, 10.0.0.6"), whose
    /// X-Forwarded-For and X-Forwarded-Proto are believed. Unset: the headers are ignored.
    /// </summary>
    public string? KnownProxies { get; set; }

    /// <summary>The listed addresses; throws naming the first entry that is not an address.</summary>
    public IReadOnlyList<IPAddress> Addresses()
    {
        var addresses = new List<IPAddress>();
        foreach (var entry in (KnownProxies ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IPAddress.TryParse(entry, out var address))
                throw new InvalidOperationException(
                    $"{Section}:{nameof(KnownProxies)}: '{entry}' is not an IP address (list the proxies' addresses, separated by commas).");
            addresses.Add(address);
        }
        return addresses;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? refusal = null;
        try
        {
            Addresses();
        }
        catch (InvalidOperationException e)
        {
            refusal = e.Message;
        }
        if (refusal is not null) yield return new ValidationResult(refusal, [nameof(KnownProxies)]);
    }
}
