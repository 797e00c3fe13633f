using System.ComponentModel.DataAnnotations;

namespace DescPortal.Web.Infrastructure.Http;

/// <summary>Configuration section <c>Portal</c>: the installation as the outside world reaches it.</summary>
public sealed class PortalOptions : IValidatableObject
{
    public const string Section = "Portal";

    /// <summary><c>Portal:PublicUrl</c>: the portal's public address, printed on reports for /verify.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080/";

    /// <summary>The public address as a URI (valid once the options are).</summary>
    public Uri PublicUri => new(PublicUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            yield return new ValidationResult($"{Section}:{nameof(PublicUrl)} must be an absolute http or https address; it is '{PublicUrl}'.",
                [nameof(PublicUrl)]);
    }
}
