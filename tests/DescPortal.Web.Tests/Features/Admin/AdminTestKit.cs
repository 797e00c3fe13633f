using AngleSharp.Dom;
using Bunit;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Extensions;
using Xunit;

namespace DescPortal.Web.Tests.Features.Admin;

/// <summary>Small helpers to fill the admin forms the way a browser would, by the fields' data-testid.</summary>
internal static class AdminTestKit
{
    public static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>An actor for calling the admin handlers directly.</summary>
    public static UserScope AdminActor(string id = "test-admin@desc.local") =>
        new(id, "Adam Admin", new HashSet<string> { Roles.Admin }, null, null, false);

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>Types into a text field (MudTextField takes its value on change).</summary>
    public static void Type<T>(this IRenderedComponent<T> cut, string testId, string text) where T : class, IComponent =>
        cut.Field(testId).Change(text);

    /// <summary>The input of a MudBlazor field (the test id may sit on the input or on a wrapper).</summary>
    public static IElement Field<T>(this IRenderedComponent<T> cut, string testId) where T : class, IComponent
    {
        var element = cut.Find($"[data-testid={testId}]");
        return element.TagName is "INPUT" or "TEXTAREA" ? element
            : element.QuerySelector("input, textarea") ?? throw new InvalidOperationException($"No input in {testId}");
    }

    /// <summary>Picks a value in a MudSelect as its list would, through the select's ValueChanged.</summary>
    public static Task ChooseAsync<T>(this IRenderedComponent<T> cut, string testId, string value) where T : class, IComponent
    {
        var select = cut.FindComponents<MudSelect<string>>().Single(s => TestId(s.Instance.UserAttributes) == testId);
        return cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    /// <summary>The error a MudBlazor field (text field, select, autocomplete) shows, or null.</summary>
    public static string? ErrorOf<TComponent, TField>(this IRenderedComponent<TComponent> cut, string testId)
        where TComponent : class, IComponent where TField : MudBaseInput<string>
    {
        var field = Assert.Single(cut.FindComponents<TField>(), f => TestId(f.Instance.UserAttributes) == testId);
        return field.Instance.GetState(x => x.Error) ? field.Instance.GetState(x => x.ErrorText) : null;
    }

    private static string? TestId(Dictionary<string, object?> attributes) =>
        attributes.TryGetValue("data-testid", out var v) ? v as string : null;

    /// <summary>Finds and clicks in one step on the renderer's thread, so a re-render in between cannot stale the handler.</summary>
    public static Task ClickAsync<T>(this IRenderedComponent<T> cut, string testId) where T : class, IComponent =>
        cut.InvokeAsync(() => cut.Find($"button[data-testid={testId}]").Click());

    public static void AssertShown(string? error, string expectedPart)
    {
        Assert.NotNull(error);
        Assert.Contains(expectedPart, error, StringComparison.Ordinal);
    }
}
