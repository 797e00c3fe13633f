using System.Net;
using DescPortal.Core.Custody;
using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Custody;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace DescPortal.IntegrationTests.Platform;

/// <summary>
/// The custody chain on real storage: every appended event carries its hash and the hash before it, in its own row;
/// an event changed, deleted or moved behind the application's back is named by the chain check and by
/// <c>DescPortal.Web verify</c> (what <c>infra/desc verify</c> runs), with the case's reference and the event's sequence.
/// Tests here put back what they break, so that the store is intact for the next one.
/// </summary>
[Collection(nameof(CaseWriteCollection))]
public sealed class CustodyChainTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CustodyChainStore Chains => host.Services.GetRequiredService<CustodyChainStore>();

    private async Task<(Guid Id, string Reference)> SubmitAsync(int images = 2)
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var lights = new[] { "White", "UV365", "IR" }[..images];
        var response = await client.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralRequests.Example(lights), [.. Enumerable.Range(0, images).Select(i => TestImages.Jpeg(seed: 90 + i))]), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        return (created.GetProperty("id").GetGuid(), created.GetProperty("reference").GetString()!);
    }

    private async Task<StreamChain> ChainOfAsync(Guid id)
    {
        var (events, head) = await Chains.ChainOfAsync(id, Ct);
        return ChainCheck.Check(id, events, head, await Chains.SaltOfAsync(id, Ct));
    }

    private async Task<int> ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(host.DatabaseConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        return await command.ExecuteNonQueryAsync(Ct);
    }

    [Fact]
    public async Task Every_event_of_a_case_is_chained_to_the_one_before_it_in_its_own_row()
    {
        var (id, reference) = await SubmitAsync(images: 3);

        var events = await Chains.EventsOfAsync(id, Ct);
        Assert.Equal([1L, 2, 3, 4], events.Select(e => e.Version));
        Assert.All(events, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
        Assert.Null(events[0].PreviousHash);
        Assert.Equal(events.SkipLast(1).Select(e => e.Hash), events.Skip(1).Select(e => e.PreviousHash));
        // The stored event holds the bearer as submitted; the chain holds a salted digest of it.
        Assert.Contains("ERIKSSON", events[0].Data, StringComparison.Ordinal);
        Assert.NotNull(await Chains.SaltOfAsync(id, Ct));

        var chain = await ChainOfAsync(id);
        Assert.True(chain.Intact, string.Join("; ", chain.Breaks));
        Assert.Equal(reference, chain.Label);
        Assert.Equal(["ReferralSubmitted", "EvidenceImageAttached", "EvidenceImageAttached", "EvidenceImageAttached"], chain.Links.Select(l => l.Type));
        Assert.All(chain.Links, l => Assert.Contains("BCP-NORTH", l.Actor, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_event_is_named_at_its_sequence_and_the_chain_holds_again_once_it_is_put_back()
    {
        var (id, _) = await SubmitAsync();
        const string Events = "portal.mt_events";

        // Someone with database access rewrites the reason of the submission, and a name (a personal value).
        var original = (await Chains.EventsOfAsync(id, Ct))[0].Data;
        await ExecuteAsync($"update {Events} set data = jsonb_set(data, '{{Reason}}', '\"Routine check\"') where stream_id = $1 and version = 1", id);
        var changed = await ChainOfAsync(id);
        Assert.Equal([(1L, ChainBreaks.EventChanged)], changed.Breaks.Select(b => (b.Sequence, b.Code)));

        await ExecuteAsync($"update {Events} set data = $2::jsonb where stream_id = $1 and version = 1", id, original);
        await ExecuteAsync($"update {Events} set data = jsonb_set(data, '{{Bearer,Surname}}', '\"ERIKSON\"') where stream_id = $1 and version = 1", id);
        Assert.Equal([(1L, ChainBreaks.EventChanged)], (await ChainOfAsync(id)).Breaks.Select(b => (b.Sequence, b.Code)));

        await ExecuteAsync($"update {Events} set data = $2::jsonb where stream_id = $1 and version = 1", id, original);
        Assert.True((await ChainOfAsync(id)).Intact);
    }

    [Fact]
    public async Task A_deleted_event_and_two_swapped_events_are_named()
    {
        var (id, _) = await SubmitAsync(images: 3);
        var saved = "tamper_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"create table public.{saved} (like portal.mt_events)");
        try
        {
            // The second event deleted: a gap at 2, and 3 no longer follows what is before it.
            await ExecuteAsync($"with gone as (delete from portal.mt_events where stream_id = $1 and version = 2 returning *) insert into public.{saved} select * from gone", id);
            var deleted = await ChainOfAsync(id);
            Assert.Contains((2L, ChainBreaks.EventMissing), deleted.Breaks.Select(b => (b.Sequence, b.Code)));
            Assert.Contains((3L, ChainBreaks.ChainBroken), deleted.Breaks.Select(b => (b.Sequence, b.Code)));
            await ExecuteAsync($"insert into portal.mt_events select * from public.{saved}");

            // The last event deleted: the stream's head says 4, its events end at 3.
            await ExecuteAsync($"truncate public.{saved}");
            await ExecuteAsync($"with gone as (delete from portal.mt_events where stream_id = $1 and version = 4 returning *) insert into public.{saved} select * from gone", id);
            Assert.Equal([(4L, ChainBreaks.EventMissing)], (await ChainOfAsync(id)).Breaks.Select(b => (b.Sequence, b.Code)));
            await ExecuteAsync($"insert into portal.mt_events select * from public.{saved}");

            // Events 3 and 4 swapped (data and hashes with them): each is named where it now stands.
            await ExecuteAsync($"""
                update portal.mt_events e set data = o.data, headers = o.headers
                from portal.mt_events o
                where e.stream_id = $1 and o.stream_id = $1 and ((e.version = 3 and o.version = 4) or (e.version = 4 and o.version = 3))
                """, id);
            var swapped = await ChainOfAsync(id);
            Assert.Equal([3L, 4L], swapped.Breaks.Select(b => b.Sequence));
            await ExecuteAsync($"""
                update portal.mt_events e set data = o.data, headers = o.headers
                from portal.mt_events o
                where e.stream_id = $1 and o.stream_id = $1 and ((e.version = 3 and o.version = 4) or (e.version = 4 and o.version = 3))
                """, id);
            Assert.True((await ChainOfAsync(id)).Intact);
        }
        finally
        {
            await ExecuteAsync($"drop table public.{saved}");
        }
    }

    [Fact]
    public async Task The_custody_api_answers_the_chain_the_evidence_checked_again_and_every_access()
    {
        var (id, reference) = await SubmitAsync();
        using var north = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        Assert.Equal(HttpStatusCode.OK, (await north.GetAsync($"/api/v1/referrals/{id}", Ct)).StatusCode);

        var custody = await (await north.GetAsync($"/api/v1/referrals/{id}/custody", Ct)).JsonAsync();
        Assert.Equal(reference, custody.GetProperty("reference").GetString());
        Assert.True(custody.GetProperty("chainIntact").GetBoolean());
        var events = custody.GetProperty("events").EnumerateArray().ToList();
        // The submission and its two images; the thumbnail job may have appended its own events after them since.
        Assert.Equal([1L, 2, 3], events.Take(3).Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal("ReferralSubmitted", events[0].GetProperty("type").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, events[0].GetProperty("previousHash").ValueKind);
        Assert.Equal(events[0].GetProperty("hash").GetString(), events[1].GetProperty("previousHash").GetString());
        Assert.All(events, e => Assert.Matches("^[0-9a-f]{64}$", e.GetProperty("hash").GetString()));
        var evidence = custody.GetProperty("evidence").EnumerateArray().ToList();
        Assert.Equal(2, evidence.Count);
        Assert.All(evidence, e => Assert.True(e.GetProperty("intact").GetBoolean()));
        // The reading of the referral (the jobs' derivations may be recorded beside it).
        var read = Assert.Single(custody.GetProperty("accesses").EnumerateArray(), a => a.GetProperty("action").GetString() == "CaseRead");
        Assert.Equal(("CaseRead", id.ToString()), (read.GetProperty("action").GetString(), read.GetProperty("target").GetString()));
        Assert.Contains("BCP-NORTH", read.GetProperty("actor").GetString(), StringComparison.Ordinal);

        // Another agency sees nothing of it, not even that it exists.
        using var south = host.CreateClient().WithKey(ReferralRequests.SouthKey);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/referrals/{id}/custody", Ct)).StatusCode);

        // The access record is chained too: an access rewritten behind the application's back breaks the chain.
        var trail = AccessLog.StreamOf(id);
        var original = (await Chains.EventsOfAsync(trail, Ct))[0].Data;
        await ExecuteAsync("update portal.mt_events set data = jsonb_set(data, '{Actor}', '\"nobody\"') where stream_id = $1 and version = 1", trail);
        try
        {
            var rewritten = await (await north.GetAsync($"/api/v1/referrals/{id}/custody", Ct)).JsonAsync();
            Assert.False(rewritten.GetProperty("chainIntact").GetBoolean());
        }
        finally
        {
            await ExecuteAsync("update portal.mt_events set data = $2::jsonb where stream_id = $1 and version = 1", trail, original);
        }
        var restored = await (await north.GetAsync($"/api/v1/referrals/{id}/custody", Ct)).JsonAsync();
        Assert.True(restored.GetProperty("chainIntact").GetBoolean());
        Assert.Equal(3, restored.GetProperty("accesses").EnumerateArray().Count(a => a.GetProperty("action").GetString() == "CaseRead"));
    }

    [Fact]
    public async Task A_stream_appended_to_while_it_is_checked_is_never_seen_broken()
    {
        // The check runs while the portal works: an access appended between reading the events and reading the
        // stream's head once looked like a deleted last event. Both come from one statement now.
        var (id, _) = await SubmitAsync(images: 1);
        var accesses = host.Services.GetRequiredService<AccessLog>();
        var scope = new Web.Infrastructure.Identity.UserScope("t", "Tess Tester", new HashSet<string> { Web.Infrastructure.Identity.Roles.Examiner }, null, null, false);
        using var stop = new CancellationTokenSource();
        var appending = Task.Run(async () =>
        {
            for (var i = 0; i < 60 && !stop.IsCancellationRequested; i++)
                await accesses.RecordAsync(id, AccessAction.CaseRead, id.ToString(), scope, null, Ct);
        }, Ct);
        var checks = 0;
        while (!appending.IsCompleted)
        {
            var chain = await ChainOfAsync(AccessLog.StreamOf(id));
            Assert.True(chain.Intact, string.Join("; ", chain.Breaks));
            checks++;
        }
        await appending;
        Assert.True(checks > 1, $"{checks} checks");
        Assert.Equal(60, (await accesses.OfAsync(id, Ct)).Count(a => a.Actor.Contains("Tess Tester", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_first_accesses_of_a_case_made_at_once_are_all_recorded()
    {
        // A case's first reading and its thumbnail job's derivation often come together: both create its access stream.
        var accesses = host.Services.GetRequiredService<AccessLog>();
        var scope = new Web.Infrastructure.Identity.UserScope("t", "Tess Tester", new HashSet<string> { Web.Infrastructure.Identity.Roles.Examiner }, null, null, false);
        for (var round = 0; round < 10; round++)
        {
            var id = Guid.NewGuid();
            await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() =>
                accesses.RecordAsync(id, AccessAction.EvidenceRead, i.ToString(System.Globalization.CultureInfo.InvariantCulture), scope, null, Ct), Ct)));
            Assert.Equal(["0", "1", "2", "3"], (await accesses.OfAsync(id, Ct)).Select(a => a.Target).Order());
            Assert.True((await ChainOfAsync(AccessLog.StreamOf(id))).Intact);
        }
    }

    [Fact]
    public async Task Evidence_whose_bytes_changed_in_storage_is_reported_not_intact()
    {
        var (id, _) = await SubmitAsync();
        var record = (await host.Services.GetRequiredService<Web.Features.Cases.CaseQueries>()
            .LoadForAsync(new Web.Infrastructure.Identity.UserScope("t", "t", new HashSet<string> { Web.Infrastructure.Identity.Roles.Examiner }, null, null, false), id, Ct))!;
        var blob = host.Services.GetRequiredService<Web.Infrastructure.Blobs.BlobContainers>().Evidence.GetBlobClient(record.Evidence[1].BlobName);
        var bytes = (await blob.DownloadContentAsync(Ct)).Value.Content.ToArray();
        var changed = bytes.ToArray();
        changed[^10] ^= 0xFF;
        await blob.UploadAsync(new BinaryData(changed), overwrite: true, Ct);
        try
        {
            using var north = host.CreateClient().WithKey(ReferralRequests.NorthKey);
            var custody = await (await north.GetAsync($"/api/v1/referrals/{id}/custody", Ct)).JsonAsync();
            Assert.Equal([true, false], custody.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("intact").GetBoolean()));
            Assert.Equal(record.Evidence[1].Sha256, custody.GetProperty("evidence")[1].GetProperty("sha256").GetString());
        }
        finally
        {
            await blob.UploadAsync(new BinaryData(bytes), overwrite: true, Ct);
        }
    }
}
