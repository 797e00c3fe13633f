using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DescPortal.Web.Infrastructure.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace DescPortal.Web.Features.ReferenceLibrary.Exchange;

/// <summary>
/// The Data Protection provider that guards the installation's private key: a key ring of its own (application
/// name "DescPortal.InstallationKey"), persisted in blob storage (container <c>installation</c>, folder
/// <c>data-protection/</c>), apart from the database that holds the protected key. The portal's own ring
/// (cookies, antiforgery) is not touched by this.
/// </summary>
public sealed class InstallationKeyProtection : IDisposable
{
    private readonly Lazy<ServiceProvider> _provider;

    public InstallationKeyProtection(BlobServiceClient blobs, StorageOptions storage, ILoggerFactory loggers)
    {
        var container = blobs.GetBlobContainerClient(storage.Container("installation"));
        _provider = new Lazy<ServiceProvider>(() =>
        {
            var services = new ServiceCollection();
            services.AddSingleton(loggers);
            services.AddLogging();
            services.AddDataProtection().SetApplicationName("DescPortal.InstallationKey");
            services.Configure<KeyManagementOptions>(o => o.XmlRepository = new BlobXmlRepository(container));
            return services.BuildServiceProvider();
        });
    }

    public IDataProtector Protector =>
        _provider.Value.GetRequiredService<IDataProtectionProvider>().CreateProtector(InstallationIdentity.Purpose);

    public void Dispose()
    {
        if (_provider.IsValueCreated) _provider.Value.Dispose();
    }
}

/// <summary>Data Protection keys as one blob each (written once, never overwritten).</summary>
internal sealed class BlobXmlRepository(BlobContainerClient container) : IXmlRepository
{
    private const string Folder = "data-protection/";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var elements = new List<XElement>();
        try
        {
            foreach (var item in container.GetBlobs(BlobTraits.None, BlobStates.None, Folder, CancellationToken.None))
            {
                var content = container.GetBlobClient(item.Name).DownloadContent().Value.Content;
                elements.Add(XElement.Parse(content.ToString()));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No container yet: no keys yet.
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        container.CreateIfNotExists();
        var safe = friendlyName.Length is > 0 and <= 100 && friendlyName.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? friendlyName
            : Guid.NewGuid().ToString("N");
        container.GetBlobClient(Folder + safe + ".xml")
            .Upload(BinaryData.FromString(element.ToString(SaveOptions.DisableFormatting)), overwrite: false);
    }
}
