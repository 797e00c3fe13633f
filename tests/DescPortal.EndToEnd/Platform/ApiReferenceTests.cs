using Microsoft.Playwright;
using Xunit;

namespace DescPortal.EndToEnd.Platform;

public sealed class ApiReferenceTests(BrowserHost host)
{
    [Fact]
    public async Task Signed_out_the_reference_page_renders_the_document_with_no_request_outside_the_portal()
    {
        var page = await host.NewPageAsync();
        // Under its Content-Security-Policy (its inline configuration allowed by hash): nothing is refused but the one
        // eval Scalar's bundle tries to learn whether it may compile validators (it works without: Zod's jitless mode).
        var policy = new ContentSecurity(page, tolerated: m => m.Contains("Refused to evaluate a string as JavaScript", StringComparison.Ordinal));
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(host.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
                && !request.Url.StartsWith("data:", StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
                outside.Add(request.Url);
        };

        await page.GotoAsync("/api/docs");

        Assert.EndsWith("/api/docs/", page.Url, StringComparison.Ordinal);
        // The submit operation's title, and its worked example, both read from /openapi/v1.json.
        await page.GetByRole(AriaRole.Link, new() { Name = "Referrals", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Submit a referral") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Submit a referral" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Worked example").First).ToBeAttachedAsync();
        await BrowserHost.ScreenshotAsync(page, "api-reference");
        Assert.True(outside.Count == 0, "Requested outside the portal: " + string.Join(", ", outside));
        Assert.True(policy.Problems.Count == 0, "Content-Security-Policy:\n" + string.Join('\n', policy.Problems));
        await page.Context.CloseAsync();
    }
}
