using System.Net;
using Bunit;
using DescPortal.Core;
using DescPortal.Core.Opinion;
using DescPortal.Testing;
using DescPortal.Web.Features.Examination;
using DescPortal.Web.Features.Opinion;
using DescPortal.Web.Features.Referrals;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Tests.Features.Opinion;

public sealed class OfficerWorkflowTests(ComponentHost host) : ComponentTest(host)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>A north case the examiner has asked more material for.</summary>
    private async Task<CaseRecord> WaitingCaseAsync()
    {
        var examiner = new UserScope("ex-" + Guid.NewGuid().ToString("N")[..8], "Erik Examiner", new HashSet<string> { Roles.Examiner }, null, null, false);
        using var client = Host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var response = await client.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(ReferralRequests.Example(), TestImages.Jpeg(seed: 21)), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
        await Host.Services.GetRequiredService<TakeCase>().HandleAsync(examiner, id, Ct);
        var record = (await Host.Services.GetRequiredService<CaseQueries>().LoadForAsync(examiner, id, Ct))!;
        var request = Guid.NewGuid();
        return await Host.Services.GetRequiredService<OpinionCommands>().AsExaminerAsync(examiner, id, record.Version,
            (r, o, a, now) => OpinionDecider.RequestInformation(r, o, request, "Send the data page under <b>IR</b> light.", a, now), Ct);
    }

    [Fact]
    public async Task The_officer_reads_the_request_and_answers_with_an_image_which_joins_the_evidence()
    {
        var record = await WaitingCaseAsync();
        var officer = SignInAs("officer.north@desc.local", "officer-" + Guid.NewGuid().ToString("N")[..8]);
        var cut = Render<OfficerWorkflow>(p => p.Add(x => x.Record, record).Add(x => x.Scope, officer));

        // The request as text, not markup.
        var request = cut.Find("[data-testid=information-request]");
        Assert.Contains("Send the data page under <b>IR</b> light.", request.TextContent, StringComparison.Ordinal);
        Assert.Empty(request.QuerySelector(".desc-prewrap")!.QuerySelectorAll("b"));

        // Nothing to send: said, nothing stored.
        cut.Find("[data-testid=answer-form]").Submit();
        cut.WaitForAssertion(() => Assert.Contains("Add images", cut.Find("[data-testid=answer-error]").TextContent, StringComparison.Ordinal));

        cut.Find("[data-testid=answer-message]").Input("IR image attached.");
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(TestImages.Jpeg(640, 420, seed: 22), "ir.jpg", contentType: "image/jpeg"));
        cut.Find("[data-testid=answer-light]").Change(nameof(LightSource.IR));
        cut.Find("[data-testid=answer-form]").Submit();

        var after = await EventuallyAsync(async () =>
        {
            var r = (await Host.Services.GetRequiredService<CaseQueries>().LoadForAsync(officer, record.Id, Ct))!;
            return r.Status == ReferralStatus.InExamination ? r : null;
        });
        var added = after.Evidence[^1];
        Assert.Equal(record.Evidence.Count + 1, after.Evidence.Count);
        Assert.Equal(LightSource.IR, added.LightSource);
        var answered = Assert.Single(after.Opinion.InformationRequests);
        Assert.Equal("IR image attached.", answered.Answer);
        Assert.Equal([added.Id], answered.EvidenceIds);
    }

    [Fact]
    public async Task Picking_more_images_than_an_answer_carries_names_the_ones_left_out_and_keeps_the_rest()
    {
        var record = await WaitingCaseAsync();
        var officer = SignInAs("officer.north@desc.local", "officer-" + Guid.NewGuid().ToString("N")[..8]);
        var cut = Render<OfficerWorkflow>(p => p.Add(x => x.Record, record).Add(x => x.Scope, officer));
        var max = new UploadLimits().MaxFilesPerReferral;
        var image = TestImages.Jpeg(64, 48, seed: 23);

        cut.FindComponent<InputFile>().UploadFiles([.. Enumerable.Range(1, max + 1)
            .Select(i => InputFileContent.CreateFromBinary(image, $"page-{i}.jpg", contentType: "image/jpeg"))]);

        cut.WaitForAssertion(() => Assert.Equal(max, cut.FindAll("[data-testid=answer-image]").Count));
        Assert.Contains($"page-{max + 1}.jpg: not attached, an answer can carry at most {max} images.",
            cut.Find("[data-testid=answer-error]").TextContent, StringComparison.Ordinal);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (await probe() is { } found) return found;
            if (DateTime.UtcNow > until) throw new Xunit.Sdk.XunitException("The answer was not recorded within 15 s.");
            await Task.Delay(100, Ct);
        }
    }
}
