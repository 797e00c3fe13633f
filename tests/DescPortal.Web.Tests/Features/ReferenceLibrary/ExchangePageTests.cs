using Bunit;
using DescPortal.Core;
using DescPortal.Testing;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Features.ReferenceLibrary.Exchange;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using DescPortal.DemoData;

namespace DescPortal.Web.Tests.Features.ReferenceLibrary;

/// <summary>The exchange page with a partner's archive: what it holds, then the import.</summary>
public sealed class ExchangePageTests(ComponentHost host) : ComponentTest(host)
{

    [Fact]
    public async Task A_partners_archive_is_previewed_with_its_signer_and_imported_from_the_page()
    {
        var examiner = SignInAs("examiner@desc.local");
        // The demo visa (no feature other library tests count on), as a partner would send it.
        using var exported = new MemoryStream();
        await Host.Services.GetRequiredService<ArchiveExport>().ExportAsync(examiner, [LibrarySeeding.IdOf("UTO-V-2018")], exported,
            Xunit.TestContext.Current.CancellationToken);
        // The same content signed by another installation: a partner centre's archive.
        using var partner = SpecimenArchives.NewKey();
        var archive = SpecimenArchives.Forge(exported.ToArray(), partner, (_, _) => { }, name: "Partner centre North");
        await SpecimenArchives.TrustSignerAsync(Host.Services, archive, Xunit.TestContext.Current.CancellationToken);

        var cut = RenderWithProviders<ExchangePage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=installation-fingerprint]")));
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(archive, "partner.zip", contentType: "application/zip"));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=signature-valid]")));
        Assert.Empty(cut.FindAll("[data-testid=import-error]"));
        Assert.Equal("Partner centre North", cut.Find("[data-testid=signer-name]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=import-new]"));

        await cut.InvokeAsync(() => cut.Find("[data-testid=import-button]").Click());

        cut.WaitForAssertion(() => Assert.Contains("1 created", cut.Find("[data-testid=import-result]").TextContent, StringComparison.Ordinal));
        var id = ExchangeIds.LocalId(SpecimenArchives.Sha256(partner.ExportSubjectPublicKeyInfo()), LibrarySeeding.IdOf("UTO-V-2018"));
        var copy = await Host.Services.GetRequiredService<LibraryQueries>().LoadAsync(examiner, id, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(("UTO", DocumentType.Visa), (copy!.Specimen.IssuingState, copy.Specimen.DocumentType));
    }

    [Fact]
    public async Task An_archive_from_a_key_no_administrator_registered_is_refused_showing_its_fingerprint()
    {
        var examiner = SignInAs("examiner@desc.local");
        using var exported = new MemoryStream();
        await Host.Services.GetRequiredService<ArchiveExport>().ExportAsync(examiner, [LibrarySeeding.IdOf("UTO-V-2018")], exported,
            Xunit.TestContext.Current.CancellationToken);
        using var stranger = SpecimenArchives.NewKey();
        var archive = SpecimenArchives.Forge(exported.ToArray(), stranger, (_, _) => { }, name: "Unknown centre");
        var grouped = InstallationIdentity.Grouped(SpecimenArchives.Sha256(stranger.ExportSubjectPublicKeyInfo()));

        var cut = RenderWithProviders<ExchangePage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=installation-fingerprint]")));
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(archive, "stranger.zip", contentType: "application/zip"));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=signer-not-partner]")));
        Assert.Empty(cut.FindAll("[data-testid=signature-valid]"));
        Assert.Contains(grouped, cut.Find("[data-testid=import-problems]").TextContent, StringComparison.Ordinal);
        Assert.Equal(grouped, cut.Find("[data-testid=signer-fingerprint]").TextContent);
        Assert.True(cut.Find("[data-testid=import-button]").HasAttribute("disabled"));
    }
}
