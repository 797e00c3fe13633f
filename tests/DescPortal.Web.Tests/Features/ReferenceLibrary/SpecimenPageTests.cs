using AngleSharp.Dom;
using Bunit;
using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Testing;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Xunit;
using DescPortal.DemoData;

namespace DescPortal.Web.Tests.Features.ReferenceLibrary;

/// <summary>
/// The specimen page against the seeded demo specimens (read-only tests) and against specimens each test creates for
/// itself (tests that change something: the host is shared by every test class).
/// </summary>
public sealed class SpecimenPageTests(ComponentHost host) : ComponentTest(host)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly UserScope Editor =
        new("test-library-editor", "Lena Librarian", new HashSet<string> { Roles.Examiner }, null, null, false);

    private IRenderedComponent<SpecimenPage> RenderPage(Guid id) =>
        RenderWithProviders<SpecimenPage>(p => p.Add(x => x.Id, id));

    private static void WaitLoaded(IRenderedComponent<SpecimenPage> cut) =>
        cut.WaitForAssertion(() => Assert.True(
            cut.FindAll("[data-testid=specimen-title]").Count + cut.FindAll("[data-testid=specimen-not-found]").Count > 0));

    private static Task ClickAsync<T>(IRenderedComponent<T> cut, string selector) where T : IComponent =>
        cut.InvokeAsync(() => cut.Find(selector).Click());

    [Fact]
    public void A_confirmed_specimen_says_who_confirmed_which_version_and_when()
    {
        SignInAs("examiner@desc.local");

        var cut = RenderPage(LibrarySeeding.IdOf("UTO-P-2007"));

        WaitLoaded(cut);
        var banner = cut.Find("[data-testid=confirmation-banner]");
        Assert.Equal("confirmed", banner.GetAttribute("data-state"));
        Assert.Matches(@"Confirmed by the issuer: Issuing authority of UTO, \d{1,2} \w{3} \d{4}, version \d+", banner.TextContent);
        Assert.Equal("Confirmed", cut.Find("[data-testid=specimen-status]").GetAttribute("data-status"));
        Assert.NotEmpty(cut.FindAll("[data-testid=history-entry]"));
        Assert.Contains(cut.FindAll("[data-testid=history-entry]"), h => h.GetAttribute("data-type") == nameof(SpecimenConfirmed));
        // An examiner edits; only the issuing authority confirms.
        Assert.Empty(cut.FindAll("[data-testid=confirm-version]"));
        Assert.Empty(cut.FindAll("[data-testid=propose-correction]"));
    }

    [Fact]
    public async Task A_confirmation_that_came_in_a_partners_archive_is_shown_as_made_at_that_partner_never_as_here()
    {
        var examiner = SignInAs("examiner@desc.local");
        using var exported = new MemoryStream();
        var visa = LibrarySeeding.IdOf("UTO-V-2018");
        await Host.Services.GetRequiredService<Web.Features.ReferenceLibrary.Exchange.ArchiveExport>().ExportAsync(examiner, [visa], exported, Ct);
        using var key = SpecimenArchives.NewKey();
        // The archive claims the issuer's confirmation was made by this portal's own authority of UTO.
        var archive = SpecimenArchives.Forge(exported.ToArray(), key, (manifest, _) =>
        {
            var specimen = manifest["specimens"]![0]!;
            specimen["confirmations"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["version"] = (int)specimen["version"]!, ["confirmedByName"] = "Issuing authority of UTO", ["confirmedByUserId"] = "authority-uto",
                ["country"] = "UTO", ["at"] = "2026-12-01T09:00:00+00:00",
            });
        }, name: "Centre Page Test");
        await SpecimenArchives.TrustSignerAsync(Host.Services, archive, Ct);
        var imported = await Host.Services.GetRequiredService<Web.Features.ReferenceLibrary.Exchange.ArchiveImport>()
            .ImportAsync(examiner, new MemoryStream(archive), Ct);

        var cut = RenderPage(imported.Specimens[0].SpecimenId!.Value);

        WaitLoaded(cut);
        var banner = cut.Find("[data-testid=confirmation-banner]");
        Assert.Equal("partner", banner.GetAttribute("data-state"));
        Assert.Matches(@"^Confirmed by the issuer at Centre Page Test: Issuing authority of UTO, 1 Dec 2026, version \d+", banner.TextContent.Trim());
        Assert.Contains("it has not confirmed it here", banner.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirmed by the issuer:", banner.TextContent, StringComparison.Ordinal);
        var status = cut.Find("[data-testid=specimen-status]");
        Assert.Equal(nameof(SpecimenStatus.ConfirmedAtPartner), status.GetAttribute("data-status"));
        Assert.Equal("Confirmed by the issuer at Centre Page Test", status.TextContent.Trim());
        // An editor may ask the issuing authority to confirm it here.
        Assert.NotNull(cut.Find("[data-testid=submit-confirmation]"));
    }

    [Fact]
    public void A_specimen_changed_after_its_confirmation_says_so_plainly()
    {
        SignInAs("trainer@desc.local");

        var cut = RenderPage(LibrarySeeding.IdOf("XXB-P-2019"));

        WaitLoaded(cut);
        var banner = cut.Find("[data-testid=confirmation-banner]");
        Assert.Equal("changed", banner.GetAttribute("data-state"));
        Assert.Contains("Changed since the issuer confirmed version", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("not yet confirmed again", banner.TextContent, StringComparison.Ordinal);
        // A trainer reads; no action of any kind.
        Assert.Empty(cut.FindAll("[data-testid=withdraw-specimen], [data-testid=submit-confirmation], [data-testid=confirm-version]"));
    }

    [Fact]
    public async Task Switching_to_uv_shows_the_uv_image_and_draws_only_the_features_located_on_it()
    {
        var id = LibrarySeeding.IdOf("UTO-P-2007");
        var specimen = (await LoadAsync(id)).Specimen;
        var white = specimen.Images.Single(i => i is { Area: DocumentArea.DataPage, LightSource: LightSource.White });
        var uv = specimen.Images.Single(i => i is { Area: DocumentArea.DataPage, LightSource: LightSource.UV365 });
        SignInAs("examiner@desc.local");
        var cut = RenderPage(id);
        WaitLoaded(cut);

        // White first, with the regions of the white image.
        Assert.Equal(white.ImageId.ToString(), cut.Find("[data-testid=specimen-image]").GetAttribute("data-image"));
        Assert.Equal(RegionCount(specimen, white), cut.FindAll("[data-testid=feature-region]").Count);

        await ClickAsync(cut, "[data-testid=light-UV365]");

        cut.WaitForAssertion(() =>
            Assert.Equal(uv.ImageId.ToString(), cut.Find("[data-testid=specimen-image]").GetAttribute("data-image")));
        var img = cut.Find("[data-testid=specimen-image]");
        Assert.Equal($"library/{id}/images/{uv.ImageId}", img.GetAttribute("src"));
        Assert.Equal("UV365", img.GetAttribute("data-light"));
        var svg = cut.Find("svg.lib-overlay");
        Assert.Equal($"0 0 {uv.Width} {uv.Height}", svg.GetAttribute("viewBox"));

        var onUv = NumbersOn(specimen, uv);
        var drawn = cut.FindAll("[data-testid=feature-region]");
        Assert.Equal(RegionCount(specimen, uv), drawn.Count);
        Assert.All(drawn, r => Assert.Contains(r.GetAttribute("data-feature"), onUv));
        // The list keeps every feature and marks those on this image; the numbers on the image are theirs.
        var items = cut.FindAll("[data-testid=feature-item]");
        Assert.Equal(specimen.Features.Count, items.Count);
        Assert.Equal(onUv.Order(), items.Where(i => i.GetAttribute("data-on-image") == "true").Select(i => i.GetAttribute("data-feature")!).Order());
        // Each region's tag is the number of its feature in the list.
        Assert.All(cut.FindAll("g.lib-region"), g => Assert.Equal(g.GetAttribute("data-feature"), "f" + g.QuerySelector("text")!.TextContent.Trim()));
    }

    [Fact]
    public async Task Selecting_a_feature_highlights_its_regions_and_brings_up_an_image_it_is_on()
    {
        SignInAs("examiner@desc.local");
        var cut = RenderPage(LibrarySeeding.IdOf("UTO-P-2007"));
        WaitLoaded(cut);

        // The IR-absorbing ink is only on the IR image: selecting it switches the light.
        var irItem = cut.FindAll("[data-testid=feature-item]").First(i => i.TextContent.Contains("IR-absorbing", StringComparison.Ordinal));
        var number = irItem.GetAttribute("data-feature");
        Assert.Equal("false", irItem.GetAttribute("data-on-image"));
        await cut.InvokeAsync(() => cut.Find($"li[data-feature={number}] button").Click());

        cut.WaitForAssertion(() => Assert.Equal("IR", cut.Find("[data-testid=specimen-image]").GetAttribute("data-light")));
        Assert.Contains("is-selected", cut.Find($"li[data-feature={number}]").ClassName, StringComparison.Ordinal);
        Assert.All(cut.FindAll($"g.lib-region[data-feature={number}]"), g => Assert.Contains("is-selected", g.ClassName, StringComparison.Ordinal));
        Assert.NotEmpty(cut.FindAll($"g.lib-region[data-feature={number}]"));
        Assert.Equal("true", cut.Find("[data-testid=light-IR]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void An_issuing_authority_cannot_see_another_countrys_specimen()
    {
        SignInAs("authority@desc.local");

        var cut = RenderPage(LibrarySeeding.IdOf("XXA-P-2021"));

        WaitLoaded(cut);
        Assert.NotNull(cut.Find("[data-testid=specimen-not-found]"));
        Assert.Empty(cut.FindAll("[data-testid=specimen-image], [data-testid=confirmation-banner], [data-testid=history-entry]"));
        Assert.DoesNotContain("XXA", cut.Markup, StringComparison.Ordinal);

        // The same answer as for an id that does not exist at all.
        var missing = Render<SpecimenPage>(p => p.Add(x => x.Id, Guid.NewGuid()));
        WaitLoaded(missing);
        Assert.Equal(missing.Find("[data-testid=specimen-not-found]").TextContent, cut.Find("[data-testid=specimen-not-found]").TextContent);
    }

    [Fact]
    public async Task The_issuing_authority_confirms_the_version_it_sees_and_the_banner_turns_confirmed()
    {
        var id = await CreateSpecimenAsync(submit: true);
        SignInAs("authority@desc.local");
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage(id);
        WaitLoaded(cut);
        Assert.Equal("unconfirmed", cut.Find("[data-testid=confirmation-banner]").GetAttribute("data-state"));
        Assert.Equal("AwaitingConfirmation", cut.Find("[data-testid=specimen-status]").GetAttribute("data-status"));
        var version = (await LoadAsync(id)).ContentVersion;
        Assert.Contains($"Confirm version {version}", cut.Find("[data-testid=confirm-version]").TextContent, StringComparison.Ordinal);

        await ClickAsync(cut, "[data-testid=confirm-version]");
        dialogs.WaitForAssertion(() => Assert.Contains($"version {version}", dialogs.Find("[data-testid=dialog-message]").TextContent,
            StringComparison.Ordinal));
        await ClickAsync(dialogs, "[data-testid=confirm-dialog-ok]");

        cut.WaitForAssertion(() =>
        {
            var banner = cut.Find("[data-testid=confirmation-banner]");
            Assert.Equal("confirmed", banner.GetAttribute("data-state"));
            Assert.Contains($"Confirmed by the issuer: Umar Utopia, ", banner.TextContent, StringComparison.Ordinal);
            Assert.Contains($"version {version}", banner.TextContent, StringComparison.Ordinal);
        });
        Assert.Empty(cut.FindAll("[data-testid=confirm-version]"));
        var entry = await LoadAsync(id);
        Assert.True(entry.Specimen.ConfirmedByIssuer);
        Assert.Equal(version, entry.Specimen.LastConfirmedVersion);
    }

    [Fact]
    public async Task A_correction_proposed_by_the_authority_reaches_the_examiner_who_rejects_it_with_a_reason()
    {
        var id = await CreateSpecimenAsync(submit: true);
        var authority = SignInAs("authority@desc.local");
        var page = RenderPage(id);
        WaitLoaded(page);

        await ClickAsync(page, "[data-testid=propose-correction]");
        // Nothing typed: refused on the page, nothing sent.
        await ClickAsync(page, "[data-testid=correction-submit]");
        Assert.NotNull(page.Find("[data-testid=correction-error]"));
        var feature = (await LoadAsync(id)).Specimen.Features.Single(f => f.Type == "InvisibleFibres");
        page.Find("[data-testid=correction-feature]").Change(feature.FeatureId.ToString());
        page.Find("[data-testid=correction-text]").Input("The fibres are yellow and blue only; there are no red ones.");
        await ClickAsync(page, "[data-testid=correction-submit]");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=correction-item]")));
        Assert.Empty(page.FindAll("[data-testid=correction-form]"));
        var proposed = (await LoadAsync(id)).Specimen.Corrections.Single();
        Assert.Equal(feature.FeatureId, proposed.FeatureId);
        Assert.Equal(authority.DisplayName, proposed.ProposedByName);

        // The examiner, in a browser of their own.
        await using var examiner = new OtherUser(Host, "examiner@desc.local");
        var dialogs = examiner.Render<MudDialogProvider>();
        var cut = examiner.RenderWithProviders<SpecimenPage>(p => p.Add(x => x.Id, id));
        WaitLoaded(cut);
        var item = cut.Find("[data-testid=correction-item]");
        Assert.Equal("Open", item.GetAttribute("data-status"));
        Assert.Contains("no red ones", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Umar Utopia", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Invisible fluorescent fibres", item.TextContent, StringComparison.Ordinal);

        await ClickAsync(cut, "[data-testid=reject-correction]");
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=confirm-dialog-ok]")));
        // A reason is required: OK without one keeps the dialog open.
        await ClickAsync(dialogs, "[data-testid=confirm-dialog-ok]");
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=dialog-error]")));
        dialogs.Find("[data-testid=dialog-text]").Input("Red fibres are in the 2007 paper too; see the specimen under UV.");
        await ClickAsync(dialogs, "[data-testid=confirm-dialog-ok]");

        cut.WaitForAssertion(() =>
        {
            var rejected = cut.Find("[data-testid=correction-item]");
            Assert.Equal("Rejected", rejected.GetAttribute("data-status"));
            Assert.Contains("Red fibres are in the 2007 paper too", rejected.TextContent, StringComparison.Ordinal);
        });
        Assert.Empty(cut.FindAll("[data-testid=reject-correction], [data-testid=apply-correction]"));
        var resolved = (await LoadAsync(id)).Specimen.Corrections.Single();
        Assert.Equal(CorrectionStatus.Rejected, resolved.Status);
        Assert.Contains(cut.FindAll("[data-testid=history-entry]"), h => h.GetAttribute("data-type") == nameof(SpecimenCorrectionRejected));
    }

    [Fact]
    public async Task A_confirmation_of_a_version_changed_meanwhile_is_refused_and_the_page_shows_the_new_version()
    {
        var id = await CreateSpecimenAsync(submit: true);
        SignInAs("authority@desc.local");
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage(id);
        WaitLoaded(cut);
        var seen = (await LoadAsync(id)).ContentVersion;
        await ClickAsync(cut, "[data-testid=confirm-version]");
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=confirm-dialog-ok]")));

        // An editor changes the specimen while the authority reads the dialog: what it looked at is no longer current.
        var white = (await LoadAsync(id)).Specimen.Images.Single(i => i.LightSource == LightSource.White);
        await Host.Services.GetRequiredService<LibraryCommands>().AddFeatureAsync(Editor, id, new SecurityFeature(Guid.NewGuid(),
            SecurityFeatureCategory.SecurityPrinting, "Microprinting", [LightSource.White], 2, "Microtext under the header.",
            [new FeatureLocation(white.ImageId, 20, 20, 100, 10)]), Ct);
        await ClickAsync(dialogs, "[data-testid=confirm-dialog-ok]");

        cut.WaitForAssertion(() =>
            Assert.Contains($"Confirm version {seen + 1}", cut.Find("[data-testid=confirm-version]").TextContent, StringComparison.Ordinal));
        Assert.Equal("unconfirmed", cut.Find("[data-testid=confirmation-banner]").GetAttribute("data-state"));
        Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars,
            b => b.Message?.Contains($"Version {seen} was changed", StringComparison.Ordinal) == true);
        Assert.False((await LoadAsync(id)).Specimen.ConfirmedByIssuer);
    }

    [Fact]
    public async Task An_editor_withdraws_a_specimen_with_a_reason_and_it_then_accepts_no_changes()
    {
        var id = await CreateSpecimenAsync(submit: false);
        SignInAs("examiner@desc.local");
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage(id);
        WaitLoaded(cut);
        Assert.Equal("Draft", cut.Find("[data-testid=specimen-status]").GetAttribute("data-status"));
        Assert.NotNull(cut.Find("[data-testid=submit-confirmation]"));

        await ClickAsync(cut, "[data-testid=withdraw-specimen]");
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=dialog-text]")));
        dialogs.Find("[data-testid=dialog-text]").Input("Replaced by the 2024 series.");
        await ClickAsync(dialogs, "[data-testid=confirm-dialog-ok]");

        cut.WaitForAssertion(() => Assert.Equal("Withdrawn", cut.Find("[data-testid=specimen-status]").GetAttribute("data-status")));
        Assert.Contains("Replaced by the 2024 series.", cut.Find("[data-testid=withdrawn-banner]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=withdraw-specimen], [data-testid=submit-confirmation]"));
    }

    [Fact]
    public async Task An_editor_applies_an_open_correction_with_a_note()
    {
        var id = await CreateSpecimenAsync(submit: true);
        var authority = new UserScope("test-authority-uto", "Umar Utopia", new HashSet<string> { Roles.IssuingAuthority }, null, "UTO", false);
        await Host.Services.GetRequiredService<LibraryCommands>().ProposeCorrectionAsync(authority, id, Guid.NewGuid(), null,
            "The series name is 'Residence permit, 2020 series'.", Ct);
        SignInAs("examiner@desc.local");
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage(id);
        WaitLoaded(cut);
        Assert.NotNull(cut.Find("[data-testid=open-corrections-hint]"));

        await ClickAsync(cut, "[data-testid=apply-correction]");
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=dialog-text]")));
        dialogs.Find("[data-testid=dialog-text]").Input("Renamed as asked.");
        await ClickAsync(dialogs, "[data-testid=confirm-dialog-ok]");

        cut.WaitForAssertion(() => Assert.Equal("Applied", cut.Find("[data-testid=correction-item]").GetAttribute("data-status")));
        Assert.Contains("Renamed as asked.", cut.Find("[data-testid=correction-resolution]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=open-corrections-hint]"));
    }

    [Fact]
    public async Task An_editor_adds_a_feature_from_a_region_drawn_on_the_image_and_it_is_drawn_listed_and_in_the_history()
    {
        var id = await CreateSpecimenAsync(submit: false);
        var white = (await LoadAsync(id)).Specimen.Images.Single(i => i.LightSource == LightSource.White);
        SignInAs("examiner@desc.local");
        var cut = RenderPage(id);
        WaitLoaded(cut);

        await ClickAsync(cut, "[data-testid=add-feature]");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=feature-editor]")));
        Assert.Empty(cut.FindAll("[data-testid=feature-list]"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=feature-category]").Change("Ink"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=feature-type]").Change("OpticallyVariable"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=feature-level-2]").Change(true));
        await cut.InvokeAsync(() => cut.Find("[data-testid=feature-description]").Input("Colour shifts from green to blue when tilted."));
        // The browser's finished drag: in image pixels, through the same entry point the script calls.
        var viewer = cut.FindComponent<SpecimenViewer>();
        await cut.InvokeAsync(() => viewer.Instance.RegionDrawn(120, 40, 80, 50));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=region-item]")));
        Assert.Single(cut.FindAll("[data-testid=draft-region]"));
        Assert.Equal("120", cut.Find("[data-testid=region-x]").GetAttribute("value"));
        // The first region ticks the light of its image.
        Assert.True(cut.Find("[data-testid=feature-light-White]").HasAttribute("checked"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=feature-editor]").Submit());

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=feature-item]").Count));
        var added = (await LoadAsync(id)).Specimen.Features.Single(f => f.Type == "OpticallyVariable");
        Assert.Equal(SecurityFeatureCategory.Ink, added.Category);
        Assert.Equal(2, added.InspectionLevel);
        Assert.Equal([LightSource.White], added.Lights);
        Assert.Equal(new FeatureLocation(white.ImageId, 120, 40, 80, 50), Assert.Single(added.Locations));
        Assert.Contains(cut.FindAll("[data-testid=feature-region]"), r => r.GetAttribute("x") == "120" && r.GetAttribute("width") == "80");
        Assert.Contains(cut.FindAll("[data-testid=history-entry]"), h => h.GetAttribute("data-type") == nameof(SecurityFeatureAdded));
    }

    [Fact]
    public async Task A_region_from_the_browser_is_kept_within_the_image()
    {
        var id = await CreateSpecimenAsync(submit: false);
        var white = (await LoadAsync(id)).Specimen.Images.Single(i => i.LightSource == LightSource.White);
        SignInAs("examiner@desc.local");
        var cut = RenderPage(id);
        WaitLoaded(cut);
        await ClickAsync(cut, "[data-testid=add-feature]");
        var viewer = cut.FindComponent<SpecimenViewer>();

        await cut.InvokeAsync(() => viewer.Instance.RegionDrawn(-50, 200, 100_000, 400));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=region-item]")));
        Assert.Equal("0", cut.Find("[data-testid=region-x]").GetAttribute("value"));
        Assert.Equal(white.Width.ToString(System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=region-width]").GetAttribute("value"));
        Assert.Equal((white.Height - 200).ToString(System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=region-height]").GetAttribute("value"));
    }

    [Fact]
    public async Task A_feature_the_library_refuses_stays_open_with_everything_entered_and_says_why()
    {
        var id = await CreateSpecimenAsync(submit: false);
        var before = (await LoadAsync(id)).ContentVersion;
        SignInAs("examiner@desc.local");
        var cut = RenderPage(id);
        WaitLoaded(cut);
        await ClickAsync(cut, "[data-testid=add-feature]");

        // Nothing entered: each field says what it needs, and nothing is sent.
        await cut.InvokeAsync(() => cut.Find("[data-testid=feature-editor]").Submit());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=feature-error-type]")));
        Assert.NotNull(cut.Find("[data-testid=feature-error-description]"));
        Assert.NotNull(cut.Find("[data-testid=feature-error-regions]"));

        // A UV feature located on the white image: the library refuses and names the region.
        await cut.InvokeAsync(() => cut.Find("[data-testid=feature-category]").Change("Ink"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=feature-type]").Change("UvFluorescent"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=feature-light-UV365]").Change(true));
        await cut.InvokeAsync(() => cut.Find("[data-testid=feature-description]").Input("Seal fluoresces orange."));
        await cut.InvokeAsync(() => cut.FindComponent<SpecimenViewer>().Instance.RegionDrawn(10, 10, 40, 40));
        await cut.InvokeAsync(() => cut.Find("[data-testid=feature-editor]").Submit());

        cut.WaitForAssertion(() => Assert.Contains("Region 1 is on the DataPage image taken under White light",
            cut.Find("[data-testid=feature-refusal]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Seal fluoresces orange.", cut.Find("[data-testid=feature-description]").GetAttribute("value") ?? cut.Find("[data-testid=feature-description]").TextContent);
        Assert.Single(cut.FindAll("[data-testid=region-item]"));
        Assert.Equal(before, (await LoadAsync(id)).ContentVersion);
    }

    [Fact]
    public async Task An_editor_changes_a_features_region_to_the_pixel_and_removes_another_feature()
    {
        var id = await CreateSpecimenAsync(submit: false);
        var specimen = (await LoadAsync(id)).Specimen;
        var guilloche = specimen.Features.Single(f => f.Type == "Guilloche");
        SignInAs("examiner@desc.local");
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage(id);
        WaitLoaded(cut);

        await ClickAsync(cut, "li[data-feature=f1] button");
        await ClickAsync(cut, "[data-testid=edit-feature]");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=region-item]")));
        await cut.InvokeAsync(() => cut.Find("[data-testid=region-width]").Change("150"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=feature-editor]").Submit());
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=history-entry]"),
            h => h.GetAttribute("data-type") == nameof(SecurityFeatureChanged)));
        Assert.Equal(150, (await LoadAsync(id)).Specimen.FindFeature(guilloche.FeatureId)!.Locations[0].Width);

        // The fibres (level 2, number 2): open, remove, confirm.
        await ClickAsync(cut, "li[data-feature=f2] button");
        await ClickAsync(cut, "[data-testid=edit-feature]");
        await ClickAsync(cut, "[data-testid=feature-remove]");
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=confirm-dialog-ok]")));
        await ClickAsync(dialogs, "[data-testid=confirm-dialog-ok]");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=feature-item]")));
        Assert.Single((await LoadAsync(id)).Specimen.Features);
    }

    [Fact]
    public async Task An_image_is_checked_by_its_content_and_a_refused_file_keeps_the_form()
    {
        var id = await CreateSpecimenAsync(submit: false);
        SignInAs("examiner@desc.local");
        var cut = RenderPage(id);
        WaitLoaded(cut);
        await ClickAsync(cut, "[data-testid=add-image]");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=image-form]")));

        // Text named like a picture: refused by its content; the form keeps what was entered.
        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromBinary(TestImages.Text(), "ir-scan.png", contentType: "image/png"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=image-light]").Change("IR"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=image-note]").Change("Reflected IR, 850 nm filter"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=image-form]").Submit());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=image-error-file]")));
        Assert.Equal("Reflected IR, 850 nm filter", cut.Find("[data-testid=image-note]").GetAttribute("value"));
        Assert.Equal(2, (await LoadAsync(id)).Specimen.Images.Count);

        // A real PNG: stored, shown under IR.
        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromBinary(TestImages.Png(400, 250, Random.Shared.Next()), "ir-scan.png", contentType: "image/png"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=image-form]").Submit());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=image-form]")));
        var ir = Assert.Single((await LoadAsync(id)).Specimen.Images, i => i.LightSource == LightSource.IR);
        Assert.Equal("Reflected IR, 850 nm filter", ir.Note);
        Assert.Equal(300, ir.Dpi);
        Assert.NotNull(cut.Find("[data-testid=light-IR]"));
    }

    [Fact]
    public async Task An_editor_changes_the_details_and_the_version_rises()
    {
        var id = await CreateSpecimenAsync(submit: false);
        var before = (await LoadAsync(id)).ContentVersion;
        SignInAs("examiner@desc.local");
        var cut = RenderPage(id);
        WaitLoaded(cut);
        await ClickAsync(cut, "[data-testid=edit-details]");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=specimen-details-form]")));
        // The issuing state decides who confirms: it is not offered for change.
        Assert.Empty(cut.FindAll("[data-testid=details-state]"));
        // Images show the data page: it cannot be unticked.
        Assert.True(cut.Find("[data-testid=details-area-DataPage]").HasAttribute("disabled"));

        await cut.InvokeAsync(() => cut.Find("[data-testid=details-series]").Input("Residence permit, 2020 series (renamed)"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=details-to]").Change("2019-12-31"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=specimen-details-form]").Submit());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=details-error-issuedTo]")));

        await cut.InvokeAsync(() => cut.Find("[data-testid=details-to]").Change("2023-12-31"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=specimen-details-form]").Submit());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=specimen-details-form]")));
        var after = await LoadAsync(id);
        Assert.Equal("Residence permit, 2020 series (renamed)", after.Specimen.Series);
        Assert.Equal(new DateOnly(2023, 12, 31), after.Specimen.IssuedTo);
        Assert.Equal(before + 1, after.ContentVersion);
        Assert.Contains("Residence permit, 2020 series (renamed)", cut.Find("[data-testid=specimen-title]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trainer@desc.local")]
    [InlineData("authority@desc.local")]
    public async Task Readers_and_issuing_authorities_get_no_editing_controls(string email)
    {
        var id = await CreateSpecimenAsync(submit: true);
        SignInAs(email);
        var cut = RenderPage(id);
        WaitLoaded(cut);
        Assert.NotNull(cut.Find("[data-testid=feature-list]"));
        Assert.Empty(cut.FindAll("[data-testid=add-feature], [data-testid=edit-feature], [data-testid=edit-details], [data-testid=add-image]"));
    }

    /// <summary>A second user at the same time, with a render tree and sign-in of their own.</summary>
    private sealed class OtherUser : ComponentTest
    {
        public OtherUser(ComponentHost host, string email) : base(host) => SignInAs(email);

        public new IRenderedComponent<T> RenderWithProviders<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
            where T : IComponent => base.RenderWithProviders(parameters);
    }

    private static int RegionCount(Specimen s, SpecimenImage image) => s.Features.Sum(f => f.Locations.Count(l => l.ImageId == image.ImageId));

    /// <summary>The list numbers ("f3") of the features located on the image.</summary>
    private static List<string> NumbersOn(Specimen s, SpecimenImage image) =>
        [.. s.Features.OrderBy(f => f.InspectionLevel).Select((f, i) => (f, n: "f" + (i + 1)))
            .Where(x => x.f.Locations.Any(l => l.ImageId == image.ImageId)).Select(x => x.n)];

    private async Task<LibraryEntry> LoadAsync(Guid id) =>
        await Host.Services.GetRequiredService<LibraryQueries>().LoadAsync(Editor, id, Ct) ?? throw new InvalidOperationException("No specimen " + id);

    /// <summary>A UTO residence permit of its own (white and UV images, two features), so that changing it disturbs no other test.</summary>
    private async Task<Guid> CreateSpecimenAsync(bool submit)
    {
        var commands = Host.Services.GetRequiredService<LibraryCommands>();
        var id = Guid.NewGuid();
        await commands.CreateAsync(Editor, id, "UTO",
            new SpecimenDetails(DocumentType.ResidencePermit, "Test permit " + id.ToString("N")[..6], new DateOnly(2020, 1, 1), null,
                DocumentFormat.TD1, "Residence permit made by a component test.", [DocumentArea.DataPage]), Ct);
        var seed = Random.Shared.Next(1000, int.MaxValue);
        using var whiteBytes = new MemoryStream(TestImages.Png(400, 250, seed));
        var white = await commands.AddImageAsync(Editor, id, Guid.NewGuid(), whiteBytes, DocumentArea.DataPage, LightSource.White, 300, null, null, null, Ct);
        using var uvBytes = new MemoryStream(TestImages.Png(400, 250, seed + 1));
        var uv = await commands.AddImageAsync(Editor, id, Guid.NewGuid(), uvBytes, DocumentArea.DataPage, LightSource.UV365, 300, 365, null, null, Ct);
        await commands.AddFeatureAsync(Editor, id, new SecurityFeature(Guid.NewGuid(), SecurityFeatureCategory.SecurityPrinting, "Guilloche",
            [LightSource.White], 1, "Guilloche over the whole front.", [new FeatureLocation(white.ImageId, 10, 10, 300, 200)]), Ct);
        await commands.AddFeatureAsync(Editor, id, new SecurityFeature(Guid.NewGuid(), SecurityFeatureCategory.Substrate, "InvisibleFibres",
            [LightSource.UV365], 2, "Red, yellow and blue fibres under UV.", [new FeatureLocation(uv.ImageId, 50, 40, 60, 30)]), Ct);
        if (submit) await commands.SubmitForConfirmationAsync(Editor, id, Ct);
        return id;
    }
}
