using System.IO.Compression;
using System.Net;
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
using Xunit;
using static DescPortal.IntegrationTests.ReferenceLibrary.Exchange.ExchangeKit;
using static DescPortal.Testing.SpecimenArchives;

namespace DescPortal.IntegrationTests.ReferenceLibrary.Exchange;

// The assembly's portal is the exporting centre; PartnerHost is a second installation with its own key and database.
public sealed class SpecimenExchangeTests(IntegrationHost host, PartnerHost partner) : IClassFixture<PartnerHost>
{
    [Fact]
    public async Task An_exported_specimen_arrives_at_the_partner_with_its_hashes_images_features_confirmation_and_origin()
    {
        var made = await ConfirmedSpecimenAsync(host);
        var source = (await EntryAsync(host, made.Id))!.Specimen;
        var archive = await ExportAsync(host, made.Id);
        var exporter = await Get<InstallationIdentity>(host).GetAsync(Ct);

        var result = await ImportAsync(partner, archive);

        var imported = Assert.Single(result.Specimens);
        Assert.Equal(ExchangeOutcome.Created, imported.Outcome);
        Assert.Equal((exporter.Name, exporter.Fingerprint), (result.SignerName, result.SignerFingerprint));
        var localId = ExchangeIds.LocalId(exporter.Fingerprint, made.Id);
        Assert.Equal(localId, imported.SpecimenId);
        Assert.NotEqual(made.Id, localId);

        var copy = (await EntryAsync(partner, localId))!.Specimen;
        Assert.Equal(new SpecimenOrigin(exporter.Name, exporter.Fingerprint, made.Id, source.Version, Sha256(archive)), copy.Origin);
        Assert.Equal(source.Version, copy.Version);
        Assert.Equal(source.IssuingState, copy.IssuingState);
        Assert.Equal(source.Details, copy.Details);
        // Its images have ids of the partner's own (the exporter's are no key there), and the features point at them.
        Guid Local(Guid imageId) => ExchangeIds.LocalImageId(exporter.Fingerprint, made.Id, imageId);
        Assert.Equal(source.Features.Select(f => f with { Locations = [.. f.Locations.Select(l => l with { ImageId = Local(l.ImageId) })] }),
            copy.Features);
        // The issuer's confirmation arrives as the exporter's word: made there, never here.
        Assert.Equal(source.Confirmations.Select(c => c with { Partner = new ConfirmingPartner(exporter.Name, exporter.Fingerprint) }),
            copy.Confirmations);
        Assert.Equal(SpecimenStatus.ConfirmedAtPartner, copy.Status);
        Assert.False(copy.ConfirmedByIssuer);

        Assert.Equal(source.Images.Count, copy.Images.Count);
        Assert.DoesNotContain(copy.Images, i => source.FindImage(i.ImageId) is not null);
        var partnerBlobs = Get<BlobContainers>(partner).Library;
        foreach (var (original, bytes) in new[] { (made.WhiteImage, made.White), (made.UvImage, made.Uv) })
        {
            var image = copy.FindImage(Local(original.ImageId))!;
            Assert.Equal(original with { ImageId = image.ImageId, BlobName = image.BlobName }, image);
            Assert.Equal($"specimens/{localId:N}/{image.ImageId:N}{Path.GetExtension(original.BlobName)}", image.BlobName);
            var stored = (await partnerBlobs.GetBlobClient(image.BlobName).DownloadContentAsync(Ct)).Value.Content.ToArray();
            Assert.Equal(bytes, stored); // byte for byte
        }
    }

    [Fact]
    public async Task Inspecting_an_archive_says_what_an_import_would_do_and_changes_nothing()
    {
        var made = await ConfirmedSpecimenAsync(host);
        var archive = await ExportAsync(host, made.Id);
        var before = await CountSpecimensAsync(partner);

        var inspection = await InspectAsync(partner, archive);

        Assert.True(inspection.CanImport, string.Join("; ", inspection.Problems));
        var s = Assert.Single(inspection.Specimens);
        Assert.Equal((ExchangeOutcome.Created, 2, 2, 1), (s.Outcome, s.ImageCount, s.FeatureCount, s.ConfirmationCount));
        Assert.Equal(before, await CountSpecimensAsync(partner));
    }

