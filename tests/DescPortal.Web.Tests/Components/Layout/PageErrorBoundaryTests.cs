using Bunit;
using DescPortal.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DescPortal.Web.Tests.Components.Layout;

/// <summary>
/// A page that fails in an event handler, inside the portal's layout: the page's place says so, the rest of the layout
/// goes on working, the error is logged once with the page's address, and the page comes back with Try again or with
/// the next navigation. Without the boundary the exception would end the circuit (here: Click would throw it).
/// </summary>
public sealed class PageErrorBoundaryTests : ComponentTest
{
    private readonly RecordingLogger _log = new();

    public PageErrorBoundaryTests(ComponentHost host) : base(host)
    {
        Services.AddSingleton<ILogger<PageErrorBoundary>>(_log);
        // Signed out: the layout's own parts (menu button, theme switch) need no account.
        AddAuthorization();
        // A live circuit, as the layout's marker for browser tests reads it.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private IRenderedComponent<MainLayout> RenderLayout() => Render<MainLayout>(p => p.Add<FailingPage>(x => x.Body));

    private static Task ClickAsync(IRenderedComponent<MainLayout> cut, string selector) =>
        cut.InvokeAsync(() => cut.Find(selector).Click());

    [Theory]
    [InlineData("fail-now")]
    [InlineData("fail-after-await")]
    public async Task A_failing_handler_shows_the_message_in_the_pages_place_and_try_again_brings_the_page_back(string button)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("library/7f0c1d2e");
        var cut = RenderLayout();
        Assert.NotNull(cut.Find("[data-testid=failing-page]"));

        await ClickAsync(cut, $"[data-testid={button}]");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=page-error]")));
        var error = cut.Find("[data-testid=page-error]");
        Assert.Contains("Something went wrong on this page.", error.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nothing you saved is lost.", error.TextContent, StringComparison.Ordinal);
        // A link (a button with an href would go nowhere) to the base address: the home page.
        Assert.Equal("./", cut.Find("a[data-testid=page-error-home]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=failing-page]"));
        var logged = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.IsType<InvalidOperationException>(logged.Exception);
        Assert.Contains("library/7f0c1d2e", logged.Message, StringComparison.Ordinal);

        // The layout around the page still answers.
        Assert.Equal("Dark theme", cut.Find("button[aria-label='Switch theme']").GetAttribute("title"));
        await ClickAsync(cut, "button[aria-label='Switch theme']");
        cut.WaitForAssertion(() => Assert.Equal("Light theme", cut.Find("button[aria-label='Switch theme']").GetAttribute("title")));
        Assert.NotNull(cut.Find("[data-testid=page-error]"));

        await ClickAsync(cut, "[data-testid=page-error-retry]");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=failing-page]")));
        Assert.Empty(cut.FindAll("[data-testid=page-error]"));
        Assert.Single(_log.Entries);
    }

    [Fact]
    public async Task Going_to_another_page_leaves_the_error_behind()
    {
        var cut = RenderLayout();
        await ClickAsync(cut, "[data-testid=fail-now]");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=page-error]")));

        // What the router does on a navigation: the layout gets the next page as its body.
        cut.Render(p => p.Add(x => x.Body, "<p data-testid=\"other-page\">Another page</p>"));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=other-page]")));
        Assert.Empty(cut.FindAll("[data-testid=page-error]"));

        // And a failure there is caught again: the boundary starts afresh.
        cut.Render(p => p.Add<FailingPage>(x => x.Body));
        await ClickAsync(cut, "[data-testid=fail-now]");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=page-error]")));
        Assert.Equal(2, _log.Entries.Count);
    }

    private sealed class RecordingLogger : ILogger<PageErrorBoundary>
    {
        private readonly List<(LogLevel Level, Exception? Exception, string Message)> _entries = [];

        public IReadOnlyList<(LogLevel Level, Exception? Exception, string Message)> Entries
        {
            get { lock (_entries) return [.. _entries]; }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_entries) _entries.Add((logLevel, exception, formatter(state, exception)));
        }
    }
}
