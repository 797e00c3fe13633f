using Bunit;
using DescPortal.Core.Examination;
using DescPortal.Web.Features.Examination;
using Microsoft.AspNetCore.Components;
using Xunit;

namespace DescPortal.Web.Tests.Features.Examination;

/// <summary>The viewer's conversation with deep-zoom.js, as the browser would hear it (the script itself runs in the EndToEnd tests).</summary>
public sealed class DeepZoomViewerTests(ComponentHost host) : ComponentTest(host)
{
    private static readonly ViewerLayer Questioned =
        new(Guid.NewGuid(), new string('a', 64), "evidence/c/q", "evidence/c/q/tiles/", new ImagePlacement(0, 0, 50.8, 0), 1);

    private static readonly ViewerMark Mark = new("m1", "Rectangle", [1, 2, 3, 2, 3, 4, 1, 4], "1", false);

    [Fact]
    public async Task The_layers_are_opened_once_and_only_what_changed_is_sent_again()
    {
        var module = JSInterop.SetupModule("./js/deep-zoom.js");
        module.Setup<bool>("show", _ => true).SetResult(true);

        var cut = Render<DeepZoomViewer>(p => p.Add(x => x.Role, "evidence").Add(x => x.Layers, [Questioned]).Add(x => x.ScaleKnown, true)
            .Add(x => x.Marks, [Mark]).Add(x => x.Tool, "pan").AddUnmatched("data-testid", "deep-zoom"));

        await UntilAsync(cut, () => module.Invocations["setTool"].Count == 1);
        var show = Assert.Single(module.Invocations["show"]);
        Assert.True((bool)show.Arguments[2]!);
        Assert.Equal([Mark], Assert.Single(module.Invocations["setMarks"]).Arguments[1] as IEnumerable<ViewerMark>);
        Assert.Equal(["pan", "evidence"], Assert.Single(module.Invocations["setTool"]).Arguments.Where(a => a is string));
        Assert.Equal("deep-zoom", cut.Find(".ws-viewer").GetAttribute("data-testid"));
        Assert.Contains("tiles are being made", cut.Find(".ws-viewer").GetAttribute("data-preparing"), StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=scale-bar]"));

        // Another tool: the tool alone goes to the browser; the images stay open.
        cut.Render(p => p.Add(x => x.Tool, "rectangle"));
        await UntilAsync(cut, () => module.Invocations["setTool"].Count == 2);
        Assert.Single(module.Invocations["show"]);
        Assert.Single(module.Invocations["setMarks"]);

        // The overlay's opacity moved: the layers are sent again (the script only changes the opacity).
        cut.Render(p => p.Add(x => x.Layers, [Questioned, Questioned with { ImageId = Guid.NewGuid(), Opacity = 0.3 }]));
        await UntilAsync(cut, () => module.Invocations["show"].Count == 2);
    }

    [Fact]
    public async Task What_is_drawn_in_the_browser_comes_back_as_events_in_image_pixels()
    {
        (string Kind, int[] Points)? shape = null;
        int[]? line = null;
        (int X, int Y)? point = null;
        JSInterop.SetupModule("./js/deep-zoom.js").Setup<bool>("show", _ => true).SetResult(true);
        var cut = Render<DeepZoomViewer>(p => p.Add(x => x.Role, "specimen").Add(x => x.Layers, [Questioned])
            .Add(x => x.OnShapeDrawn, EventCallback.Factory.Create<(string, int[])>(this, s => shape = s))
            .Add(x => x.OnLineDrawn, EventCallback.Factory.Create<int[]>(this, l => line = l))
            .Add(x => x.OnPointPicked, EventCallback.Factory.Create<(int, int)>(this, p => point = p)));

        await cut.InvokeAsync(() => cut.Instance.ShapeDrawn("Polygon", [1, 1, 9, 1, 5, 7]));
        await cut.InvokeAsync(() => cut.Instance.LineDrawn([0, 0, 100, 0]));
        await cut.InvokeAsync(() => cut.Instance.PointPicked("specimen", 12, 34));

        Assert.NotNull(shape);
        Assert.Equal("Polygon", shape.Value.Kind);
        Assert.Equal([1, 1, 9, 1, 5, 7], shape.Value.Points);
        Assert.NotNull(line);
        Assert.Equal([0, 0, 100, 0], line);
        Assert.Equal((12, 34), point);
        // Unmeasured worlds have no scale bar.
        Assert.Empty(cut.FindAll(".ws-scale"));
    }

    [Fact]
    public async Task A_viewer_kept_in_step_links_itself_to_the_other_and_both_free_their_viewers_when_they_leave()
    {
        var module = JSInterop.SetupModule("./js/deep-zoom.js");
        module.Setup<bool>("show", _ => true).SetResult(true);
        var questioned = Render<DeepZoomViewer>(p => p.Add(x => x.Role, "evidence").Add(x => x.Layers, [Questioned]));
        var specimen = Render<DeepZoomViewer>(p => p.Add(x => x.Role, "specimen").Add(x => x.Layers, [Questioned with { ImageId = Guid.NewGuid() }])
            .Add(x => x.InStepWith, questioned.Instance).Add(x => x.Tool, "pick"));

        await UntilAsync(specimen, () => module.Invocations["link"].Count == 1);
        // Read on the renderer's thread: the questioned viewer may still be telling the script its own tool.
        await UntilAsync(specimen, () => module.Invocations["setTool"].Any(i => i.Arguments.OfType<string>().SequenceEqual(["pick", "specimen"])));

        await DisposeComponentsAsync();
        Assert.Equal(2, module.Invocations["dispose"].Count);
    }

    /// <summary>
    /// Waits until the viewer has said something to the script. It says it after reading the pyramids, with no render
    /// to follow, so bUnit's render-driven waits would not look again; checked on the renderer's own thread.
    /// </summary>
    private static async Task UntilAsync(IRenderedComponent<DeepZoomViewer> cut, Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await cut.InvokeAsync(condition)) await Task.Delay(10, timeout.Token);
    }
}
