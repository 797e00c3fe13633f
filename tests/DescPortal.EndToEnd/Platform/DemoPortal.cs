using DescPortal.DemoData;
using DescPortal.Testing;
using DescPortal.Web.Features.Opinion;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.EndToEnd.Platform;

/// <summary>
/// A portal of its own on a loopback port, seeded as `infra/desc run` seeds one: the demo cases of both agencies in
/// every state of the workflow (with their reports), so that pages show what people see on them. A portal apart from
/// <see cref="BrowserHost"/>'s, so that sixteen more cases change no other test's queue; it uses that host's browser.
/// </summary>
public sealed class DemoPortal : PortalHost
{
    protected override bool Kestrel => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DemoData:Cases", "true");
    }

    /// <summary>The demo case of the agency in the state (one of <see cref="DemoCases.States"/>).</summary>
    public async Task<Guid> CaseAsync(string agency, string state)
    {
        await using var session = Services.GetRequiredService<IDocumentStore>().QuerySession();
        var seeded = await session.LoadAsync<DemoCase>($"{agency}/{state}", TestContext.Current.CancellationToken);
        return seeded?.CaseId ?? throw new InvalidOperationException($"No demo case {agency}/{state}.");
    }

    /// <summary>The verification codes of the case's reports: the superseded ones first, the current one last.</summary>
    public async Task<IReadOnlyList<string>> ReportCodesAsync(Guid caseId)
    {
        await using var session = Services.GetRequiredService<IDocumentStore>().QuerySession();
        var reports = await session.Query<IssuedReportIndex>().Where(r => r.CaseId == caseId).ToListAsync(TestContext.Current.CancellationToken);
        return [.. reports.OrderBy(r => r.SupersededBy is null).ThenBy(r => r.IssuedAt).Select(r => r.VerificationCode)];
    }
}

/// <summary>The demo portal shared by the rounds of every role's pages (seeding it costs a minute on two cores).</summary>
[CollectionDefinition(nameof(DemoPortalCollection))]
public sealed class DemoPortalCollection : ICollectionFixture<DemoPortal>;
