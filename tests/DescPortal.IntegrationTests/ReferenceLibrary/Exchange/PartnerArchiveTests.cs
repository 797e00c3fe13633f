using System.Net;
using System.Text.Json.Nodes;
using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Testing;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Features.ReferenceLibrary.Exchange;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using Xunit;
using static DescPortal.IntegrationTests.ReferenceLibrary.Exchange.ExchangeKit;
using static DescPortal.IntegrationTests.ReferenceLibrary.LibraryTestData;
using static DescPortal.Testing.SpecimenArchives;

namespace DescPortal.IntegrationTests.ReferenceLibrary.Exchange;

// Archives are accepted only from partners an administrator registered; what they say an issuer confirmed is shown as
// the partner's word. Each test signs as partners of its own (keys made here), so tests never share a registration.
public sealed class PartnerArchiveTests(IntegrationHost host)
{
    private PartnerRegistry Registry => Get<PartnerRegistry>(host);

    /// <summary>This portal's own confirmed specimen, as a partner centre holding it would send it, signed with <paramref name="key"/>.</summary>
    private async Task<(byte[] Archive, MadeSpecimen Made, string Fingerprint)> PartnerArchiveAsync(System.Security.Cryptography.ECDsa key,
        string claimedName = "Centre as it calls itself", Action<JsonObject>? edit = null)
    {
        var made = await ConfirmedSpecimenAsync(host);
        var archive = Forge(await ExportAsync(host, made.Id), key, (manifest, _) => edit?.Invoke(manifest), claimedName);
        return (archive, made, Sha256(key.ExportSubjectPublicKeyInfo()));
    }

    private Task<ImportResult> ImportUntrustedAsync(byte[] archive) =>
        Get<ArchiveImport>(host).ImportAsync(Editor(Roles.Reviewer), new MemoryStream(archive, writable: false), Ct);

    private Task<ArchiveInspection> InspectUntrustedAsync(byte[] archive) =>
        Get<ArchiveImport>(host).InspectAsync(Editor(Roles.Reviewer), new MemoryStream(archive, writable: false), Ct);

