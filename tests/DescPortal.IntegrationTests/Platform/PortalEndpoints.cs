using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>One endpoint of the running portal: "METHOD /pattern", and a URL for it with made-up route values.</summary>
public sealed record PortalEndpoint(string Name, string Method, string Url, Endpoint Endpoint);

/// <summary>
/// The endpoints the running portal maps, read from its endpoint data source, so that a test walking them covers an
/// endpoint added later without being told.
/// </summary>
public static class PortalEndpoints
{
    public static List<PortalEndpoint> Of(IServiceProvider services) =>
    [
        .. from endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
           let pattern = endpoint.RoutePattern
           where pattern.RawText is not null
           from method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]
           let name = $"{method} /{pattern.RawText!.Trim('/')}"
           orderby name
           select new PortalEndpoint(name, method, UrlOf(pattern), endpoint),
    ];

    /// <summary>
    /// A URL matching the pattern: a new GUID for every guid parameter (so nothing exists under it: a 404 would mean
    /// the values were looked at first), 1 for numbers, "x" for the rest.
    /// </summary>
    public static string UrlOf(RoutePattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => ValueFor(parameter),
            _ => ".",
        }))));
    }

    private static string ValueFor(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content).ToList();
        return constraints.Contains("guid") ? Guid.NewGuid().ToString()
            : constraints.Contains("int") || constraints.Contains("long") ? "1"
            : "x";
    }
}
