using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Testing;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Features.ReferenceLibrary.Exchange;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.IntegrationTests.ReferenceLibrary.Exchange;

/// <summary>A second installation, with a key and a name of its own: the partner centre archives travel to.</summary>
public sealed class PartnerHost : PortalHost
{
    public const string Name = "Partner centre (test)";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Installation:Name", Name);
        // It receives specimens; it needs no demo library of its own.
        builder.UseSetting("DemoData:Specimens", "false");
    }
}

/// <summary>Specimens made through the library's own commands, archives taken apart and put together again.</summary>
internal static class ExchangeKit
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static UserScope Editor(string role = Roles.Examiner) =>
        new("exchange-" + role.ToLowerInvariant(), "Xavier Exchange", new HashSet<string> { role }, null, null, false) { UserName = "xavier@desc.local" };

    public static UserScope AuthorityOf(string country) =>
        new("exchange-authority-" + country, $"Authority of {country}", new HashSet<string> { Roles.IssuingAuthority }, null, country, false);

    public static IEnumerable<UserScope> NonEditors() =>
    [
        new("x-trainer", "T", new HashSet<string> { Roles.Trainer }, null, null, false),
        AuthorityOf("UTO"),
        new("x-officer", "O", new HashSet<string> { Roles.FieldOfficer }, "BCP-NORTH", null, false),
        new("x-admin", "A", new HashSet<string> { Roles.Admin }, null, null, false),
        // A border system's key, even one whose principal somehow carried an editor's role.
        new("apikey:x", "BCP-NORTH", new HashSet<string> { Roles.Examiner }, "BCP-NORTH", null, true),
    ];

    public static T Get<T>(PortalHost host) where T : notnull => host.Services.GetRequiredService<T>();

    public sealed record MadeSpecimen(Guid Id, byte[] White, byte[] Uv, SpecimenImage WhiteImage, SpecimenImage UvImage);

    /// <summary>A UTO passport with a white and a UV image, two located features, submitted and confirmed by UTO.</summary>
    public static async Task<MadeSpecimen> ConfirmedSpecimenAsync(PortalHost host, string description = "Exchange test specimen", int seed = 0)
    {
        seed = seed == 0 ? Random.Shared.Next(10, 100_000) : seed;
        var commands = Get<LibraryCommands>(host);
        var editor = Editor();
        var id = Guid.NewGuid();
        var details = new SpecimenDetails(DocumentType.Passport, $"Exchange series {seed}", new DateOnly(2019, 3, 1), null, DocumentFormat.TD3,
            description, [DocumentArea.DataPage]);
        await commands.CreateAsync(editor, id, "UTO", details, Ct);

        var white = TestImages.Png(320, 200, seed);
        var uv = TestImages.Jpeg(320, 200, seed + 1);
        using var w = new MemoryStream(white);
        var whiteImage = await commands.AddImageAsync(editor, id, Guid.NewGuid(), w, DocumentArea.DataPage, LightSource.White, 600, null,
            "Test scanner", "white, reflected", Ct);
        using var u = new MemoryStream(uv);
        var uvImage = await commands.AddImageAsync(editor, id, Guid.NewGuid(), u, DocumentArea.DataPage, LightSource.UV365, 600, 365,
            "Test scanner", null, Ct);

        await commands.AddFeatureAsync(editor, id, new SecurityFeature(Guid.NewGuid(), SecurityFeatureCategory.SecurityPrinting, "Guilloche",
            [LightSource.White], 1, "Two-colour guilloche behind the portrait", [new FeatureLocation(whiteImage.ImageId, 10, 20, 100, 50)]), Ct);
        await commands.AddFeatureAsync(editor, id, new SecurityFeature(Guid.NewGuid(), SecurityFeatureCategory.Ink, "UvFluorescent",
            [LightSource.UV365], 2, "Fluorescent emblem", [new FeatureLocation(uvImage.ImageId, 150, 40, 60, 60),
                new FeatureLocation(uvImage.ImageId, 5, 5, 20, 20)]), Ct);
        await commands.SubmitForConfirmationAsync(editor, id, Ct);
        var version = (await EntryAsync(host, id))!.ContentVersion;
        await commands.ConfirmAsync(AuthorityOf("UTO"), id, version, Ct);
        return new MadeSpecimen(id, white, uv, whiteImage, uvImage);
    }

    public static async Task<LibraryEntry?> EntryAsync(PortalHost host, Guid id)
    {
        await using var session = Get<IDocumentStore>(host).QuerySession();
        return await session.LoadAsync<LibraryEntry>(id, Ct);
    }

    public static async Task<int> CountSpecimensAsync(PortalHost host)
    {
        await using var session = Get<IDocumentStore>(host).QuerySession();
        return await session.Query<LibraryEntry>().CountAsync(Ct);
    }

    public static async Task<List<string>> BlobNamesAsync(PortalHost host, string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in Get<BlobContainers>(host).Library.GetBlobsAsync(
                           Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, Ct))
            names.Add(blob.Name);
        return names;
    }

    public static async Task<byte[]> ExportAsync(PortalHost host, params Guid[] ids)
    {
        using var archive = new MemoryStream();
        await Get<ArchiveExport>(host).ExportAsync(Editor(), ids, archive, Ct);
        return archive.ToArray();
    }

    /// <summary>Imports as a library editor, from a signer registered as a partner first (the registry's own tests call ArchiveImport).</summary>
    public static async Task<ImportResult> ImportAsync(PortalHost host, byte[] archive, UserScope? scope = null)
    {
        await SpecimenArchives.TrustSignerAsync(host.Services, archive, Ct);
        return await Get<ArchiveImport>(host).ImportAsync(scope ?? Editor(Roles.Reviewer), new MemoryStream(archive, writable: false), Ct);
    }

    public static async Task<ArchiveInspection> InspectAsync(PortalHost host, byte[] archive)
    {
        await SpecimenArchives.TrustSignerAsync(host.Services, archive, Ct);
        return await Get<ArchiveImport>(host).InspectAsync(Editor(Roles.Reviewer), new MemoryStream(archive, writable: false), Ct);
    }


    /// <summary>
    /// Rewrites the uncompressed size an entry declares, in its local header and in the central directory, without
    /// touching its data: a zip that lies about how large an entry is.
    /// </summary>
    public static byte[] DeclareSize(byte[] zip, string name, uint size)
    {
        var bytes = (byte[])zip.Clone();
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50 && Matches(bytes, i + 30, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 26)), nameBytes))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), size);
                patched++;
            }
            else if (signature == 0x02014b50 && Matches(bytes, i + 46, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28)), nameBytes))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), size);
                patched++;
            }
        }
        Assert.Equal(2, patched);
        return bytes;
    }

    private static bool Matches(byte[] bytes, int at, int length, byte[] name) =>
        length == name.Length && at + length <= bytes.Length && bytes.AsSpan(at, length).SequenceEqual(name);
}
