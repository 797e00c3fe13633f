using System.Net;
using AngleSharp.Dom;
using Bunit;
using DescPortal.Testing;
using DescPortal.Web.Features.Examination;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Tests.Features.Examination;

public sealed class CaseGridTests(ComponentHost host) : ComponentTest(host)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_queue_lists_urgent_cases_first_by_deadline_then_routine_ones()
    {
        // Each test narrows the grid to an issuing state of its own: the host is shared and the grid shows 15 rows.
        var routine = await SubmitAsync(ReferralRequests.NorthKey, urgency: "Routine", answerInHours: null, issuingState: "XXO");
        var later = await SubmitAsync(ReferralRequests.NorthKey, urgency: "Urgent", answerInHours: 6, issuingState: "XXO");
        var sooner = await SubmitAsync(ReferralRequests.SouthKey, urgency: "Urgent", answerInHours: 1, issuingState: "XXO");
        SignInAs("examiner@desc.local");

        var cut = RenderWithProviders<CaseGrid>(p => p.Add(g => g.Filter, new QueueFilter(IssuingState: "XXO")));

        cut.WaitForAssertion(() =>
        {
            var refs = cut.FindAll("[data-testid=case-link]").Select(a => a.TextContent.Trim()).ToList();
            Assert.Contains(sooner, refs);
            Assert.True(refs.IndexOf(sooner) < refs.IndexOf(later), string.Join(",", refs));
            Assert.True(refs.IndexOf(later) < refs.IndexOf(routine), string.Join(",", refs));
        });
    }

    [Fact]
    public async Task An_officer_sees_only_their_agencys_cases_whatever_the_filter()
    {
        var north = await SubmitAsync(ReferralRequests.NorthKey, "Routine", null, issuingState: "XXS");
        var south = await SubmitAsync(ReferralRequests.SouthKey, "Routine", null, issuingState: "XXS");
        SignInAs("officer.south@desc.local");

        var cut = RenderWithProviders<CaseGrid>(p => p.Add(g => g.Filter, new QueueFilter(OpenOnly: false, IssuingState: "XXS")));

        cut.WaitForAssertion(() =>
        {
            var refs = cut.FindAll("[data-testid=case-link]").Select(a => a.TextContent.Trim()).ToList();
            Assert.Contains(south, refs);
            Assert.DoesNotContain(north, refs);
        });
    }

    [Fact]
    public async Task Filtering_by_issuing_state_keeps_only_matching_cases()
    {
        var uto = await SubmitAsync(ReferralRequests.NorthKey, "Routine", null, issuingState: "UTO");
        var xxb = await SubmitAsync(ReferralRequests.NorthKey, "Routine", null, issuingState: "XXB");
        SignInAs("reviewer@desc.local");

        var cut = RenderWithProviders<CaseGrid>(p => p.Add(g => g.Filter, new QueueFilter(IssuingState: "xxb")));

        cut.WaitForAssertion(() =>
        {
            var refs = cut.FindAll("[data-testid=case-link]").Select(a => a.TextContent.Trim()).ToList();
            Assert.Contains(xxb, refs);
            Assert.DoesNotContain(uto, refs);
        });
    }

    [Fact]
    public async Task A_referral_submitted_while_the_queue_is_open_appears_without_a_reload()
    {
        SignInAs("examiner@desc.local");
        var cut = RenderWithProviders<CaseGrid>(p => p.Add(g => g.Filter, new QueueFilter(IssuingState: "XXL")));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=case-grid]")));

        var reference = await SubmitAsync(ReferralRequests.NorthKey, "Urgent", 1, issuingState: "XXL");

        cut.WaitForAssertion(() =>
            Assert.Contains(reference, cut.FindAll("[data-testid=case-link]").Select(a => a.TextContent.Trim())));
    }

    [Fact]
    public async Task The_pager_moves_through_the_cases_page_by_page()
    {
        for (var i = 0; i < 16; i++) await SubmitAsync(ReferralRequests.SouthKey, "Routine", null, issuingState: "XXP");
        SignInAs("officer.south@desc.local");
        var cut = RenderWithProviders<CaseGrid>(p => p.Add(g => g.Filter, new QueueFilter(OpenOnly: false, IssuingState: "XXP")));

        cut.WaitForAssertion(() => Assert.Equal(15, cut.FindAll("[data-testid=case-link]").Count));
        var firstPage = cut.FindAll("[data-testid=case-link]").Select(a => a.TextContent).ToList();
        Assert.Equal("1–15 of 16", cut.Find("[data-testid=pager] span").TextContent);

        await cut.InvokeAsync(() => cut.Find("[aria-label='Next page']").ClickAsync(new())); // no render between find and click

        cut.WaitForAssertion(() =>
        {
            var secondPage = cut.FindAll("[data-testid=case-link]").Select(a => a.TextContent).ToList();
            Assert.NotEmpty(secondPage);
            Assert.Empty(secondPage.Intersect(firstPage));
            Assert.Single(secondPage);
            Assert.Equal("16–16 of 16", cut.Find("[data-testid=pager] span").TextContent);
        });
    }

    [Fact]
    public async Task The_queue_opened_from_an_address_shows_its_filters_and_a_change_is_kept_in_the_address()
    {
        var routine = await SubmitAsync(ReferralRequests.NorthKey, "Routine", null, issuingState: "XXQ");
        var urgent = await SubmitAsync(ReferralRequests.NorthKey, "Urgent", 3, issuingState: "XXQ");
        SignInAs("examiner@desc.local");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("queue?state=xxq&urgency=Urgent&status=NoSuchStatus");

        var cut = RenderWithProviders<Queue>();

        cut.WaitForAssertion(() =>
        {
            var refs = cut.FindAll("[data-testid=case-link]").Select(a => a.TextContent.Trim()).ToList();
            Assert.Contains(urgent, refs);
            Assert.DoesNotContain(routine, refs);
        });
        Assert.Equal(("XXQ", "Urgent", "open"), (cut.Find("[data-testid=filter-state]").GetAttribute("value"),
            cut.Find("[data-testid=filter-urgency]").GetAttribute("value"), cut.Find("[data-testid=filter-status]").GetAttribute("value")));

        cut.Find("[data-testid=filter-urgency]").Change("all");
        cut.WaitForAssertion(() => Assert.Contains(routine, cut.FindAll("[data-testid=case-link]").Select(a => a.TextContent.Trim())));
        Assert.Equal(["state=XXQ"], new Uri(navigation.Uri).Query.TrimStart('?').Split('&'));
    }

    [Fact]
    public async Task A_row_counts_its_images_in_the_singular_for_one_and_the_plural_for_two()
    {
        var one = await SubmitAsync(ReferralRequests.NorthKey, "Routine", null, issuingState: "XXG", images: 1);
        var two = await SubmitAsync(ReferralRequests.NorthKey, "Routine", null, issuingState: "XXG", images: 2);
        SignInAs("examiner@desc.local");

        var cut = RenderWithProviders<CaseGrid>(p => p.Add(g => g.Filter, new QueueFilter(IssuingState: "XXG")));

        cut.WaitForAssertion(() =>
        {
            Assert.EndsWith("· 1 image", ImagesOf(cut, one), StringComparison.Ordinal);
            Assert.EndsWith("· 2 images", ImagesOf(cut, two), StringComparison.Ordinal);
        });
    }

    /// <summary>The documents cell's second line ("Passport · 2 images") in the row of the case.</summary>
    private static string ImagesOf(IRenderedComponent<CaseGrid> cut, string reference)
    {
        var row = cut.FindAll("tr").Single(r => r.QuerySelector("[data-testid=case-link]")?.TextContent.Trim() == reference);
        return string.Join(' ', row.QuerySelector("[data-testid=case-documents]")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private async Task<string> SubmitAsync(string key, string urgency, int? answerInHours, string issuingState = "UTO", int images = 1)
    {
        var referral = ReferralRequests.Example([.. Enumerable.Repeat("White", images)]);
        referral["urgency"] = urgency;
        referral["borderCrossingPoint"] = key == ReferralRequests.SouthKey ? "SOUTH-PORT" : "NORTH-GATE";
        referral["answerBy"] = answerInHours is { } h ? DateTimeOffset.UtcNow.AddHours(h).ToString("O") : null;
        referral["documents"]![0]!["issuingState"] = issuingState;
        using var client = Host.CreateClient().WithKey(key);
        var response = await client.PostAsync("/api/v1/referrals", ReferralRequests.Multipart(referral,
            [.. Enumerable.Range(0, images).Select(_ => TestImages.Jpeg(seed: Random.Shared.Next()))]), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("reference").GetString()!;
    }
}
