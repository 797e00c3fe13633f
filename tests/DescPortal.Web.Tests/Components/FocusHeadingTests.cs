using Bunit;
using DescPortal.Web.Components;
using Microsoft.AspNetCore.Components;
using Xunit;

namespace DescPortal.Web.Tests.Components;

/// <summary>When the routes ask the browser to focus the heading: once per page opened, never while prerendering.</summary>
public sealed class FocusHeadingTests(ComponentHost host) : ComponentTest(host)
{
    private sealed class PageA : ComponentBase;

    private sealed class PageB : ComponentBase;

    private static RouteData Route<TPage>() => new(typeof(TPage), new Dictionary<string, object?>());

    [Fact]
    public void The_heading_is_focused_once_for_each_page_opened()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var module = JSInterop.SetupModule("./js/focus-heading.js");

        var cut = Render<FocusHeading>(p => p.Add(x => x.RouteData, Route<PageA>()));
        cut.WaitForAssertion(() => Assert.Single(module.Invocations["focusHeading"]));
        Assert.Equal("h1", module.Invocations["focusHeading"][0].Arguments[0]);

        cut.Render(p => p.Add(x => x.RouteData, Route<PageA>()));   // the same page rendered again: the user keeps the focus
        cut.Render(p => p.Add(x => x.RouteData, Route<PageB>()));
        cut.WaitForAssertion(() => Assert.Equal(2, module.Invocations["focusHeading"].Count));
        cut.Render(p => p.Add(x => x.RouteData, Route<PageB>()));
        Assert.Equal(2, module.Invocations["focusHeading"].Count);
    }

    [Fact]
    public void Prerendered_html_asks_the_browser_for_nothing()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var module = JSInterop.SetupModule("./js/focus-heading.js");

        Render<FocusHeading>(p => p.Add(x => x.RouteData, Route<PageA>()));

        Assert.Empty(module.Invocations["focusHeading"]);
    }
}