    [Fact]
    public async Task The_archive_documents_its_format_and_binds_each_image_by_its_hash()
    {
        var made = await ConfirmedSpecimenAsync(host);
        var archive = await ExportAsync(host, made.Id);

        var names = Entries(archive).Select(e => e.Name).ToList();
        Assert.Equal(ArchiveFormat.FormatEntry, names[0]);
        Assert.Contains(ArchiveFormat.ManifestEntry, names);
        Assert.Contains(ArchiveFormat.SignatureEntry, names);
        Assert.Contains("desc-specimen-archive", Encoding.UTF8.GetString(Entry(archive, ArchiveFormat.FormatEntry)), StringComparison.Ordinal);
        var manifest = Manifest(archive);
        Assert.Equal("desc-specimen-archive", (string?)manifest["format"]);
        Assert.Equal(1, (int?)manifest["formatVersion"]);
        Assert.NotNull(manifest["$comment"]);
        Assert.NotNull(manifest["documentation"]?["signature"]);
        var specimen = manifest["specimens"]![0]!;
        foreach (var image in specimen["images"]!.AsArray())
        {
            var path = (string)image!["path"]!;
            Assert.Matches("^images/[0-9a-f]{32}/[0-9a-f]{32}\\.(png|jpg)$", path);
            Assert.Equal((string?)image["sha256"], Sha256(Entry(archive, path)));
        }
        Assert.Single(specimen["confirmations"]!.AsArray());
        Assert.Equal(ArchiveFormat.Algorithm, (string?)JsonNode.Parse(Entry(archive, ArchiveFormat.SignatureEntry))!["algorithm"]);
    }

    [Fact]
    public async Task Importing_the_same_archive_twice_creates_no_duplicate()
    {
        var made = await ConfirmedSpecimenAsync(host);
        var archive = await ExportAsync(host, made.Id);
        await ImportAsync(partner, archive);
        var before = await CountSpecimensAsync(partner);

        var again = await ImportAsync(partner, archive);
        var later = await ImportAsync(partner, await ExportAsync(host, made.Id)); // a new archive of the same version

        Assert.Equal(ExchangeOutcome.Skipped, Assert.Single(again.Specimens).Outcome);
        Assert.Equal(ExchangeOutcome.Skipped, Assert.Single(later.Specimens).Outcome);
        Assert.Contains("Already imported", again.Specimens[0].Note, StringComparison.Ordinal);
        Assert.Equal(before, await CountSpecimensAsync(partner));

        var inspection = await InspectAsync(partner, archive);
        Assert.True(inspection.SignatureValid);
        Assert.Equal(ExchangeOutcome.Skipped, Assert.Single(inspection.Specimens).Outcome);
    }

    [Fact]
    public async Task A_newer_version_of_an_imported_specimen_updates_it_with_its_new_image_and_history()
    {
        var made = await ConfirmedSpecimenAsync(host);
        await ImportAsync(partner, await ExportAsync(host, made.Id));
        var localId = ExchangeIds.LocalId((await Get<InstallationIdentity>(host).GetAsync(Ct)).Fingerprint, made.Id);
        var before = (await EntryAsync(partner, localId))!.Specimen;
        // Over there: the description corrected and an IR image added.
        var commands = Get<LibraryCommands>(host);
        await commands.ChangeDetailsAsync(Editor(), made.Id,
            (await EntryAsync(host, made.Id))!.Specimen.Details with { Description = "Corrected description" }, Ct);
        var ir = TestImages.Jpeg(320, 200, seed: 7);
        using (var stream = new MemoryStream(ir))
            await commands.AddImageAsync(Editor(), made.Id, Guid.NewGuid(), stream, DocumentArea.DataPage, LightSource.IR, 600, null, "Test scanner", null, Ct);
        var source = (await EntryAsync(host, made.Id))!.Specimen;
        var inspection = await InspectAsync(partner, await ExportAsync(host, made.Id));

        var result = await ImportAsync(partner, await ExportAsync(host, made.Id));

        Assert.Equal(ExchangeOutcome.Updated, Assert.Single(inspection.Specimens).Outcome);
        var updated = Assert.Single(result.Specimens);
        Assert.Equal((ExchangeOutcome.Updated, (Guid?)localId), (updated.Outcome, updated.SpecimenId));
        var copy = (await EntryAsync(partner, localId))!.Specimen;
        Assert.Equal((source.Version, "Corrected description", 3), (copy.Version, copy.Description, copy.Images.Count));
        Assert.Equal(source.Version, copy.Origin!.OriginalVersion);
        // The images it had keep their blobs; the new one is stored, byte for byte.
        var white = ExchangeIds.LocalImageId((await Get<InstallationIdentity>(host).GetAsync(Ct)).Fingerprint, made.Id, made.WhiteImage.ImageId);
        Assert.Equal(before.FindImage(white)!.BlobName, copy.FindImage(white)!.BlobName);
        var added = copy.Images.Single(i => i.LightSource == LightSource.IR);
        Assert.Equal(ir, (await Get<BlobContainers>(partner).Library.GetBlobClient(added.BlobName).DownloadContentAsync(Ct)).Value.Content.ToArray());
        await using (var session = Get<IDocumentStore>(partner).QuerySession())
            Assert.Equal(nameof(SpecimenUpdatedFromArchive), (await session.Events.FetchStreamAsync(localId, token: Ct))[^1].Data.GetType().Name);

        // The same version again, or an older archive: nothing changes.
        Assert.Equal(ExchangeOutcome.Skipped, Assert.Single((await ImportAsync(partner, await ExportAsync(host, made.Id))).Specimens).Outcome);
        Assert.Equal(source.Version, (await EntryAsync(partner, localId))!.Specimen.Version);
    }

