using System.ComponentModel.DataAnnotations;

namespace DescPortal.Web.Infrastructure.Blobs;

/// <summary>Configuration section <c>Storage</c>: the blob containers' names.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// <c>Storage:ContainerPrefix</c>: put before every container's name, so several installations (or test hosts) share
    /// one storage account. Container names allow lower-case letters, digits and hyphens, 63 at most.
    /// </summary>
    [RegularExpression("^([a-z0-9][a-z0-9-]{0,39})?$",
        ErrorMessage = "{0} may hold lower-case letters, digits and hyphens (not first), 40 at most.")]
    public string ContainerPrefix { get; set; } = "";

    /// <summary>The full name of the container called <paramref name="name"/> in this installation.</summary>
    public string Container(string name) => ContainerPrefix + name;
}
