namespace DescPortal.Web.Features.Account;

/// <summary>Where the sign-in pages send someone afterwards.</summary>
public static class ReturnUrls
{
    /// <summary>Only local paths: an open redirect would let a phishing link borrow the portal's sign-in page.</summary>
    public static string Safe(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url
        : !string.IsNullOrEmpty(url) && !url.Contains(':', StringComparison.Ordinal) && !url.StartsWith('/') ? "/" + url
        : "/";
}
