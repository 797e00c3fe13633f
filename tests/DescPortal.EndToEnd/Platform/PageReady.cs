using Microsoft.Playwright;

namespace DescPortal.EndToEnd.Platform;

/// <summary>What shows that a main page has its content, for the rounds that walk every page of a role.</summary>
public static class PageReady
{
    /// <summary>The workspace shows tiles (not the whole image shown while they are made).</summary>
    public const string TilesLoaded =
        "() => { const el = document.querySelector(\"[data-testid='deep-zoom']\"); return el?.dataset.tiled === 'true' && Number(el.dataset.tilesLoaded || 0) > 0; }";

    /// <summary>The compare mode's specimen viewer shows its tiles.</summary>
    public const string SpecimenTiled =
        "() => { const el = document.querySelector(\"[data-testid='specimen-deep-zoom']\"); return el?.__descViewer?.world.getItemCount() > 0 && el.dataset.tiled === 'true'; }";

    public static Func<IPage, Task> Shows(string testId) =>
        page => Assertions.Expect(page.GetByTestId(testId).First).ToBeVisibleAsync();

    /// <summary>A case page with its reference and its history.</summary>
    public static readonly Func<IPage, Task> CaseShown = async page =>
    {
        await Assertions.Expect(page.GetByTestId("case-reference")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("history-entry").First).ToBeVisibleAsync();
    };
}
