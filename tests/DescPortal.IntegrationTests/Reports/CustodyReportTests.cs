using System.Net;
using DescPortal.Testing;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Custody;
using DescPortal.Web.Infrastructure.Blobs;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.IntegrationTests.Reports;

/// <summary>
/// The chain-of-custody record as a PDF, printed by Chromium through the report pipeline: for the submitting agency's key
/// (<c>GET /api/v1/referrals/{id}/custody/report</c>) and for examiners and reviewers on the portal; its text names the
/// case, each original's hash at acquisition and today's check of it, the hand-overs, the derivations, every event's
/// hash and the accesses; the reading itself is recorded.
/// </summary>
[Collection(nameof(CaseWriteCollection))]
public sealed class CustodyReportTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid Id, string Reference)> SubmitAsync(int seed)
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var response = await client.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralRequests.Example("White", "UV365"), TestImages.Jpeg(seed: seed), TestImages.Jpeg(seed: seed + 1)), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        return (created.GetProperty("id").GetGuid(), created.GetProperty("reference").GetString()!);
    }

    private async Task<CaseRecord> LoadAsync(Guid id)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await CaseRecord.LoadAsync(session, id, Ct))!;
    }

    // Each table cell's text together (a page's words run across the columns line by line), and without the spaces
    // that wrapping puts into a long hash.
    private static string Joined(byte[] pdf) => string.Concat(PdfText.Blocks(pdf)).Replace(" ", "", StringComparison.Ordinal);

    [Fact]
    public async Task The_agency_downloads_the_record_with_every_hash_hand_over_and_access_and_the_reading_is_recorded()
    {
        var (id, reference) = await SubmitAsync(seed: 310);
        using var north = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        // A reading before the print, so that the record has an access of its own to list.
        Assert.Equal(HttpStatusCode.OK, (await north.GetAsync($"/api/v1/referrals/{id}", Ct)).StatusCode);
        var custody = await (await north.GetAsync($"/api/v1/referrals/{id}/custody", Ct)).JsonAsync();

        var response = await north.GetAsync($"/api/v1/referrals/{id}/custody/report", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(reference + "-custody.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        await File.WriteAllBytesAsync(Path.Combine(TestServices.ArtifactsDirectory, "custody-report.pdf"), pdf, Ct);

        var text = string.Join(" ", PdfText.Pages(pdf));
        Assert.Contains($"Chain of custody: {reference}", text, StringComparison.Ordinal);
        Assert.Contains("Intact: every event follows the one before it unchanged", text, StringComparison.Ordinal);
        foreach (var heading in new[] { "Acquisition of the evidence", "Hand-overs", "Derivations", "Reports issued", "Accesses", "Events and their hashes" })
            Assert.Contains(heading, text, StringComparison.Ordinal);
        var joined = Joined(pdf);
        var record = await LoadAsync(id);
        Assert.All(record.Evidence, e => Assert.Contains(e.Sha256, joined, StringComparison.Ordinal));
        var hashes = custody.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("hash").GetString()!).ToList();
        Assert.True(hashes.Count >= 3, $"{hashes.Count} events");
        Assert.All(hashes, h => Assert.Contains(h, joined, StringComparison.Ordinal));
        // The reading of the case and the custody read above, both by the agency's key.
        Assert.Contains("readthecase", joined, StringComparison.Ordinal);
        Assert.Contains("BCP-NORTHkey", joined, StringComparison.Ordinal); // the acting key, by its label and id

        // The print is itself a reading of the case, in the record of accesses.
        var after = await (await north.GetAsync($"/api/v1/referrals/{id}/custody", Ct)).JsonAsync();
        Assert.Contains(after.GetProperty("accesses").EnumerateArray(),
            a => a.GetProperty("action").GetString() == "CaseRead" && a.GetProperty("target").GetString() == CustodyReports.Target);
    }

    [Fact]
    public async Task Only_those_who_may_read_the_case_print_it()
    {
        var (id, _) = await SubmitAsync(seed: 320);
        using var south = host.CreateClient().WithKey(ReferralRequests.SouthKey);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/referrals/{id}/custody/report", Ct)).StatusCode);
        foreach (var outsider in new[] { "officer.south@desc.local", "trainer@desc.local", "admin@desc.local" })
        {
            using var client = await host.SignedInClientAsync(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{id}/custody.pdf", Ct)).StatusCode);
        }

        using var examiner = await host.SignedInClientAsync("examiner@desc.local");
        var printed = await examiner.GetAsync($"/cases/{id}/custody.pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, printed.StatusCode);
        Assert.Contains("Erik Examiner", string.Join(" ", PdfText.Pages(await printed.Content.ReadAsByteArrayAsync(Ct))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_original_changed_in_storage_is_printed_as_failed_and_the_record_as_broken()
    {
        var (id, _) = await SubmitAsync(seed: 330);
        var record = await LoadAsync(id);
        var blob = host.Services.GetRequiredService<BlobContainers>().Evidence.GetBlobClient(record.Evidence[1].BlobName);
        var original = (await blob.DownloadContentAsync(Ct)).Value.Content;
        await blob.UploadAsync(new BinaryData(TestImages.Jpeg(seed: 339)), overwrite: true, Ct);
        try
        {
            using var north = host.CreateClient().WithKey(ReferralRequests.NorthKey);
            var response = await north.GetAsync($"/api/v1/referrals/{id}/custody/report", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
            await File.WriteAllBytesAsync(Path.Combine(TestServices.ArtifactsDirectory, "custody-report-broken.pdf"), pdf, Ct);
            var text = string.Join(" ", PdfText.Pages(pdf));
            Assert.Contains("BROKEN:", text, StringComparison.Ordinal);
            Assert.Contains("an evidence original no longer has the hash taken at acquisition", text, StringComparison.Ordinal);
            Assert.Contains("FAILEDitsintegritycheck", Joined(pdf), StringComparison.Ordinal);
            Assert.DoesNotContain("Intact: every event", text, StringComparison.Ordinal);
        }
        finally
        {
            // Put back, so that a verification of this portal's store finds its bytes intact again.
            await blob.UploadAsync(original, overwrite: true, Ct);
        }
    }
}
