using System.Security.Claims;
using Bunit;
using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Testing;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.Web.Tests.Features.Home;

/// <summary>
/// An issuing authority's home page lists what waits for its confirmation. The authority here is that of a test country
/// of its own (the library is shared by every test class, and the demo authority's UTO is confirmed by other tests).
/// </summary>
public sealed class HomeToConfirmTests(ComponentHost host) : ComponentTest(host)
{
    private const string Own = "XXH", Other = "XXJ";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly UserScope Editor =
        new("test-home-editor", "Lena Librarian", new HashSet<string> { Roles.Examiner }, null, null, false);

    private static readonly UserScope OwnAuthority =
        new("test-authority-xxh", "Hanna Authority", new HashSet<string> { Roles.IssuingAuthority }, null, Own, false);

    private LibraryCommands Commands => Host.Services.GetRequiredService<LibraryCommands>();

    [Fact]
    public async Task The_authority_sees_its_own_countrys_versions_awaiting_confirmation_and_how_many()
    {
        var submitted = await SpecimenAsync(Own, submit: true);                  // version 2: created, one image
        var changedSince = await SpecimenAsync(Own, submit: true);               // changed after submission: version 3 waits
        await Commands.AddFeatureAsync(Editor, changedSince, Guilloche(await ImageOfAsync(changedSince)), Ct);
        var confirmed = await SpecimenAsync(Own, submit: true);
        await Commands.ConfirmAsync(OwnAuthority, confirmed, 2, Ct);
        var draft = await SpecimenAsync(Own, submit: false);
        var withdrawn = await SpecimenAsync(Own, submit: true);
        await Commands.WithdrawAsync(Editor, withdrawn, "Replaced by a newer series.", Ct);
        var otherCountry = await SpecimenAsync(Other, submit: true);
        SignInAsAuthorityOf(Own);

        var cut = RenderWithProviders<global::DescPortal.Web.Features.Home.Home>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=to-confirm-item]").Count));
        var items = cut.FindAll("[data-testid=to-confirm-item]")
            .Select(i => (Id: Guid.Parse(i.GetAttribute("data-specimen")!), Version: i.GetAttribute("data-version")!, Href: i.QuerySelector("a")!.GetAttribute("href")!))
            .ToList();
        Assert.Equal(new[] { (submitted, "2", $"library/{submitted}"), (changedSince, "3", $"library/{changedSince}") },
            items.OrderBy(i => i.Version).Select(i => (i.Id, i.Version, i.Href)));
        Assert.DoesNotContain(items, i => i.Id == confirmed || i.Id == draft || i.Id == withdrawn || i.Id == otherCountry);
        Assert.Equal("2", cut.Find("[data-testid=to-confirm-count]").TextContent.Trim());
        Assert.Contains("2 specimen versions wait for your confirmation:", cut.Find("[data-testid=to-confirm]").TextContent, StringComparison.Ordinal);
        Assert.Contains("version 3", cut.Find($"[data-specimen='{changedSince}']").TextContent, StringComparison.Ordinal);

        // Confirmed meanwhile: gone from the list when the page is opened again.
        await Commands.ConfirmAsync(OwnAuthority, submitted, 2, Ct);
        var again = Render<global::DescPortal.Web.Features.Home.Home>(); // the popover provider is already there
        again.WaitForAssertion(() => Assert.Single(again.FindAll("[data-testid=to-confirm-item]")));
        Assert.Equal(changedSince.ToString(), again.Find("[data-testid=to-confirm-item]").GetAttribute("data-specimen"));
        Assert.Contains("1 specimen version waits for your confirmation:", again.Find("[data-testid=to-confirm]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_examiner_has_no_list_to_confirm()
    {
        SignInAs("examiner@desc.local");

        var cut = RenderWithProviders<global::DescPortal.Web.Features.Home.Home>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=home-title]")));
        Assert.Empty(cut.FindAll("[data-testid=to-confirm]"));
    }

    [Fact]
    public async Task The_query_gives_nothing_to_anyone_but_the_issuing_authority_of_a_country()
    {
        // A country of this test's own: the other test here counts what waits for its authority.
        const string country = "XXK";
        var waiting = await SpecimenAsync(country, submit: true);
        var authority = OwnAuthority with { CountryCode = country };
        var queries = Host.Services.GetRequiredService<LibraryQueries>();

        Assert.Equal([waiting], (await queries.AwaitingConfirmationAsync(authority, Ct)).Select(e => e.Id));
        Assert.Empty(await queries.AwaitingConfirmationAsync(Editor with { CountryCode = country }, Ct));
        Assert.Empty(await queries.AwaitingConfirmationAsync(authority with { CountryCode = null }, Ct));
        Assert.Empty(await queries.AwaitingConfirmationAsync(authority with { ViaApiKey = true }, Ct));
    }

    /// <summary>Signs in as the issuing authority of a country, with the claims the portal's cookie carries.</summary>
    private void SignInAsAuthorityOf(string country)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized($"authority.{country.ToLowerInvariant()}@test.local");
        auth.SetRoles(Roles.IssuingAuthority);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, OwnAuthority.UserId), new Claim(DescClaims.DisplayName, OwnAuthority.DisplayName),
            new Claim(DescClaims.Country, country));
    }

    /// <summary>A passport of <paramref name="state"/> with one image (version 2), submitted for confirmation or left a draft.</summary>
    private async Task<Guid> SpecimenAsync(string state, bool submit)
    {
        var id = Guid.NewGuid();
        await Commands.CreateAsync(Editor, id, state, new SpecimenDetails(DocumentType.Passport, "Home test " + id.ToString("N")[..6],
            new DateOnly(2021, 1, 1), null, DocumentFormat.TD3, "Made by a home page test.", [DocumentArea.DataPage]), Ct);
        using var bytes = new MemoryStream(TestImages.Png(320, 200, Random.Shared.Next()));
        await Commands.AddImageAsync(Editor, id, Guid.NewGuid(), bytes, DocumentArea.DataPage, LightSource.White, 300, null, null, null, Ct);
        if (submit) await Commands.SubmitForConfirmationAsync(Editor, id, Ct);
        return id;
    }

    private async Task<SpecimenImage> ImageOfAsync(Guid id) =>
        (await Host.Services.GetRequiredService<LibraryQueries>().LoadAsync(Editor, id, Ct))!.Specimen.Images[0];

    private static SecurityFeature Guilloche(SpecimenImage image) =>
        new(Guid.NewGuid(), SecurityFeatureCategory.SecurityPrinting, "Guilloche", [LightSource.White], 1, "Guilloche behind the portrait.",
            [new FeatureLocation(image.ImageId, 10, 10, 100, 50)]);
}
