using System.Net;
using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Testing;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Infrastructure.Identity;
using Xunit;
using static DescPortal.IntegrationTests.ReferenceLibrary.LibraryTestData;
using DescPortal.DemoData;

namespace DescPortal.IntegrationTests.ReferenceLibrary;

/// <summary>
/// An issuing authority sees and works on its own country's specimens only, through every path: the portal's image
/// URL, search, load, history and commands. Another country's specimen looks exactly like one that does not exist.
/// Trainers and examiners see every country; other portal roles see nothing.
/// </summary>
public sealed class LibraryScopeTests(IntegrationHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid Uto = LibrarySeeding.IdOf("UTO-P-2007");
    private static readonly Guid Xxa = LibrarySeeding.IdOf("XXA-P-2021");

    [Theory]
    [InlineData("authority@desc.local", HttpStatusCode.OK, HttpStatusCode.NotFound)]
    [InlineData("examiner@desc.local", HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData("reviewer@desc.local", HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData("trainer@desc.local", HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData("officer.north@desc.local", HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    [InlineData("admin@desc.local", HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    public async Task The_portal_image_url_serves_a_specimen_image_only_to_those_who_may_see_its_country(
        string email, HttpStatusCode uto, HttpStatusCode xxa)
    {
        var utoImage = (await host.EntryAsync(Uto)).Specimen.Images[0];
        var xxaImage = (await host.EntryAsync(Xxa)).Specimen.Images[0];
        using var client = await host.SignedInClientAsync(email);

        var utoResponse = await client.GetAsync($"/library/{Uto}/images/{utoImage.ImageId}", Ct);
        var xxaResponse = await client.GetAsync($"/library/{Xxa}/images/{xxaImage.ImageId}", Ct);

        Assert.Equal(uto, utoResponse.StatusCode);
        Assert.Equal(xxa, xxaResponse.StatusCode);
        foreach (var (response, image) in new[] { (utoResponse, utoImage), (xxaResponse, xxaImage) })
        {
            if (response.StatusCode == HttpStatusCode.OK)
                Assert.Equal(image.ContentType, response.Content.Headers.ContentType?.MediaType);
            else
                Assert.NotEqual(image.ContentType, response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task An_authority_cannot_reach_another_countrys_image_by_pairing_it_with_its_own_specimen()
    {
        var xxaImage = (await host.EntryAsync(Xxa)).Specimen.Images[0];
        using var client = await host.SignedInClientAsync("authority@desc.local");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/library/{Uto}/images/{xxaImage.ImageId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/library/{Guid.NewGuid()}/images/{xxaImage.ImageId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Without_sign_in_the_portal_image_url_sends_to_sign_in_and_a_cookie_does_not_open_the_api()
    {
        var utoImage = (await host.EntryAsync(Uto)).Specimen.Images[0];
        using var anonymous = host.CreateClient(new() { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync($"/library/{Uto}/images/{utoImage.ImageId}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // Issuing authorities are portal users: their cookie is no key to API v1.
        using var authority = await host.SignedInClientAsync("authority@desc.local");
        var api = await authority.GetAsync("/api/v1/specimens", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Null(api.Headers.Location);
    }

    [Fact]
    public async Task Search_for_an_authority_returns_its_own_country_only_whatever_the_filter()
    {
        var queries = host.Queries();
        var uto = Authority("UTO");

        var all = await queries.SearchAsync(uto, new LibraryFilter(), 1, 100, Ct);
        Assert.Contains(all.Items, e => e.Id == Uto);
        Assert.All(all.Items, e => Assert.Equal("UTO", e.IssuingState));

        foreach (var filter in new[]
                 {
                     new LibraryFilter(IssuingState: "XXA"),
                     new LibraryFilter(IssuingState: "xxb"),
                     new LibraryFilter(Text: "Federation"),
                     new LibraryFilter(Text: "XXA"),
                     new LibraryFilter(FeatureType: "OpticallyVariable", IssuingState: "XXA"),
                     new LibraryFilter(IncludeWithdrawn: true),
                 })
        {
            var page = await queries.SearchAsync(uto, filter, 1, 100, Ct);
            Assert.All(page.Items, e => Assert.Equal("UTO", e.IssuingState));
            Assert.DoesNotContain(page.Items, e => e.Id == Xxa);
        }
        // The total counts only what the authority may see.
        Assert.Equal(0, (await queries.SearchAsync(uto, new LibraryFilter(IssuingState: "XXA"), 1, 100, Ct)).Total);

        var xxaAuthority = await queries.SearchAsync(Authority("XXA"), new LibraryFilter(), 1, 100, Ct);
        Assert.Contains(xxaAuthority.Items, e => e.Id == Xxa);
        Assert.All(xxaAuthority.Items, e => Assert.Equal("XXA", e.IssuingState));
    }

    [Fact]
    public async Task Load_and_history_answer_nothing_for_another_countrys_specimen()
    {
        var queries = host.Queries();
        var uto = Authority("UTO");

        Assert.NotNull(await queries.LoadAsync(uto, Uto, Ct));
        Assert.Null(await queries.LoadAsync(uto, Xxa, Ct));
        Assert.NotEmpty(await queries.HistoryAsync(uto, Uto, Ct));
        Assert.Empty(await queries.HistoryAsync(uto, Xxa, Ct));
        Assert.Null(await queries.LoadAsync(Authority("XXA"), Uto, Ct));
    }

    [Fact]
    public async Task Commands_on_another_countrys_specimen_look_like_not_found_and_change_nothing()
    {
        var (xxa, _, xxaFeature) = await host.SubmittedSpecimenAsync("XXA", seed: 301);
        var (uto, _, utoFeature) = await host.SubmittedSpecimenAsync("UTO", seed: 302);
        var commands = host.Commands();
        var xxaBefore = await host.StreamVersionAsync(xxa);
        var utoBefore = await host.StreamVersionAsync(uto);

        var confirm = await Assert.ThrowsAsync<KeyNotFoundException>(() => commands.ConfirmAsync(Authority("UTO"), xxa, 3, Ct));
        var missing = await Assert.ThrowsAsync<KeyNotFoundException>(() => commands.ConfirmAsync(Authority("UTO"), Guid.NewGuid(), 3, Ct));
        Assert.Equal(missing.Message, confirm.Message);
        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            commands.ProposeCorrectionAsync(Authority("UTO"), xxa, Guid.NewGuid(), xxaFeature.FeatureId, "Wrong colour", Ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => commands.ConfirmAsync(Authority("XXA"), uto, 3, Ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            commands.ProposeCorrectionAsync(Authority("XXA"), uto, Guid.NewGuid(), null, "Not yours", Ct));
        // An authority without a country sees no country at all.
        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            commands.ConfirmAsync(Authority("UTO") with { CountryCode = null }, uto, 3, Ct));

        Assert.Equal(xxaBefore, await host.StreamVersionAsync(xxa));
        Assert.Equal(utoBefore, await host.StreamVersionAsync(uto));

        // The authority of the country itself may do both.
        await commands.ProposeCorrectionAsync(Authority("UTO"), uto, Guid.NewGuid(), utoFeature.FeatureId, "The guilloche is green, not blue", Ct);
        await commands.ConfirmAsync(Authority("UTO"), uto, 3, Ct);
        var entry = await host.EntryAsync(uto);
        Assert.True(entry.ConfirmedByIssuer);
        var correction = Assert.Single(entry.Specimen.OpenCorrections);
        Assert.Equal(("UTO", 3, utoFeature.FeatureId), (correction.Country, correction.ProposedOnVersion, correction.FeatureId));
    }

    [Fact]
    public async Task Trainers_and_examiners_see_every_country_and_other_portal_roles_nothing()
    {
        var queries = host.Queries();
        foreach (var scope in new[] { Trainer, Editor, Reviewer, ApiKey })
        {
            Assert.NotNull(await queries.LoadAsync(scope, Uto, Ct));
            Assert.NotNull(await queries.LoadAsync(scope, Xxa, Ct));
            var xxa = await queries.SearchAsync(scope, new LibraryFilter(IssuingState: "XXA"), 1, 100, Ct);
            Assert.Contains(xxa.Items, e => e.Id == Xxa);
        }
        foreach (var scope in new[] { Officer, LibraryTestData.Admin })
        {
            Assert.Null(await queries.LoadAsync(scope, Uto, Ct));
            Assert.Null(await queries.LoadAsync(scope, Xxa, Ct));
            Assert.Empty(await queries.HistoryAsync(scope, Uto, Ct));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => queries.SearchAsync(scope, new LibraryFilter(), 1, 100, Ct));
        }
    }

    [Fact]
    public async Task An_authority_that_also_trains_still_sees_only_its_country()
    {
        var both = new UserScope("authority-trainer", "Authority and trainer",
            new HashSet<string> { Roles.IssuingAuthority, Roles.Trainer }, null, "UTO", false);

        Assert.Null(await host.Queries().LoadAsync(both, Xxa, Ct));
        var page = await host.Queries().SearchAsync(both, new LibraryFilter(), 1, 100, Ct);
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, e => Assert.Equal("UTO", e.IssuingState));
    }
}
