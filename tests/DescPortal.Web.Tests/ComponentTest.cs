using System.Security.Claims;
using Bunit;
using DescPortal.DemoData;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Tests;

/// <summary>
/// bUnit context for the portal's components: MudBlazor services, loose JS interop, and every other service taken
/// from the real <see cref="ComponentHost"/>, so components talk to real Marten and blob storage.
/// </summary>
public abstract class ComponentTest : BunitContext
{
    // bUnit waits 1 s by default; CI runs four test projects at once on two cores, where a real database round trip
    // or a job can take much longer. A wait that succeeds returns at once, so only a failing assertion pays for the
    // margin. Every wait uses this one cap.
    static ComponentTest() => DefaultWaitTimeout = TimeSpan.FromSeconds(30);

    protected ComponentTest(ComponentHost host)
    {
        Host = host;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        // As the portal has it (pages record the address of an access); bUnit has no request, so its HttpContext is null.
        Services.AddHttpContextAccessor();
        Services.AddFallbackServiceProvider(new PortalServices(host.Services));
    }

    /// <summary>
    /// Lends the components the portal's own services (handlers, Marten, blobs, jobs) but none of the framework's,
    /// which bUnit provides itself.
    /// </summary>
    private sealed class PortalServices(IServiceProvider host) : IServiceProvider
    {
        private static readonly string[] Lent = ["DescPortal.", "Marten", "JasperFx", "Azure.", "Hangfire", "Weasel"];

        public object? GetService(Type serviceType)
        {
            var assembly = serviceType.Assembly.GetName().Name ?? "";
            return serviceType == typeof(TimeProvider) || Lent.Any(p => assembly.StartsWith(p, StringComparison.Ordinal))
                ? host.GetService(serviceType)
                : null;
        }
    }

    protected ComponentHost Host { get; }

    /// <summary>Signs the component tree in as a demo account, with the claims the portal's cookie carries.</summary>
    protected UserScope SignInAs(string email, string? userId = null)
    {
        var account = DemoAccounts.Accounts.Single(a => a.Email == email);
        var id = userId ?? "test-" + email;
        var auth = AddAuthorization();
        auth.SetAuthorized(account.Email);
        auth.SetRoles(account.Role);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(DescClaims.DisplayName, account.DisplayName) };
        if (account.Agency is not null) claims.Add(new Claim(DescClaims.Agency, account.Agency));
        if (account.Country is not null) claims.Add(new Claim(DescClaims.Country, account.Country));
        auth.SetClaims([.. claims]);
        return new UserScope(id, account.DisplayName, new HashSet<string> { account.Role }, account.Agency, account.Country, false);
    }

    /// <summary>
    /// Renders a routed case page (the case page, the workspace) as the portal does: live, interactive on the server,
    /// where the page records its reading. Call after signing in (bUnit freezes the services on the first render).
    /// </summary>
    protected IRenderedComponent<TPage> RenderLive<TPage>(Action<ComponentParameterCollectionBuilder<TPage>> parameters)
        where TPage : IComponent
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render(parameters);
    }

    /// <summary>Renders a component behind MudBlazor's popover provider (selects and menus render into it).</summary>
    protected IRenderedComponent<TComponent> RenderWithProviders<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        Render<MudPopoverProvider>();
        return Render(parameters);
    }
}
