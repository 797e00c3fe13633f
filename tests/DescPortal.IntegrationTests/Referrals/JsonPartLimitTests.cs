using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DescPortal.Testing;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Http;
using Xunit;

namespace DescPortal.IntegrationTests.Referrals;

/// <summary>
/// The JSON part of a submission (<c>referral</c>) and of an answer (<c>answer</c>) is at most 256 KB: beyond, 413
/// naming the part, and nothing is stored.
/// </summary>
[Collection(nameof(CaseWriteCollection))]
public sealed class JsonPartLimitTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The example referral padded (in a field the validation reads) until its JSON is <paramref name="bytes"/> long.</summary>
    private static JsonObject ReferralOf(int bytes)
    {
        var referral = ReferralRequests.Example();
        referral["reason"] = "";
        referral["reason"] = new string('x', bytes - Encoding.UTF8.GetByteCount(referral.ToJsonString()));
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(referral.ToJsonString()));
        return referral;
    }

    private static async Task<long> NorthReferralsAsync(HttpClient north) =>
        (await (await north.GetAsync("/api/v1/referrals?pageSize=1", Ct)).JsonAsync()).GetProperty("total").GetInt64();

    [Fact]
    public async Task A_referral_part_of_257_KB_is_a_413_naming_the_part_and_nothing_is_stored()
    {
        using var north = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var before = await NorthReferralsAsync(north);

        var response = await north.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralOf(257 * 1024), TestImages.Jpeg(200, 150, seed: 61)), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(ApiProblems.Request.PartTooLarge, problem.GetProperty("code").GetString());
        Assert.Contains("256 KB", problem.GetProperty("errors").GetProperty("referral")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await NorthReferralsAsync(north));
    }

    [Fact]
    public async Task A_referral_part_of_exactly_256_KB_is_read_and_validated()
    {
        using var north = host.CreateClient().WithKey(ReferralRequests.NorthKey);

        var response = await north.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralOf(EvidenceMultipart.MaxJsonPartBytes), TestImages.Jpeg(200, 150, seed: 62)), Ct);

        // Read whole: its reason is judged too long, field by field, rather than the part refused as too large.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("referral.text.too-long", (await response.JsonAsync()).GetProperty("codes").GetProperty("reason")[0].GetString());
    }

    [Fact]
    public async Task An_answer_part_of_257_KB_is_a_413_naming_the_part()
    {
        using var north = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var submitted = await north.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(ReferralRequests.Example(), TestImages.Jpeg(200, 150, seed: 63)), Ct);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.JsonAsync()).GetProperty("id").GetGuid();
        using var answer = new MultipartFormDataContent
        {
            { new StringContent($$"""{ "message": "{{new string('x', 257 * 1024)}}" }""", Encoding.UTF8, "application/json"), "answer" },
        };

        var response = await north.PostAsync($"/api/v1/referrals/{id}/information", answer, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal(ApiProblems.Request.PartTooLarge, problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("answer", out _));
    }
}
