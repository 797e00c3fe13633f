using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;

namespace DescPortal.Web.Features.Cases;

/// <summary>Whose page of the case a panel is shown on.</summary>
public enum CaseView
{
    /// <summary>The examiners' and reviewers' case page (<c>/cases/{id}</c>).</summary>
    Examiner,

    /// <summary>The submitting officer's referral page (<c>/referrals/{id}</c>).</summary>
    Officer,
}

/// <summary>A slice's panel on a case page: the component and where it goes, in the order of <see cref="Order"/>.</summary>
public sealed record CasePanel(CaseView View, int Order, Type Component);

/// <summary>
/// What a panel is given: the case as the reader may see it, the reader's scope, and a callback to reload the case
/// after the panel changed it. A panel derives from this and reads nothing else of the page.
/// </summary>
public abstract class CasePanelBase : ComponentBase
{
    [Parameter, EditorRequired] public CaseRecord Record { get; set; } = default!;
    [Parameter, EditorRequired] public UserScope Scope { get; set; } = default!;
    [Parameter] public EventCallback OnChanged { get; set; }
}

/// <summary>
/// The panels the slices registered: the case pages compose them without naming the slices (the opinion and review
/// panel, the officer's answers and report), so that Cases depends on no slice.
/// </summary>
public sealed class CasePanels(IEnumerable<CasePanel> panels)
{
    private readonly IReadOnlyList<CasePanel> _panels = [.. panels.OrderBy(p => p.Order)];

    public IEnumerable<CasePanel> For(CaseView view) => _panels.Where(p => p.View == view);
}

public static class CasePanelRegistration
{
    public static IServiceCollection AddCasePanel<TPanel>(this IServiceCollection services, CaseView view, int order)
        where TPanel : CasePanelBase =>
        services.AddSingleton(new CasePanel(view, order, typeof(TPanel)));
}
