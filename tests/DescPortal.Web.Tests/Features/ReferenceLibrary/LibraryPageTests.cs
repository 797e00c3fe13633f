using Bunit;
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
