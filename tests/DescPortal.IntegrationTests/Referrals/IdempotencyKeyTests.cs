using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DescPortal.Testing;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Referrals;
using DescPortal.Web.Infrastructure.Blobs;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.IntegrationTests.Referrals;

/// <summary>Issue 15: a submission retried with the same Idempotency-Key creates one referral, not two.</summary>
[Collection(nameof(CaseWriteCollection))]
public sealed class IdempotencyKeyTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_key_twice_answers_the_first_referral_and_stores_nothing_more()
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var referral = ReferralRequests.Example("White", "UV365");
        byte[][] images = [TestImages.Jpeg(seed: 801), TestImages.Png(seed: 802)];
        var key = NewKey();
        var before = await CountAsync();

        var first = await PostAsync(client, key, referral, images);
        var afterFirst = await CountAsync();
        var second = await PostAsync(client, key, referral, images);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var a = await first.JsonAsync();
        var b = await second.JsonAsync();
        Assert.Equal(a.GetProperty("id").GetGuid(), b.GetProperty("id").GetGuid());
        Assert.Equal(a.GetProperty("reference").GetString(), b.GetProperty("reference").GetString());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal((before.Cases + 1, before.Blobs + 2), afterFirst);
        Assert.Equal(afterFirst, await CountAsync());
    }

    [Theory]
    [InlineData("referral")]
    [InlineData("image")]
    public async Task The_same_key_with_another_body_is_a_422_with_its_code_and_stores_nothing(string changed)
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var referral = ReferralRequests.Example();
        var key = NewKey();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(client, key, referral, [TestImages.Jpeg(seed: 811)])).StatusCode);
        var before = await CountAsync();

        var other = changed == "referral" ? Changed(referral) : referral;
        var image = changed == "image" ? TestImages.Jpeg(seed: 812) : TestImages.Jpeg(seed: 811);
        var response = await PostAsync(client, key, other, [image]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal("idempotency-key.reused", problem.GetProperty("code").GetString());
        Assert.Equal($"Idempotency-Key '{key}' was already used within 24 hours for another submission; send a new key for a new referral, "
            + "or the same body to retry.", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Another_agency_using_the_same_key_gets_its_own_referral()
    {
        using var north = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        using var south = host.CreateClient().WithKey(ReferralRequests.SouthKey);
        var key = NewKey();
        var southReferral = ReferralRequests.Example();
        southReferral["borderCrossingPoint"] = "SOUTH-PORT";
        var before = await CountAsync();

        var n = await PostAsync(north, key, ReferralRequests.Example(), [TestImages.Jpeg(seed: 821)]);
        var s = await PostAsync(south, key, southReferral, [TestImages.Jpeg(seed: 822)]);

        Assert.Equal(HttpStatusCode.Created, n.StatusCode);
        Assert.Equal(HttpStatusCode.Created, s.StatusCode);
        Assert.NotEqual((await n.JsonAsync()).GetProperty("id").GetGuid(), (await s.JsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal((before.Cases + 2, before.Blobs + 2), await CountAsync());
    }

    [Fact]
    public async Task Without_the_header_the_same_body_twice_makes_two_referrals()
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var referral = ReferralRequests.Example();
        var before = await CountAsync();

        var first = await PostAsync(client, null, referral, [TestImages.Jpeg(seed: 831)]);
        var second = await PostAsync(client, null, referral, [TestImages.Jpeg(seed: 831)]);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.NotEqual((await first.JsonAsync()).GetProperty("id").GetGuid(), (await second.JsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal((before.Cases + 2, before.Blobs + 2), await CountAsync());
    }

    [Fact]
    public async Task Concurrent_submissions_with_the_same_key_make_one_referral()
    {
        var referral = ReferralRequests.Example("White", "IR");
        byte[][] images = [TestImages.Jpeg(seed: 841), TestImages.Tiff(seed: 842)];
        var key = NewKey();
        var before = await CountAsync();

        // Four clients at once, as a border post retrying over a link that dropped the answers.
        var clients = Enumerable.Range(0, 4).Select(_ => host.CreateClient().WithKey(ReferralRequests.NorthKey)).ToList();
        var responses = await Task.WhenAll(clients.Select(c => PostAsync(c, key, referral, images)));
        clients.ForEach(c => c.Dispose());

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = new HashSet<Guid>();
        foreach (var r in responses) ids.Add((await r.JsonAsync()).GetProperty("id").GetGuid());
        Assert.Single(ids);
        Assert.Equal((before.Cases + 1, before.Blobs + 2), await CountAsync());
    }

    [Fact]
    public async Task A_key_older_than_24_hours_is_forgotten_and_makes_a_new_referral()
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var referral = ReferralRequests.Example();
        var key = NewKey();
        var first = (await (await PostAsync(client, key, referral, [TestImages.Jpeg(seed: 851)])).JsonAsync()).GetProperty("id").GetGuid();

        // A day and a minute later: the record is aged in place rather than the portal's clock moved.
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            var record = await session.LoadAsync<SubmissionKey>(SubmissionKey.IdOf("BCP-NORTH", key), Ct);
            Assert.NotNull(record);
            record.At -= TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1);
            session.Store(record);
            await session.SaveChangesAsync(Ct);
        }
        var before = await CountAsync();

        var again = await PostAsync(client, key, referral, [TestImages.Jpeg(seed: 851)]);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var second = (await again.JsonAsync()).GetProperty("id").GetGuid();
        Assert.NotEqual(first, second);
        Assert.Equal((before.Cases + 1, before.Blobs + 1), await CountAsync());
        // The key now names the new referral, for the next 24 hours.
        var third = await PostAsync(client, key, referral, [TestImages.Jpeg(seed: 851)]);
        Assert.Equal(second, (await third.JsonAsync()).GetProperty("id").GetGuid());
    }

    [Theory]
    // (An empty value cannot be sent: the test client leaves such a header out.)
    [InlineData("two words")]
    [InlineData("del\u007Fete")]
    [InlineData("clé")]
    [InlineData("256")]
    public async Task A_key_that_is_not_1_to_255_visible_ascii_characters_is_a_400_naming_the_header(string key)
    {
        if (key == "256") key = new string('k', 256);
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var before = await CountAsync();

        var response = await PostAsync(client, key, ReferralRequests.Example(), [TestImages.Jpeg(seed: 861)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), problem.ToString());
        Assert.Equal("request.idempotency-key-invalid", problem.GetProperty("codes").GetProperty("Idempotency-Key")[0].GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_key_of_255_visible_characters_is_accepted()
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var key = NewKey() + new string('~', 255 - 32);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(client, key, ReferralRequests.Example(), [TestImages.Jpeg(seed: 871)])).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_header_on_the_submission()
    {
        using var client = host.CreateClient();
        var doc = await (await client.GetAsync("/openapi/v1.json", Ct)).JsonAsync();
        var parameters = doc.GetProperty("paths").GetProperty("/api/v1/referrals").GetProperty("post").GetProperty("parameters");
        var header = Assert.Single(parameters.EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Equal("header", header.GetProperty("in").GetString());
        Assert.Equal(255, header.GetProperty("schema").GetProperty("maxLength").GetInt32());
        Assert.Contains("idempotency-key.reused", header.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");

    private static JsonObject Changed(JsonObject referral)
    {
        var other = (JsonObject)referral.DeepClone();
        other["reason"] = "Portrait replaced";
        return other;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string? key, JsonObject referral, byte[][] images)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = ReferralRequests.Multipart(referral, images) };
        if (key is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request, Ct);
    }

    private async Task<(int Cases, int Blobs)> CountAsync()
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var cases = await session.Query<ReferralSummary>().CountAsync(Ct);
        var blobs = 0;
        await foreach (var _ in host.Services.GetRequiredService<BlobContainers>().Evidence.GetBlobsAsync(cancellationToken: Ct)) blobs++;
        return (cases, blobs);
    }
}
