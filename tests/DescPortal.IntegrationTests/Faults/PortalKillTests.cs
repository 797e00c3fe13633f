using System.Net;
using System.Security.Cryptography;
using DescPortal.Core;
using DescPortal.Core.Opinion;
using DescPortal.Core.Referrals;
using DescPortal.Testing;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Examination;
using DescPortal.Web.Features.Opinion;
using DescPortal.Web.Infrastructure.Health;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Xunit;

namespace DescPortal.IntegrationTests.Faults;

/// <summary>
/// The portal that runs commands for <see cref="PortalKillTests"/> (an examiner's and a reviewer's steps have no HTTP
/// API): the real Program on <see cref="OwnServices"/>, without a job server, so the jobs its events queue wait in
/// Hangfire's tables for the portal process the test starts.
/// </summary>
public sealed class CommandsOnlyHost(OwnServices services) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Postgres", services.Postgres);
        builder.UseSetting("ConnectionStrings:Blobs", services.Blobs);
        builder.UseSetting("DemoData:Cases", "false");
        builder.UseSetting("DemoData:Specimens", "false");
        builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", "");
        builder.ConfigureTestServices(s =>
        {
            var server = s.Where(d => d.ServiceType == typeof(IHostedService)
                                      && (d.ImplementationType ?? d.ImplementationFactory?.Method.ReturnType)?.Name == "BackgroundJobServerHostedService").ToList();
            Assert.Single(server);
            s.Remove(server[0]);
        });
    }
}

/// <summary>
/// The portal's process is killed while it prints a report: after a restart on the same database the job runs again
/// and completes, and the case has one report, recorded and printed once.
/// </summary>
[Collection(nameof(FaultCollection))]
public sealed class PortalKillTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static UserScope Person(string id, string role) => new(id, id, new HashSet<string> { role }, null, null, false) { UserName = id + "@desc.local" };

    [Fact]
    public async Task A_portal_killed_while_it_prints_a_report_issues_that_report_once_after_its_restart()
    {
        await using var services = await OwnServices.StartAsync(Ct);
        var (caseId, job) = await ApprovedCaseAsync(services);

        // The first portal takes the job; it dies in the middle of it.
        await using (var first = await PortalProcess.StartAsync(services, Ct))
        {
            await Poll.UntilAsync(async () => await StateAsync(services, job) == "Processing", TimeSpan.FromSeconds(90), "the report job is processing", Ct);
            await first.KillAsync();
        }
        Assert.True(await ReportsIssuedAsync(services, caseId) == 0, "the killed portal had already recorded the report: the kill came too late to test anything");

        // The restarted portal runs the job again (once the dead one's claim lapses) and completes it.
        await using var second = await PortalProcess.StartAsync(services, Ct);
        await Poll.UntilAsync(async () => await StateAsync(services, job) == "Succeeded",
            TimeSpan.FromSeconds(90 + PortalProcess.InvisibilityTimeoutSeconds), "the report job succeeded after the restart", Ct);
        Assert.Equal(1, await ReportsIssuedAsync(services, caseId));
        // Taken by each portal, completed once.
        var states = await StatesAsync(services, job);
        Assert.True(states.Count(s => s == "Processing") == 2 && states.Count(s => s == "Succeeded") == 1 && states[^1] == "Succeeded", string.Join(", ", states));

        // The case shows one report: the agency downloads it and its bytes are the recorded ones; it was printed once.
        using var api = second.Client().WithKey(ReferralRequests.NorthKey);
        var details = await (await api.GetAsync($"/api/v1/referrals/{caseId}", Ct)).JsonAsync();
        Assert.Equal("Reported", details.GetProperty("status").GetString());
        var report = details.GetProperty("report");
        Assert.EndsWith("-R1", report.GetProperty("reportNumber").GetString(), StringComparison.Ordinal);
        using var pdf = await api.GetAsync($"/api/v1/referrals/{caseId}/report", Ct);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal(report.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(await pdf.Content.ReadAsByteArrayAsync(Ct))));
        var custody = await (await api.GetAsync($"/api/v1/referrals/{caseId}/custody", Ct)).JsonAsync();
        Assert.Single(custody.GetProperty("accesses").EnumerateArray(), a => a.GetProperty("action").GetString() == "ReportPrinted");
        Assert.True(custody.GetProperty("chainIntact").GetBoolean());
    }

    /// <summary>A referral with three large images, taken, given an opinion and approved by another person; its report job queued.</summary>
    private static async Task<(Guid CaseId, long Job)> ApprovedCaseAsync(OwnServices services)
    {
        await using var host = new CommandsOnlyHost(services);
        await host.Services.GetRequiredService<Readiness>().WaitAsync(Ct);
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        // Large images make the print slow enough to be killed in the middle of it.
        using var response = await client.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(ReferralRequests.Example("White", "UV365", "Transmitted"),
            TestImages.Jpeg(2400, 1700, seed: 71), TestImages.Jpeg(2400, 1700, seed: 72), TestImages.Jpeg(2400, 1700, seed: 73)), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetGuid();

        var (examiner, reviewer) = (Person("ex-kill", Roles.Examiner), Person("rev-kill", Roles.Reviewer));
        await host.Services.GetRequiredService<TakeCase>().HandleAsync(examiner, id, Ct);
        var record = (await host.Services.GetRequiredService<CaseQueries>().LoadForAsync(examiner, id, Ct))!;
        var commands = host.Services.GetRequiredService<OpinionCommands>();
        var draft = new OpinionDraft(0, FraudType.Counterfeit, [], "Guilloche: offset dots.", "The passport is a counterfeit.", null, null);
        record = await commands.AsExaminerAsync(examiner, id, record.Version, (r, o, a, now) => OpinionDecider.SaveDraft(r, o, draft, a, now), Ct);
        record = await commands.AsExaminerAsync(examiner, id, record.Version, (r, o, a, now) => OpinionDecider.SubmitForReview(r, o, null, a, now), Ct);
        var approval = Guid.NewGuid();
        record = await commands.AsReviewerAsync(reviewer, id, record.Version, (r, o, a, now) => OpinionDecider.Approve(r, o, approval, a, now), Ct);
        Assert.Equal(ReferralStatus.Approved, record.Status);
        // This host's daemon queues the job from the approval (and nothing here runs it).
        return (id, await Poll.ValueAsync(() => ReportJobAsync(services), TimeSpan.FromSeconds(60), "the approval queued its report job", Ct));
    }

    private static async Task<T> QueryAsync<T>(OwnServices services, string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(services.Postgres);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var v in values) command.Parameters.Add(new NpgsqlParameter { Value = v });
        var result = await command.ExecuteScalarAsync(Ct);
        return result is DBNull or null ? default! : (T)result;
    }

    private static async Task<long?> ReportJobAsync(OwnServices services) =>
        await QueryAsync<long?>(services, "select id from hangfire.job where invocationdata::text like '%ReportJob%IssueAsync%' order by id limit 1");

    private static Task<string?> StateAsync(OwnServices services, long job) =>
        QueryAsync<string?>(services, "select statename from hangfire.job where id = $1", job);

    private static async Task<string[]> StatesAsync(OwnServices services, long job) =>
        await QueryAsync<string[]>(services, "select array_agg(name order by id) from hangfire.state where jobid = $1", job);

    private static async Task<long> ReportsIssuedAsync(OwnServices services, Guid caseId) =>
        await QueryAsync<long>(services, "select count(*) from portal.mt_events where stream_id = $1 and type = 'report_issued'", caseId);
}