    [Fact]
    public async Task A_newer_version_is_not_imported_over_a_change_made_here()
    {
        var made = await ConfirmedSpecimenAsync(host);
        await ImportAsync(partner, await ExportAsync(host, made.Id));
        var localId = ExchangeIds.LocalId((await Get<InstallationIdentity>(host).GetAsync(Ct)).Fingerprint, made.Id);
        await Get<LibraryCommands>(partner).ChangeDetailsAsync(Editor(), localId,
            (await EntryAsync(partner, localId))!.Specimen.Details with { Description = "Our own note" }, Ct);
        await Get<LibraryCommands>(host).ChangeDetailsAsync(Editor(), made.Id,
            (await EntryAsync(host, made.Id))!.Specimen.Details with { Description = "Corrected description" }, Ct);

        var result = await ImportAsync(partner, await ExportAsync(host, made.Id));

        var skipped = Assert.Single(result.Specimens);
        Assert.Equal(ExchangeOutcome.Skipped, skipped.Outcome);
        Assert.Contains("changed here since version", skipped.Note, StringComparison.Ordinal);
        Assert.Equal("Our own note", (await EntryAsync(partner, localId))!.Specimen.Description);
    }

    [Fact]
    public async Task A_specimen_passed_on_keeps_its_chain_of_origin_and_does_not_come_back_as_a_copy()
    {
        var made = await ConfirmedSpecimenAsync(host);
        var fromHost = await ExportAsync(host, made.Id);
        var exporter = await Get<InstallationIdentity>(host).GetAsync(Ct);
        var localId = (await ImportAsync(partner, fromHost)).Specimens[0].SpecimenId!.Value;

        var fromPartner = await ExportAsync(partner, localId);
        var provenance = Assert.Single(Manifest(fromPartner)["specimens"]![0]!["provenance"]!.AsArray())!;
        Assert.Equal(exporter.Fingerprint, (string?)provenance["fingerprint"]);
        Assert.Equal(made.Id, Guid.Parse((string)provenance["originalId"]!));
        Assert.Equal(Sha256(fromHost), (string?)provenance["archiveSha256"]);

        var back = await ImportAsync(host, fromPartner);

        var skipped = Assert.Single(back.Specimens);
        Assert.Equal(ExchangeOutcome.Skipped, skipped.Outcome);
        Assert.Equal(made.Id, skipped.SpecimenId);
        Assert.Contains("comes from this installation", skipped.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_changed_after_signing_is_refused_and_the_inspection_says_who_claims_to_have_signed()
    {
        var made = await ConfirmedSpecimenAsync(host, description: "Original wording of the description");
        var archive = Replace(await ExportAsync(host, made.Id), ArchiveFormat.ManifestEntry,
            b => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace("Original wording", "Altered wording", StringComparison.Ordinal)));
        var before = await CountSpecimensAsync(partner);

        var refusal = await Assert.ThrowsAsync<ArchiveRefusedException>(() => ImportAsync(partner, archive));

        Assert.Contains("manifest.json was changed after it was signed", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountSpecimensAsync(partner));
        var inspection = await InspectAsync(partner, archive);
        Assert.False(inspection.SignatureValid);
        Assert.False(inspection.CanImport);
        Assert.Equal((await Get<InstallationIdentity>(host).GetAsync(Ct)).Name, inspection.SignerName);
    }

    [Fact]
    public async Task A_manifest_changed_and_rehashed_fails_the_signature()
    {
        var made = await ConfirmedSpecimenAsync(host, description: "Original wording of the description");
        var archive = await ExportAsync(host, made.Id);
        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Entry(archive, ArchiveFormat.ManifestEntry))
            .Replace("Original wording", "Altered wording", StringComparison.Ordinal));
        var signature = JsonNode.Parse(Entry(archive, ArchiveFormat.SignatureEntry))!.AsObject();
        signature["manifestSha256"] = Sha256(changed);
        var tampered = Zip(Entries(archive).Select(e => e.Name switch
        {
            ArchiveFormat.ManifestEntry => (e.Name, changed),
            ArchiveFormat.SignatureEntry => (e.Name, Encoding.UTF8.GetBytes(signature.ToJsonString())),
            _ => e,
        }));

