namespace DescPortal.Web.Infrastructure.Http;

/// <summary>
/// The address per-client limits count by (report verification, sign-in): the connection's own, or the client's
/// behind a proxy named in <c>Proxy:KnownProxies</c> (<see cref="ReverseProxy"/> has rewritten it by then).
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
