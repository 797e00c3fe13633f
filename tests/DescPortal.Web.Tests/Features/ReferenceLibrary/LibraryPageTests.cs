using Bunit;
using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using DescPortal.Web.Features.ReferenceLibrary;
using Xunit;
using DescPortal.DemoData;

namespace DescPortal.Web.Tests.Features.ReferenceLibrary;

/// <summary>The library's list page against the seeded demo specimens (UTO passport, card and visa; XXA and XXB passports).</summary>
public sealed class LibraryPageTests(ComponentHost host) : ComponentTest(host)
{

    private static string IdOf(string key) => LibrarySeeding.IdOf(key).ToString();

    /// <summary>
    /// The page at its largest page size: other test classes add specimens of their own to the same library, and the
    /// demo specimens must not depend on how many (the first page holds 12).
    /// </summary>
    private IRenderedComponent<LibraryPage> RenderLibrary()
    {
        var cut = RenderWithProviders<LibraryPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=pager] select")));
        cut.Find("[data-testid=pager] select").Change("48");
        return cut;
    }

    private static List<string> Listed(IRenderedComponent<LibraryPage> cut) =>
        [.. cut.FindAll("[data-testid=library-result]").Select(r => r.GetAttribute("data-specimen")!)];

    [Fact]
    public void An_examiner_sees_the_specimens_of_every_country()
    {
        SignInAs("examiner@desc.local");

        var cut = RenderLibrary();

        cut.WaitForAssertion(() =>
        {
            var listed = Listed(cut);
            Assert.Contains(IdOf("UTO-P-2007"), listed);
            Assert.Contains(IdOf("XXA-P-2021"), listed);
            Assert.Contains(IdOf("XXB-P-2019"), listed);
        });
        var uto = cut.Find($"[data-specimen='{IdOf("UTO-P-2007")}']");
        Assert.Contains("Utopia", uto.TextContent, StringComparison.Ordinal);
        Assert.Equal("Confirmed", uto.QuerySelector("[data-testid=specimen-status]")!.GetAttribute("data-status"));
        var img = uto.QuerySelector("img")!;
        Assert.StartsWith($"library/{IdOf("UTO-P-2007")}/images/", img.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.NotNull(img.GetAttribute("width"));
        Assert.Equal("ChangedSinceConfirmation",
            cut.Find($"[data-specimen='{IdOf("XXB-P-2019")}'] [data-testid=specimen-status]").GetAttribute("data-status"));
    }

    [Fact]
    public void An_issuing_authority_sees_the_specimens_of_its_own_country_only()
    {
        SignInAs("authority@desc.local");

        var cut = RenderLibrary();

        cut.WaitForAssertion(() =>
        {
            var listed = Listed(cut);
            Assert.Contains(IdOf("UTO-P-2007"), listed);
            Assert.Contains(IdOf("UTO-V-2018"), listed);
        });
        Assert.DoesNotContain(IdOf("XXA-P-2021"), Listed(cut));
        Assert.DoesNotContain(IdOf("XXB-P-2019"), Listed(cut));
        Assert.All(cut.FindAll("[data-testid=library-result]"), r => Assert.Equal("UTO", r.GetAttribute("data-state")));
        Assert.DoesNotContain("XXA", cut.Markup, StringComparison.Ordinal);
        // Its scope is fixed: no issuing-state filter to try another country with.
        Assert.Empty(cut.FindAll("[data-testid=filter-state]"));
        Assert.Contains("Utopia", cut.Find("[data-testid=library-scope]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Filtering_by_feature_type_and_document_type_narrows_the_list()
    {
        SignInAs("trainer@desc.local");
        var cut = RenderLibrary();
        cut.WaitForAssertion(() => Assert.Contains(IdOf("XXA-P-2021"), Listed(cut)));

        // Planchettes: only the XXB passport has them.
        ChangeFilter(cut, "filter-feature", "Planchettes");
        // (Other test classes may add copies of their own to the shared library: the demo entries are what is checked.)
        cut.WaitForAssertion(() =>
        {
            var listed = Listed(cut);
            Assert.Contains(IdOf("XXB-P-2019"), listed);
            Assert.DoesNotContain(IdOf("XXA-P-2021"), listed);
            Assert.DoesNotContain(IdOf("UTO-P-2007"), listed);
        });

        ChangeFilter(cut, "filter-feature", "");
        ChangeFilter(cut, "filter-type", "Visa");
        cut.WaitForAssertion(() =>
        {
            var listed = Listed(cut);
            Assert.Contains(IdOf("UTO-V-2018"), listed);
            Assert.DoesNotContain(IdOf("UTO-P-2007"), listed);
        });

        // The UTO 2007 series was issued until 2016: none of them in 2020.
        ChangeFilter(cut, "filter-type", "");
        ChangeFilter(cut, "filter-year", "2020");
        cut.WaitForAssertion(() =>
        {
            var listed = Listed(cut);
            Assert.Contains(IdOf("XXB-P-2019"), listed);
            Assert.DoesNotContain(IdOf("UTO-P-2007"), listed);
            Assert.DoesNotContain(IdOf("UTO-I-2007"), listed);
        });
    }

    [Fact]
    public void Free_text_searches_the_descriptions_and_says_when_nothing_matches()
    {
        SignInAs("examiner@desc.local");
        var cut = RenderLibrary();
        cut.WaitForAssertion(() => Assert.NotEmpty(Listed(cut)));

        ChangeFilter(cut, "filter-text", "sticker");
        cut.WaitForAssertion(() =>
        {
            var listed = Listed(cut);
            Assert.Contains(IdOf("UTO-V-2018"), listed);
            Assert.DoesNotContain(IdOf("XXA-P-2021"), listed);
        });

        ChangeFilter(cut, "filter-text", "zzyzx quokka");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=library-empty]")));
        Assert.Empty(Listed(cut));
    }

    [Fact]
    public void The_filters_are_kept_in_the_address_and_a_page_opened_from_it_shows_them_again()
    {
        SignInAs("examiner@desc.local");
        var navigation = Services.GetRequiredService<NavigationManager>();
        var cut = RenderLibrary();
        cut.WaitForAssertion(() => Assert.Contains(IdOf("UTO-V-2018"), Listed(cut)));

        ChangeFilter(cut, "filter-type", "Visa");
        ChangeFilter(cut, "filter-state", "uto");
        cut.WaitForAssertion(() => Assert.Equal(["size=48", "state=UTO", "type=Visa"], new Uri(navigation.Uri).Query.TrimStart('?').Split('&').Order()));

        // Back from a specimen, or a shared link: the same list. What the address cannot mean is left out.
        navigation.NavigateTo("library?type=Visa&state=UTO&year=2019&feature=NoSuchFeature&page=x");
        var again = Render<LibraryPage>();
        again.WaitForAssertion(() =>
        {
            var listed = Listed(again);
            Assert.Contains(IdOf("UTO-V-2018"), listed);
            Assert.DoesNotContain(IdOf("UTO-P-2007"), listed);
        });
        Assert.Equal("Visa", again.Find("[data-testid=filter-type]").GetAttribute("value"));
        Assert.Equal("UTO", again.Find("[data-testid=filter-state]").GetAttribute("value"));
        Assert.Equal("2019", again.Find("[data-testid=filter-year]").GetAttribute("value"));
        Assert.Equal("", again.Find("[data-testid=filter-feature]").GetAttribute("value"));
    }

    [Fact]
    public async Task A_card_counts_one_feature_and_one_image_in_the_singular_and_two_in_the_plural()
    {
        var one = await SpecimenAsync(count: 1);
        var two = await SpecimenAsync(count: 2);
        SignInAs("examiner@desc.local");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"library?state={TestState}");

        var cut = RenderWithProviders<LibraryPage>();

        cut.WaitForAssertion(() =>
        {
            Assert.StartsWith("1 feature · 1 image · ", CountsOf(cut, one), StringComparison.Ordinal);
            Assert.StartsWith("2 features · 2 images · ", CountsOf(cut, two), StringComparison.Ordinal);
        });
    }

    /// <summary>The issuing state of this class's own specimens: the library is shared by every test class.</summary>
    private const string TestState = "XXF";

    private static string CountsOf(IRenderedComponent<LibraryPage> cut, Guid id) =>
        string.Join(' ', cut.Find($"[data-specimen='{id}'] [data-testid=specimen-counts]").TextContent
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A specimen of <see cref="TestState"/> with <paramref name="count"/> images and as many features.</summary>
    private async Task<Guid> SpecimenAsync(int count)
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var editor = new UserScope("test-library-list-editor", "Lena Librarian", new HashSet<string> { Roles.Examiner }, null, null, false);
        var commands = Host.Services.GetRequiredService<LibraryCommands>();
        var id = Guid.NewGuid();
        await commands.CreateAsync(editor, id, TestState, new SpecimenDetails(DocumentType.Passport, "Counted " + id.ToString("N")[..6],
            new DateOnly(2020, 1, 1), null, DocumentFormat.TD3, "Made by a list test.", [DocumentArea.DataPage]), ct);
        for (var i = 0; i < count; i++)
        {
            using var bytes = new MemoryStream(TestImages.Png(320, 200, Random.Shared.Next()));
            var image = await commands.AddImageAsync(editor, id, Guid.NewGuid(), bytes, DocumentArea.DataPage, LightSource.White, 300, null, null, null, ct);
            await commands.AddFeatureAsync(editor, id, new SecurityFeature(Guid.NewGuid(), SecurityFeatureCategory.SecurityPrinting, "Guilloche",
                [LightSource.White], 1, "Guilloche " + i, [new FeatureLocation(image.ImageId, 10, 10, 100, 50)]), ct);
        }
        return id;
    }

    /// <summary>
    /// Changes a filter; a search still finishing from the previous change may re-render the bar in between, which
    /// retires the element just found, so it is found again and the change repeated.
    /// </summary>
    private static void ChangeFilter(IRenderedComponent<LibraryPage> cut, string testId, string value)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Found and changed on the renderer's own thread: no render can retire the element in between.
                cut.InvokeAsync(() => cut.Find($"[data-testid={testId}]").Change(value)).GetAwaiter().GetResult();
                return;
            }
            catch (Bunit.Rendering.UnknownEventHandlerIdException) when (attempt < 5)
            {
                Thread.Sleep(50);
            }
        }
    }
}