        var refusal = await Assert.ThrowsAsync<ArchiveRefusedException>(() => ImportAsync(partner, tampered));

        Assert.Contains("The signature does not verify", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_archive_signed_by_another_key_that_claims_the_exporters_fingerprint_is_refused()
    {
        var made = await ConfirmedSpecimenAsync(host);
        var archive = await ExportAsync(host, made.Id);
        var claimed = Manifest(archive)["installation"]!["fingerprint"]!.GetValue<string>();
        using var impostor = NewKey();

        // The manifest as exported (the exporter's public key and fingerprint), signed with another key.
        var resigned = Zip(SignedEntries(Entries(archive), Entry(archive, ArchiveFormat.ManifestEntry), impostor, claimed));
        var refusal = await Assert.ThrowsAsync<ArchiveRefusedException>(() => ImportAsync(partner, resigned));
        Assert.Contains("The signature does not verify", refusal.Message, StringComparison.Ordinal);

        // The impostor's public key put in, the exporter's fingerprint still claimed.
        var manifest = Manifest(archive);
        manifest["installation"]!["publicKey"] = Convert.ToBase64String(impostor.ExportSubjectPublicKeyInfo());
        var swapped = Zip(SignedEntries(Entries(archive), Encoding.UTF8.GetBytes(manifest.ToJsonString()), impostor, claimed));
        refusal = await Assert.ThrowsAsync<ArchiveRefusedException>(() => ImportAsync(partner, swapped));
        Assert.Contains("the key was replaced", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_with_one_byte_changed_is_refused_naming_the_image()
    {
        var made = await ConfirmedSpecimenAsync(host);
        var archive = await ExportAsync(host, made.Id);
        var path = $"images/{made.Id:N}/{made.WhiteImage.ImageId:N}.png";
        var flipped = Replace(archive, path, b =>
        {
            var c = (byte[])b.Clone();
            c[c.Length / 2] ^= 0x01;
            return c;
        });
        var before = await CountSpecimensAsync(partner);

        var refusal = await Assert.ThrowsAsync<ArchiveRefusedException>(() => ImportAsync(partner, flipped));

        Assert.Contains($"The image '{path}'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("does not match its SHA-256", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountSpecimensAsync(partner));
        Assert.Empty(await BlobNamesAsync(partner, $"specimens/{ExchangeIds.LocalId(Manifest(archive)["installation"]!["fingerprint"]!.GetValue<string>(), made.Id):N}/"));
    }

    [Fact]
    public async Task A_validly_signed_image_that_is_not_an_image_is_refused_by_its_content()
    {
        var made = await ConfirmedSpecimenAsync(host);
        using var rogue = NewKey();
        var path = $"images/{made.Id:N}/{made.WhiteImage.ImageId:N}.png";
        var text = TestImages.Text();
        var forged = Forge(await ExportAsync(host, made.Id), rogue, (manifest, entries) =>
        {
            var image = manifest["specimens"]![0]!["images"]!.AsArray().First(i => (string?)i!["path"] == path)!;
            image["sha256"] = Sha256(text);
            image["sizeBytes"] = text.Length;
            entries[entries.FindIndex(e => e.Name == path)] = (path, text);
        });

        var inspection = await InspectAsync(partner, forged);
        Assert.True(inspection.SignatureValid); // signed, by a key nobody vouched for: the content is still checked
        Assert.Equal("Rogue centre", inspection.SignerName);
        Assert.Contains(inspection.Problems, p => p.Contains("is not a JPEG, PNG or TIFF image", StringComparison.Ordinal));

        var refusal = await Assert.ThrowsAsync<ArchiveRefusedException>(() => ImportAsync(partner, forged));
        Assert.Contains(path, refusal.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> UnsafeNames() => new()
    {
        { "../../desc-exchange-escape.txt", "climbs out of the archive's folder" },
        { "images/../../desc-exchange-escape.txt", "climbs out of the archive's folder" },
        { "/tmp/desc-exchange-escape.txt", "is an absolute path" },
        { "C:/desc-exchange-escape.txt", "names a drive" },
        { "images\\..\\..\\desc-exchange-escape.txt", "uses a backslash" },
        { "images/extra.png", "is not named by the manifest" },
    };

    [Theory]
    [MemberData(nameof(UnsafeNames))]
    public async Task An_entry_whose_path_escapes_or_that_the_manifest_does_not_name_is_refused_and_nothing_is_written(string name, string reason)
    {
        var made = await ConfirmedSpecimenAsync(host);
        using var rogue = NewKey();
        var forged = Forge(await ExportAsync(host, made.Id), rogue, (_, entries) => entries.Add((name, TestImages.Png(40, 40, 7))));
        var before = await CountSpecimensAsync(partner);

        var refusal = await Assert.ThrowsAsync<ArchiveRefusedException>(() => ImportAsync(partner, forged));

        Assert.Contains(name, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountSpecimensAsync(partner));
        foreach (var folder in new[] { Path.GetTempPath(), Path.Combine(Path.GetTempPath(), "descportal-exchange"), Path.Combine(Path.GetTempPath(), "descportal-intake"), Environment.CurrentDirectory })
            Assert.False(File.Exists(Path.Combine(folder, "desc-exchange-escape.txt")));
    }

    [Fact]
    public async Task An_image_path_in_the_manifest_that_escapes_is_refused()
    {
        var made = await ConfirmedSpecimenAsync(host);
        using var rogue = NewKey();
        var path = $"images/{made.Id:N}/{made.WhiteImage.ImageId:N}.png";
        const string escaping = "../../etc/passwd";
        var forged = Forge(await ExportAsync(host, made.Id), rogue, (manifest, entries) =>
        {
            manifest["specimens"]![0]!["images"]!.AsArray().First(i => (string?)i!["path"] == path)!["path"] = escaping;
            var i = entries.FindIndex(e => e.Name == path);
            entries[i] = (escaping, entries[i].Bytes);
        });

        var refusal = await Assert.ThrowsAsync<ArchiveRefusedException>(() => ImportAsync(partner, forged));

        Assert.Contains(escaping, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("climbs out of the archive's folder", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_that_declares_a_huge_size_is_refused_before_it_is_read()
    {
        var made = await ConfirmedSpecimenAsync(host);
        var archive = await ExportAsync(host, made.Id);
        var path = $"images/{made.Id:N}/{made.UvImage.ImageId:N}.jpg";
        // Written again with deflate, so the patched sizes are the only thing that changes.
        var bomb = DeclareSize(Zip(Entries(archive)), path, 3_000_000_000);

        var refusal = await Assert.ThrowsAsync<ArchiveRefusedException>(() => ImportAsync(partner, bomb));

        Assert.Contains(path, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("over the limit", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_that_inflates_beyond_what_it_declares_is_refused()
    {
        var made = await ConfirmedSpecimenAsync(host);
        using var rogue = NewKey();
        var path = $"images/{made.Id:N}/{made.WhiteImage.ImageId:N}.png";
        var bytes = Entry(await ExportAsync(host, made.Id), path);
        const int declared = 1000;
        // The manifest agrees with the declared size and the first bytes' hash. The reader takes no more than the
        // declared bytes, so what it gets is a cut-off image, and that is refused.
        var forged = Forge(await ExportAsync(host, made.Id), rogue, (manifest, _) =>
        {
            var image = manifest["specimens"]![0]!["images"]!.AsArray().First(i => (string?)i!["path"] == path)!;
            image["sizeBytes"] = declared;
            image["sha256"] = Sha256(bytes[..declared]);
        });

        var refusal = await Assert.ThrowsAsync<ArchiveRefusedException>(() => ImportAsync(partner, DeclareSize(forged, path, declared)));

        Assert.Contains(path, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_entries_are_refused()
    {
        var entries = Enumerable.Range(0, ExchangeLimits.Default.MaxEntries + 1).Select(i => ($"images/{i}.png", new byte[1])).ToList();

        var refusal = await Assert.ThrowsAsync<ArchiveRefusedException>(() => ImportAsync(partner, Zip(entries, CompressionLevel.NoCompression)));

        Assert.Contains("entries, over the limit", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Something_that_is_not_a_zip_is_refused_clearly()
    {
        var refusal = await Assert.ThrowsAsync<ArchiveRefusedException>(() => ImportAsync(partner, TestImages.Png()));

        Assert.Equal("The file is not a zip archive, or it is damaged.", refusal.Message);
    }

    [Fact]
    public async Task A_stored_original_that_no_longer_matches_its_hash_stops_the_export()
    {
        var made = await ConfirmedSpecimenAsync(host);
        var blob = Get<BlobContainers>(host).Library.GetBlobClient(made.WhiteImage.BlobName);
        await blob.UploadAsync(new BinaryData(TestImages.Png(320, 200, 999_999)), overwrite: true, Ct);

        var refusal = await Assert.ThrowsAsync<ExportRefusedException>(() => ExportAsync(host, made.Id));

        Assert.Contains("no longer matches the SHA-256 recorded", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(made.WhiteImage.ImageId.ToString(), refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_library_editors_export_inspect_or_import()
    {
        var made = await ConfirmedSpecimenAsync(host);
        var archive = await ExportAsync(host, made.Id);

        foreach (var scope in NonEditors())
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
                Get<ArchiveExport>(host).ExportAsync(scope, [made.Id], Stream.Null, Ct));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
                Get<ArchiveImport>(partner).InspectAsync(scope, new MemoryStream(archive), Ct));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => ImportAsync(partner, archive, scope));
        }
        await ImportAsync(partner, archive, Editor(Roles.Examiner));
    }

    [Fact]
    public async Task The_export_endpoint_serves_editors_an_attachment_and_names_a_missing_id()
    {
        var made = await ConfirmedSpecimenAsync(host);
        using var examiner = await host.SignedInClientAsync("examiner@desc.local");

        var response = await examiner.GetAsync($"/library/exchange/export?ids={made.Id}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches("^desc-specimens-\\d{8}-\\d{6}\\.zip$", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(made.Id, Guid.Parse((string)Manifest(bytes)["specimens"]![0]!["originalId"]!));

        var missing = Guid.NewGuid();
        var notFound = await examiner.GetAsync($"/library/exchange/export?ids={made.Id},{missing}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Contains(missing.ToString(), await notFound.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var bad = await examiner.GetAsync("/library/exchange/export?ids=../../etc/passwd", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory]
    [InlineData("trainer@desc.local")]
    [InlineData("authority@desc.local")]
    [InlineData("officer.north@desc.local")]
    [InlineData("admin@desc.local")]
    public async Task The_export_endpoint_refuses_everyone_but_library_editors(string email)
    {
        var made = await ConfirmedSpecimenAsync(host);
        using var client = await host.SignedInClientAsync(email);

        var response = await client.GetAsync($"/library/exchange/export?ids={made.Id}", Ct);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        if (response.StatusCode == HttpStatusCode.Redirect)
            Assert.StartsWith("/account/denied", response.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
        else
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var anonymous = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/library/exchange/export?ids={made.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_exchange_page_shows_editors_this_installations_fingerprint_and_nobody_else_the_page()
    {
        var me = await Get<InstallationIdentity>(host).GetAsync(Ct);
        using var reviewer = await host.SignedInClientAsync("reviewer@desc.local");
        using var trainer = await host.SignedInClientAsync("trainer@desc.local");

        var page = await reviewer.GetAsync("/library/exchange", Ct);
        var denied = await trainer.GetAsync("/library/exchange", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains(me.FingerprintGroups, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"import-file\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("installation-fingerprint", await denied.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_installation_has_its_own_key_and_keeps_it()
    {
        var mine = await Get<InstallationIdentity>(host).GetAsync(Ct);
        var theirs = await Get<InstallationIdentity>(partner).GetAsync(Ct);

        Assert.NotEqual(mine.Fingerprint, theirs.Fingerprint);
        Assert.Equal(PartnerHost.Name, theirs.Name);
        Assert.Matches("^[0-9a-f]{64}$", mine.Fingerprint);
        Assert.Equal(mine, await Get<InstallationIdentity>(host).EnsureAsync(Ct));
        await using var session = Get<IDocumentStore>(host).QuerySession();
        var stored = await session.LoadAsync<InstallationKey>(InstallationKey.DocumentId, Ct);
        Assert.DoesNotContain("PRIVATE", stored!.ProtectedPrivateKeyPkcs8, StringComparison.Ordinal);
        Assert.Equal(mine.PublicKeySpki, stored.PublicKeySpki);
    }
}
