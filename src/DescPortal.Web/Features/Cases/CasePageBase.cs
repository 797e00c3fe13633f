using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Custody;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace DescPortal.Web.Features.Cases;

/// <summary>
/// What the officer's referral page and the examiner's case page share: load the case within the user's scope,
/// the crossing point's time zone, and a refresh when the case changes (a thumbnail made, a case taken).
/// </summary>
public abstract class CasePageBase : ComponentBase, IDisposable
{
    [Parameter] public Guid Id { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] private CaseQueries Cases { get; set; } = default!;
    [Inject] private CaseNotifications Notifications { get; set; } = default!;
    [Inject] private AccessLog Accesses { get; set; } = default!;
    [Inject] private IHttpContextAccessor Http { get; set; } = default!;
    private Guid _recorded;

    protected CaseRecord? Record { get; private set; }
    protected string? TimeZone { get; private set; }
    protected bool NotFound { get; private set; }
    protected UserScope Scope { get; private set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        Scope = UserScope.From((await AuthState).User);
        Notifications.Changed -= OnChanged;
        Notifications.Changed += OnChanged;
        await LoadAsync();
        // A person opened the case: recorded once per page, when it is live (not again for its prerendering).
        if (Record is not null && RendererInfo.IsInteractive && _recorded != Id)
        {
            _recorded = Id;
            await Accesses.RecordAsync(Id, AccessAction.CaseRead, Id.ToString(), Scope, Http.HttpContext, CancellationToken.None);
        }
    }

    protected async Task LoadAsync()
    {
        Record = await Cases.LoadForAsync(Scope, Id, CancellationToken.None);
        NotFound = Record is null;
        if (Record is not null && TimeZone is null)
            TimeZone = await Cases.TimeZoneOfAsync(Record, CancellationToken.None);
        await OnLoadedAsync();
    }

    /// <summary>After each load of the case (first, after a step, after someone else's change): what a page reads with it.</summary>
    protected virtual Task OnLoadedAsync() => Task.CompletedTask;

    private void OnChanged(Guid caseId)
    {
        if (caseId == Id)
            _ = InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); });
    }

    public void Dispose()
    {
        Notifications.Changed -= OnChanged;
        GC.SuppressFinalize(this);
    }
}
