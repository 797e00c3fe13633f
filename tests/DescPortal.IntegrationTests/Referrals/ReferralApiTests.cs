using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using DescPortal.IntegrationTests;
using DescPortal.Testing;
using DescPortal.Web.Features.Referrals;
using DescPortal.Web.Infrastructure.Blobs;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using DescPortal.Web.Features.Cases;

namespace DescPortal.IntegrationTests.Referrals;

[Collection(nameof(CaseWriteCollection))]
public sealed class ReferralApiTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_referral_with_three_images_is_stored_with_hashes_evidence_and_history()
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        byte[][] files = [TestImages.Jpeg(seed: 11), TestImages.Png(seed: 12), TestImages.Tiff(seed: 13)];

        var response = await client.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralRequests.Example("White", "UV365", "IR"), files), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var id = created.GetProperty("id").GetGuid();
        Assert.Matches(@"^DESC-\d{4}-\d{6}$", created.GetProperty("reference").GetString());
        Assert.Equal("Submitted", created.GetProperty("status").GetString());
        Assert.Equal($"/api/v1/referrals/{id}", response.Headers.Location!.OriginalString);

        var referral = await (await client.GetAsync($"/api/v1/referrals/{id}", Ct)).JsonAsync();
        Assert.Equal("ERIKSSON", referral.GetProperty("bearer").GetProperty("surname").GetString());
        Assert.Equal("1974-08-12", referral.GetProperty("bearer").GetProperty("dateOfBirth").GetString());
        Assert.Equal("L898902C3", referral.GetProperty("documents")[0].GetProperty("documentNumber").GetString());
        var evidence = referral.GetProperty("evidence").EnumerateArray().ToList();
        Assert.Equal(["White", "UV365", "IR"], evidence.Select(e => e.GetProperty("lightSource").GetString()));
        Assert.Equal(["image/jpeg", "image/png", "image/tiff"], evidence.Select(e => e.GetProperty("contentType").GetString()));

        for (var i = 0; i < files.Length; i++)
        {
            var e = evidence[i];
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(files[i])), e.GetProperty("sha256").GetString());
            Assert.Equal(files[i].Length, e.GetProperty("sizeBytes").GetInt64());
            Assert.Equal((320, 200), (e.GetProperty("width").GetInt32(), e.GetProperty("height").GetInt32()));

            var original = await client.GetAsync($"/api/v1/referrals/{id}/evidence/{e.GetProperty("id").GetGuid()}", Ct);
            Assert.Equal(e.GetProperty("contentType").GetString(), original.Content.Headers.ContentType!.MediaType);
            Assert.Equal(files[i], await original.Content.ReadAsByteArrayAsync(Ct));
        }

        var history = (await (await client.GetAsync($"/api/v1/referrals/{id}/history", Ct)).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["ReferralSubmitted", "EvidenceImageAttached", "EvidenceImageAttached", "EvidenceImageAttached"],
            history.Take(4).Select(h => h.GetProperty("type").GetString()));
        Assert.All(history, h => Assert.False(string.IsNullOrWhiteSpace(h.GetProperty("actor").GetString())));
        Assert.Contains("BCP-NORTH", history[0].GetProperty("actor").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_numbers_are_sequential_within_the_year()
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.SouthKey);
        var first = await SubmitAsync(client, ReferralRequests.Example(), TestImages.Jpeg(seed: 21), south: true);
        var second = await SubmitAsync(client, ReferralRequests.Example(), TestImages.Jpeg(seed: 22), south: true);

        var a = int.Parse(first.GetProperty("reference").GetString()![^6..], System.Globalization.CultureInfo.InvariantCulture);
        var b = int.Parse(second.GetProperty("reference").GetString()![^6..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(b > a, $"{b} should follow {a}");
    }

    [Fact]
    public async Task Without_a_key_or_with_a_wrong_one_the_api_answers_401_and_never_redirects()
    {
        using var anonymous = host.CreateClient(new() { AllowAutoRedirect = false });
        var none = await anonymous.GetAsync("/api/v1/referrals", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);

        var wrong = await anonymous.WithKey("not-a-key").GetAsync("/api/v1/referrals", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        var post = await anonymous.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralRequests.Example(), TestImages.Jpeg()), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    [Fact]
    public async Task Another_agency_gets_404_for_everything_about_a_referral_and_does_not_list_it()
    {
        using var north = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var created = await SubmitAsync(north, ReferralRequests.Example(), TestImages.Jpeg(seed: 31));
        var id = created.GetProperty("id").GetGuid();
        var evidenceId = (await (await north.GetAsync($"/api/v1/referrals/{id}", Ct)).JsonAsync())
            .GetProperty("evidence")[0].GetProperty("id").GetGuid();

        using var south = host.CreateClient().WithKey(ReferralRequests.SouthKey);
        foreach (var url in new[] { $"/api/v1/referrals/{id}", $"/api/v1/referrals/{id}/history", $"/api/v1/referrals/{id}/evidence/{evidenceId}" })
            Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync(url, Ct)).StatusCode);

        var list = await (await south.GetAsync("/api/v1/referrals?pageSize=100", Ct)).JsonAsync();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task The_list_is_newest_first_filters_by_status_and_clamps_the_page_size()
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var older = await SubmitAsync(client, ReferralRequests.Example(), TestImages.Jpeg(seed: 41));
        var newer = await SubmitAsync(client, ReferralRequests.Example(), TestImages.Jpeg(seed: 42));

        var list = await (await client.GetAsync("/api/v1/referrals?status=Submitted&page=1&pageSize=500", Ct)).JsonAsync();
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.InRange(items.Count, 2, 100);
        Assert.True(list.GetProperty("total").GetInt64() >= 2);
        Assert.All(items, i => Assert.Equal("Submitted", i.GetProperty("status").GetString()));
        var ids = items.Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.True(ids.IndexOf(newer.GetProperty("id").GetGuid()) < ids.IndexOf(older.GetProperty("id").GetGuid()));

        var bad = await client.GetAsync("/api/v1/referrals?status=Lost", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal("request.query-value-unknown", problem.GetProperty("codes").GetProperty("status")[0].GetString());
    }

    [Theory]
    [InlineData("bearer.surname", "referral.surname.required")]
    [InlineData("answerBy", "referral.answer-by.required")]
    [InlineData("documents[0].issuingState", "referral.country.unknown")]
    [InlineData("images[0].lightSource", "referral.light-source.unknown")]
    public async Task A_bad_field_is_a_400_naming_it_and_leaves_no_case_and_no_blob(string field, string code)
    {
        var referral = ReferralRequests.Example();
        switch (field)
        {
            case "bearer.surname": referral["bearer"]!["surname"] = ""; break;
            case "answerBy": referral.Remove("answerBy"); break;
            case "documents[0].issuingState": referral["documents"]![0]!["issuingState"] = "ZZ9"; break;
            case "images[0].lightSource": referral["images"]![0]!["lightSource"] = "Purple"; break;
        }
        var before = await CountAsync();
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);

        var response = await client.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(referral, TestImages.Jpeg(seed: 51)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors: {errors}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal([code], problem.GetProperty("codes").GetProperty(field).EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Errors_keep_their_english_words_by_field_and_codes_name_them_beside()
    {
        var referral = ReferralRequests.Example();
        referral["bearer"]!["surname"] = "";
        referral["images"]![0]!["dpi"] = 0;
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);

        var response = await client.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(referral, TestImages.Jpeg(seed: 52)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("The referral has errors.", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal(["bearer.surname", "images[0].dpi"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["Surname is required."], errors.GetProperty("bearer.surname").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["Resolution must be between 1 and 20000 dpi; 0 is not."],
            errors.GetProperty("images[0].dpi").EnumerateArray().Select(m => m.GetString()));
        var codes = problem.GetProperty("codes");
        Assert.Equal(["referral.surname.required"], codes.GetProperty("bearer.surname").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["referral.dpi.out-of-range"], codes.GetProperty("images[0].dpi").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task The_condition_of_the_items_on_receipt_is_kept_as_the_officer_wrote_it_and_one_too_long_is_a_400_naming_it()
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var referral = ReferralRequests.Example();
        referral["conditionOnReceipt"] = "  Cover bent at the top corner;\ndata page intact  ";

        var created = await SubmitAsync(client, referral, TestImages.Jpeg(seed: 53));

        var id = created.GetProperty("id").GetGuid();
        var details = await (await client.GetAsync($"/api/v1/referrals/{id}", Ct)).JsonAsync();
        Assert.Equal("Cover bent at the top corner;\ndata page intact", details.GetProperty("conditionOnReceipt").GetString());
        var reviewer = new Web.Infrastructure.Identity.UserScope("condition-reader", "Rita Reader",
            new HashSet<string> { Web.Infrastructure.Identity.Roles.Reviewer }, null, null, false);
        var record = await host.Services.GetRequiredService<CaseQueries>().LoadForAsync(reviewer, id, Ct);
        Assert.Equal("Cover bent at the top corner;\ndata page intact", record!.Case.ConditionOnReceipt);
        Assert.Null(record.Case.ConditionAmendedBy);
        // Optional: a referral without it has none.
        var without = await SubmitAsync(client, ReferralRequests.Example(), TestImages.Jpeg(seed: 54));
        var plain = await (await client.GetAsync($"/api/v1/referrals/{without.GetProperty("id").GetGuid()}", Ct)).JsonAsync();
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("conditionOnReceipt").ValueKind);

        referral["conditionOnReceipt"] = new string('x', Core.Referrals.ReferralValidation.MaxConditionLength + 1);
        var before = await CountAsync();
        var response = await client.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(referral, TestImages.Jpeg(seed: 55)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal(["Condition of the items on receipt must be at most 2000 characters; it has 2001."],
            problem.GetProperty("errors").GetProperty("conditionOnReceipt").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["referral.text.too-long"], problem.GetProperty("codes").GetProperty("conditionOnReceipt").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_file_count_that_differs_from_the_images_array_is_a_400()
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var response = await client.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralRequests.Example("White", "UV365"), TestImages.Jpeg(seed: 61)), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("images", out _));
    }

    public static TheoryData<string, int, string> BadFiles => new()
    {
        { "gif", 415, "image.not-an-image" }, { "text", 415, "image.not-an-image" }, { "empty", 415, "image.empty" },
        { "truncated", 422, "image.corrupt" }, { "bomb", 422, "image.too-many-pixels" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_file_that_is_not_a_complete_accepted_image_is_refused_and_nothing_is_kept(string kind, int status, string code)
    {
        var bad = kind switch
        {
            "gif" => TestImages.Gif(),
            "text" => TestImages.Text(),
            "empty" => [],
            "truncated" => TestImages.TruncatedJpeg(),
            _ => TestImages.PixelBombPng(),
        };
        var before = await CountAsync();
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);

        // The good first image is staged, then the bad second one must take it down too.
        var response = await client.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralRequests.Example("White", "UV365"), TestImages.Jpeg(seed: 71), bad), Ct);

        Assert.Equal(status, (int)response.StatusCode);
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("errors").TryGetProperty("images[1]", out var messages), body.ToString());
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal(messages[0].GetString(), body.GetProperty("detail").GetString());
        Assert.StartsWith("Image 2 ", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_referral_endpoints()
    {
        using var client = host.CreateClient();
        var doc = await (await client.GetAsync("/openapi/v1.json", Ct)).JsonAsync();
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/referrals", out _));
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/referrals/{id}/history", out _));
    }

    private static async Task<JsonElement> SubmitAsync(HttpClient client, System.Text.Json.Nodes.JsonObject referral, byte[] image, bool south = false)
    {
        if (south) referral["borderCrossingPoint"] = "SOUTH-PORT";
        var response = await client.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(referral, image), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>Cases and evidence blobs stored so far, to prove a refused submission added neither.</summary>
    private async Task<(int Cases, int Blobs)> CountAsync()
    {
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var cases = await session.Query<ReferralSummary>().CountAsync(Ct);
        var blobs = 0;
        await foreach (var _ in host.Services.GetRequiredService<BlobContainers>().Evidence.GetBlobsAsync(cancellationToken: Ct)) blobs++;
        return (cases, blobs);
    }
}
