using System.Security.Cryptography;
using DescPortal.Core;
using DescPortal.Testing;
using DescPortal.DemoData;
using DescPortal.Web.Features.Referrals;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using DescPortal.Web.Features.Cases;

namespace DescPortal.IntegrationTests.Demo;

/// <summary>A portal started as `infra/desc run` starts it: with the demo cases.</summary>
public sealed class DemoCasesHost : PortalHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DemoData:Cases", "true");
    }
}

public sealed class DemoCasesTests(DemoCasesHost host) : IClassFixture<DemoCasesHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Before_the_portal_is_ready_both_agencies_have_a_case_in_every_state_and_their_reports_exist()
    {
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var reader = new UserScope("demo-test", "Rita Reviewer", new HashSet<string> { Roles.Reviewer }, null, null, false);
        await using var session = store.QuerySession();
        var seeded = await session.Query<DemoCase>().ToListAsync(Ct);
        Assert.Equal(2 * DemoCases.States.Count, seeded.Count);

        foreach (var agency in new[] { "BCP-NORTH", "BCP-SOUTH" })
        {
            var statuses = new Dictionary<string, ReferralStatus>();
            foreach (var state in DemoCases.States)
            {
                var record = await host.Services.GetRequiredService<CaseQueries>().LoadForAsync(reader, seeded.Single(d => d.Id == $"{agency}/{state}").CaseId, Ct);
                Assert.NotNull(record);
                Assert.Equal(agency, record.AgencyCode);
                statuses[state] = record.Status;
                if (state is "Reported" or "Superseded")
                {
                    // The PDF exists and is the one recorded.
                    var report = record.Opinion.CurrentReport!;
                    var pdf = (await host.Services.GetRequiredService<BlobContainers>().Reports.GetBlobClient(report.PdfBlobName).DownloadContentAsync(Ct)).Value.Content.ToArray();
                    Assert.Equal(report.Sha256, Convert.ToHexStringLower(SHA256.HashData(pdf)));
                }
                if (state == "Superseded")
                {
                    Assert.Equal(2, record.Opinion.Reports.Count);
                    Assert.Equal(record.Opinion.Reports[1].ReportNumber, record.Opinion.Reports[0].SupersededBy);
                }
            }
            Assert.Equal(ReferralStatus.Submitted, statuses["Submitted"]);
            Assert.Equal(ReferralStatus.InExamination, statuses["InExamination"]);
            Assert.Equal(ReferralStatus.AwaitingInformation, statuses["AwaitingInformation"]);
            Assert.Equal(ReferralStatus.InReview, statuses["InReview"]);
            Assert.Equal(ReferralStatus.Returned, statuses["Returned"]);
            // Approved is where the report job takes over: the approval's event queues it, it may have run already.
            Assert.Contains(statuses["Approved"], new[] { ReferralStatus.Approved, ReferralStatus.Reported });
            Assert.Equal(ReferralStatus.Reported, statuses["Reported"]);
            Assert.Equal(ReferralStatus.Reported, statuses["Superseded"]);
        }
    }
}
