using DescPortal.Testing;
using Microsoft.Playwright;
using Xunit;

namespace DescPortal.EndToEnd.Opinion;

/// <summary>The examiner asks the officer for more material; the officer answers in the portal with an image; the case returns.</summary>
public sealed class InformationRequestTests(BrowserHost host)
{
    [Fact]
    public async Task The_examiner_asks_for_a_uv_image_and_the_officer_sends_it_from_the_referral_page()
    {
        var caseId = await host.SubmitReferralAsync(ReferralRequests.Example(["White"]), TestImages.Jpeg(900, 600, seed: 91));

        var examiner = await host.SignInAsync("examiner@desc.local");
        await BrowserHost.TakeCaseAsync(examiner, caseId);
        await examiner.GetByTestId("information-open").ClickAsync();
        await examiner.GetByTestId("information-message").FillAsync("Please send the data page under UV 365 nm.");
        await examiner.GetByTestId("information-send").ClickAsync();
        await Assertions.Expect(examiner.GetByTestId("status").First).ToHaveTextAsync("Awaiting information");
        await Assertions.Expect(examiner.GetByTestId("information-request")).ToContainTextAsync("under UV 365 nm");

        // The officer of the agency sees the request on the referral and answers it with an image.
        var officer = await host.SignInAsync("officer.north@desc.local");
        await officer.GotoAsync($"/referrals/{caseId}");
        await BrowserHost.WaitInteractiveAsync(officer);
        await Assertions.Expect(officer.GetByTestId("information-request")).ToContainTextAsync("Please send the data page under UV 365 nm.");
        await officer.GetByTestId("answer-message").FillAsync("Taken with the UV lamp of the booth.");
        await officer.GetByTestId("answer-files").SetInputFilesAsync(new FilePayload
        {
            Name = "uv-data-page.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(900, 600, seed: 92),
        });
        await Assertions.Expect(officer.GetByTestId("answer-image")).ToHaveCountAsync(1);
        await officer.GetByTestId("answer-light").SelectOptionAsync("UV365");
        await BrowserHost.ScreenshotAsync(officer, "officer-answer-form");
        await officer.GetByTestId("answer-send").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("information-request")).ToHaveCountAsync(0);
        await Assertions.Expect(officer.GetByTestId("officer-status")).ToBeVisibleAsync();

        // Back with the examiner: in examination again, with the new image and the answer in the history.
        await examiner.ReloadAsync();
        await BrowserHost.WaitInteractiveAsync(examiner);
        await Assertions.Expect(examiner.GetByTestId("status").First).ToHaveTextAsync("In examination");
        await Assertions.Expect(examiner.GetByTestId("evidence-card")).ToHaveCountAsync(2);
        await Assertions.Expect(examiner.GetByTestId("evidence-light").Nth(1)).ToContainTextAsync("UV 365 nm");
        var answered = examiner.Locator("[data-testid='history-entry'][data-type='InformationProvided']");
        await Assertions.Expect(answered).ToContainTextAsync("Request for more material answered with image 2 (document 1, ");
        await Assertions.Expect(answered).ToContainTextAsync("UV 365 nm (long-wave)");
        await Assertions.Expect(examiner.GetByTestId("history-text").Filter(new() { HasText = "Taken with the UV lamp of the booth." })).ToHaveCountAsync(1);
        foreach (var page in new[] { examiner, officer }) await page.Context.CloseAsync();
    }
}