    [Fact]
    public async Task An_archive_signed_by_an_unregistered_key_is_refused_and_the_message_shows_its_fingerprint()
    {
        using var stranger = NewKey();
        var (archive, made, fingerprint) = await PartnerArchiveAsync(stranger, "Centre Stranger");
        // Its image is not an image either: the refusal comes first, before any image is read.
        var path = $"images/{made.Id:N}/{made.WhiteImage.ImageId:N}.png";
        var broken = Forge(archive, stranger, (manifest, entries) =>
        {
            var text = TestImages.Text();
            var image = manifest["specimens"]![0]!["images"]!.AsArray().First(i => (string?)i!["path"] == path)!;
            (image["sha256"], image["sizeBytes"]) = (Sha256(text), text.Length);
            entries[entries.FindIndex(e => e.Name == path)] = (path, text);
        }, "Centre Stranger");
        var grouped = InstallationIdentity.Grouped(fingerprint);

        var inspection = await InspectUntrustedAsync(archive);
        var refusal = await Assert.ThrowsAsync<ArchiveRefusedException>(() => ImportUntrustedAsync(archive));
        var brokenRefusal = await Assert.ThrowsAsync<ArchiveRefusedException>(() => ImportUntrustedAsync(broken));

        Assert.True(inspection.SignatureValid);
        Assert.Null(inspection.PartnerName);
        Assert.False(inspection.CanImport);
        Assert.Contains(grouped, Assert.Single(inspection.Problems), StringComparison.Ordinal);
        Assert.Contains("not registered here as a partner", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(grouped, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Centre Stranger", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(refusal.Message, brokenRefusal.Message);
        var localId = ExchangeIds.LocalId(fingerprint, made.Id);
        Assert.Null(await EntryAsync(host, localId));
        Assert.Empty(await BlobNamesAsync(host, $"specimens/{localId:N}/"));
    }

    [Fact]
    public async Task After_an_administrator_registers_the_fingerprint_the_archive_is_accepted_under_the_registered_name()
    {
        using var key = NewKey();
        var (archive, made, fingerprint) = await PartnerArchiveAsync(key, "Whatever it claims");
        await Assert.ThrowsAsync<ArchiveRefusedException>(() => ImportUntrustedAsync(archive));

        // As read aloud and typed: grouped, upper case.
        var partner = await Registry.RegisterAsync(Administrator, "  DESC North  ", InstallationIdentity.Grouped(fingerprint), Ct);
        var result = await ImportUntrustedAsync(archive);

        Assert.Equal(("DESC North", fingerprint, Administrator.Actor), (partner.Name, partner.Fingerprint, partner.AddedBy));
        Assert.Equal(ExchangeOutcome.Created, Assert.Single(result.Specimens).Outcome);
        Assert.Equal(("DESC North", "Whatever it claims"), (result.PartnerName, result.SignerName));
        var copy = (await EntryAsync(host, ExchangeIds.LocalId(fingerprint, made.Id)))!.Specimen;
        Assert.Equal("DESC North", copy.Origin!.InstallationName);
        var register = await Registry.ListAsync(Administrator, Ct);
        var listed = Assert.Single(register.Partners, p => p.Fingerprint == fingerprint);
        Assert.Equal(partner, listed);
        Assert.Contains(register.Changes, c => c is { Registered: true, Name: "DESC North" } && c.Fingerprint == fingerprint && c.By == "Ada Partners");
    }

    [Fact]
    public async Task A_forged_confirmation_claiming_to_be_made_here_or_at_another_partner_is_shown_as_the_signing_partners()
    {
        using var signer = NewKey();
        using var other = NewKey();
        var me = await Get<InstallationIdentity>(host).GetAsync(Ct);
        var otherFingerprint = Sha256(other.ExportSubjectPublicKeyInfo());
        await Registry.RegisterAsync(Administrator, "Centre Other", otherFingerprint, Ct);
        var authority = AuthorityOf("UTO");
        var (archive, made, fingerprint) = await PartnerArchiveAsync(signer, edit: manifest =>
        {
            var specimen = manifest["specimens"]![0]!;
            var version = (int)specimen["version"]!;
            // One claims to be this installation's own authority's confirmation; one claims to come from the other partner.
            specimen["confirmations"] = new JsonArray(
                new JsonObject
                {
                    ["version"] = version, ["confirmedByName"] = authority.DisplayName, ["confirmedByUserId"] = authority.UserId,
                    ["country"] = "UTO", ["at"] = "2026-11-30T10:00:00+00:00",
                    ["confirmedAt"] = new JsonObject { ["name"] = me.Name, ["fingerprint"] = me.Fingerprint },
                },
                new JsonObject
                {
                    ["version"] = version, ["confirmedByName"] = "Authority at Centre Other", ["confirmedByUserId"] = "other-uto",
                    ["country"] = "UTO", ["at"] = "2026-12-01T10:00:00+00:00",
                    ["confirmedAt"] = new JsonObject { ["name"] = "Centre Other", ["fingerprint"] = otherFingerprint },
                });
            specimen["provenance"] = new JsonArray(new JsonObject
            {
                ["installationName"] = "Centre Other", ["fingerprint"] = otherFingerprint, ["originalId"] = Guid.NewGuid().ToString(),
                ["originalVersion"] = version, ["archiveSha256"] = new string('a', 64),
            });
        });
        await Registry.RegisterAsync(Administrator, "Centre Signer", fingerprint, Ct);

        await ImportUntrustedAsync(archive);

        var copy = (await EntryAsync(host, ExchangeIds.LocalId(fingerprint, made.Id)))!.Specimen;
        Assert.Equal(2, copy.Confirmations.Count);
        Assert.All(copy.Confirmations, c => Assert.Equal(new ConfirmingPartner("Centre Signer", fingerprint), c.Partner));
        Assert.Null(copy.LastConfirmation);
        Assert.False(copy.ConfirmedByIssuer);
        Assert.Equal(SpecimenStatus.ConfirmedAtPartner, copy.Status);
        Assert.Equal("Centre Signer", copy.PartnerConfirmation!.Partner!.Name);
    }

    [Fact]
    public async Task A_partners_confirmation_does_not_serve_a_specimen_to_border_systems_until_the_issuer_confirms_it_here()
    {
        using var key = NewKey();
        var (archive, made, fingerprint) = await PartnerArchiveAsync(key);
        await Registry.RegisterAsync(Administrator, "Centre Border", fingerprint, Ct);
        await ImportUntrustedAsync(archive);
        var id = ExchangeIds.LocalId(fingerprint, made.Id);
        var copy = (await EntryAsync(host, id))!;
        using var border = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var image = $"/api/v1/specimens/{id}/images/{copy.Specimen.Images[0].ImageId}";

        Assert.Equal(SpecimenStatus.ConfirmedAtPartner, copy.Status);
        Assert.Null(await FindViaApiAsync(border, id, "UTO"));
        Assert.Equal(HttpStatusCode.NotFound, (await border.GetAsync(image, Ct)).StatusCode);

        // The issuing authority confirms it here (the partner's confirmation of the same version does not make this a no-op).
        await Get<LibraryCommands>(host).ConfirmAsync(AuthorityOf("UTO"), id, copy.ContentVersion, Ct);

        var confirmed = (await EntryAsync(host, id))!.Specimen;
        Assert.Equal(SpecimenStatus.Confirmed, confirmed.Status);
        Assert.True(confirmed.LastConfirmation!.MadeHere);
        Assert.NotNull(await FindViaApiAsync(border, id, "UTO"));
        Assert.Equal(HttpStatusCode.OK, (await border.GetAsync(image, Ct)).StatusCode);
    }

    [Fact]
    public async Task Removing_a_partner_refuses_its_next_archive_and_keeps_what_came_before()
    {
        using var key = NewKey();
        var (first, made, fingerprint) = await PartnerArchiveAsync(key);
        var (second, _, _) = await PartnerArchiveAsync(key);
        await Registry.RegisterAsync(Administrator, "Centre Leaving", fingerprint, Ct);
        await ImportUntrustedAsync(first);

        await Registry.RemoveAsync(Administrator, fingerprint, Ct);

        var refusal = await Assert.ThrowsAsync<ArchiveRefusedException>(() => ImportUntrustedAsync(second));
        Assert.Contains(InstallationIdentity.Grouped(fingerprint), refusal.Message, StringComparison.Ordinal);
        Assert.Equal("Centre Leaving", (await EntryAsync(host, ExchangeIds.LocalId(fingerprint, made.Id)))!.Specimen.Origin!.InstallationName);
        var register = await Registry.ListAsync(Administrator, Ct);
        Assert.DoesNotContain(register.Partners, p => p.Fingerprint == fingerprint);
        Assert.Equal(new[] { true, false }, register.Changes.Where(c => c.Fingerprint == fingerprint).Select(c => c.Registered));
        // Removing it again changes nothing.
        await Registry.RemoveAsync(Administrator, fingerprint, Ct);
        Assert.Equal(2, (await Registry.ListAsync(Administrator, Ct)).Changes.Count(c => c.Fingerprint == fingerprint));
    }

    [Fact]
    public async Task An_imported_specimen_exported_again_carries_no_confirmation_of_its_partner()
    {
        using var key = NewKey();
        var (archive, made, fingerprint) = await PartnerArchiveAsync(key);
        await Registry.RegisterAsync(Administrator, "Centre Source", fingerprint, Ct);
        await ImportUntrustedAsync(archive);

        var again = await ExportAsync(host, ExchangeIds.LocalId(fingerprint, made.Id));

        // Whoever imports it would take the confirmation as ours.
        Assert.Empty(Manifest(again)["specimens"]![0]!["confirmations"]!.AsArray());
    }

    [Fact]
    public async Task Only_administrators_register_or_remove_partners_and_a_bad_entry_names_its_field()
    {
        var fingerprint = Sha256(Guid.NewGuid().ToByteArray());
        foreach (var scope in NonEditors().Where(s => !s.IsIn(Roles.Admin)).Append(Editor()))
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Registry.RegisterAsync(scope, "Centre", fingerprint, Ct));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Registry.RemoveAsync(scope, fingerprint, Ct));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Registry.ListAsync(scope, Ct));
        }
        // A border system's key, even one whose principal carried the admin role.
        var key = new UserScope("apikey:x", "BCP-NORTH", new HashSet<string> { Roles.Admin }, "BCP-NORTH", null, true);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Registry.RegisterAsync(key, "Centre", fingerprint, Ct));

        var malformed = await Assert.ThrowsAsync<DomainException>(() => Registry.RegisterAsync(Administrator, "Centre", "3F2A 9C01", Ct));
        Assert.Equal(Refusals.Partner.FingerprintMalformed, malformed.Code);
        Assert.StartsWith("Key fingerprint:", malformed.Message, StringComparison.Ordinal);
        var ours = (await Get<InstallationIdentity>(host).GetAsync(Ct)).Fingerprint;
        var own = await Assert.ThrowsAsync<DomainException>(() => Registry.RegisterAsync(Administrator, "Us", ours, Ct));
        Assert.Equal(Refusals.Partner.FingerprintOwn, own.Code);
        await Registry.RegisterAsync(Administrator, "Centre Once", fingerprint, Ct);
        var twice = await Assert.ThrowsAsync<DomainException>(() => Registry.RegisterAsync(Administrator, "Centre Twice", fingerprint, Ct));
        Assert.Equal(Refusals.Partner.FingerprintRegistered, twice.Code);
        Assert.Contains("Centre Once", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_projected_before_confirmations_said_where_is_folded_again_at_start_and_no_longer_served_as_confirmed()
    {
        using var key = NewKey();
        var (archive, made, fingerprint) = await PartnerArchiveAsync(key);
        await Registry.RegisterAsync(Administrator, "Centre Before", fingerprint, Ct);
        await ImportUntrustedAsync(archive);
        var id = ExchangeIds.LocalId(fingerprint, made.Id);
        // As an older portal stored it: the archive's confirmation taken as one made here.
        var current = (await EntryAsync(host, id))!;
        var stale = LibraryEntry.From(current.Specimen with { Confirmations = [.. current.Specimen.Confirmations.Select(c => c with { Partner = null })] });
        stale.StreamVersion = current.StreamVersion;
        await using (var session = Get<IDocumentStore>(host).LightweightSession())
        {
            session.Store(stale);
            await session.SaveChangesAsync(Ct);
        }
        Assert.Equal(SpecimenStatus.Confirmed, (await EntryAsync(host, id))!.Status);

        // The start-up step the portal runs.
        Assert.True(await ImportedConfirmations.ReprojectAsync(Get<IDocumentStore>(host), Ct) >= 1);

        var after = (await EntryAsync(host, id))!;
        Assert.Equal(SpecimenStatus.ConfirmedAtPartner, after.Status);
        Assert.Equal("Centre Before", after.Specimen.PartnerConfirmation!.Partner!.Name);
    }
}
