using System.ComponentModel.DataAnnotations;

namespace DescPortal.Web.Features.ReferenceLibrary.Exchange;

/// <summary>Configuration section <c>Installation</c>: who this installation is to its partners.</summary>
public sealed class InstallationOptions
{
    public const string Section = "Installation";

    /// <summary><c>Installation:Name</c>: the name that signs the library archives this installation exports.</summary>
    [Required]
    [StringLength(200)]
    public string Name { get; set; } = InstallationIdentity.DefaultName;
}
