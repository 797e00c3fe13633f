using System.Text.RegularExpressions;
using DescPortal.Testing;
using Microsoft.Playwright;
using Xunit;
using static DescPortal.EndToEnd.BrowserHost;

namespace DescPortal.EndToEnd.Referrals;

/// <summary>The foundation's whole slice in a browser: the officer refers, the examiner finds, opens and sees.</summary>
public sealed partial class ReferralToQueueTests(BrowserHost host)
{
    [Fact]
    public async Task An_officer_refers_with_white_UV_and_IR_images_and_an_examiner_finds_it_first_in_the_queue()
    {
        var folder = Directory.CreateTempSubdirectory("desc-e2e-").FullName;
        string[] files = [Path.Combine(folder, "white.jpg"), Path.Combine(folder, "uv.png"), Path.Combine(folder, "ir.tif")];
        await File.WriteAllBytesAsync(files[0], TestImages.Jpeg(900, 600, seed: 101), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(files[1], TestImages.Png(900, 600, seed: 102), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(files[2], TestImages.Tiff(900, 600, seed: 103), TestContext.Current.CancellationToken);

        // The officer at NORTH-GATE.
        var officer = await host.SignInAsync("officer.north@desc.local");
        await officer.GotoAsync("/referrals/new");
        await BrowserHost.WaitInteractiveAsync(officer);
        var t = (string id) => officer.GetByTestId(id);

        // Typed key by key, as an officer does, and committed on leaving the field.
        const string reason = "Laminate edge lifted near the portrait; UV shows no fibres.";
        await BrowserHost.RecordFocusAsync(officer);
        await t("reason").PressSequentiallyAsync(reason);
        // Keys lost to something that took the focus mid-typing: the trail says what took it.
        var typed = await t("reason").InputValueAsync();
        Assert.True(typed == reason, $"typed \"{typed}\"; focus trail: {await BrowserHost.FocusTrailAsync(officer)}");
        await t("reason").PressAsync("Tab");
        // After its list closes, the crossing-point select takes the focus back (a moment later under load): chosen
        // after the typing, so that it cannot take the keys of the next field.
        await t("crossing-point").ClickAsync();
        await officer.Locator(".mud-popover-open .mud-list-item", new() { HasText = "NORTH-GATE" }).First.ClickAsync();
        await Assertions.Expect(officer.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await t("urgency-urgent").ClickAsync();
        // The deadline is entered in the crossing point's time zone; the quick choice avoids the browser's own zone.
        await t("answer-in-1h").ClickAsync();
        await t("bearer-surname").FillAsync("ERIKSSON");
        await t("bearer-given-names").FillAsync("ANNA MARIA");
        await t("bearer-nationality").FillAsync("UTO");
        await t("bearer-nationality").PressAsync("Tab");
        await t("bearer-dob").FillAsync("1974-08-12");
        await t("document-issuing-state-0").FillAsync("UTO");
        await t("document-issuing-state-0").PressAsync("Tab");
        await t("document-number-0").FillAsync("L898902C3");

        await t("image-input").SetInputFilesAsync(files);
        await Assertions.Expect(officer.Locator("[data-testid^='image-card-']")).ToHaveCountAsync(3);
        await ChooseAsync(officer, "image-light-1", "UV 365 nm");
        await ChooseAsync(officer, "image-light-2", "Infrared (IR)");
        await BrowserHost.ScreenshotAsync(officer, "referral-form-filled");

        await Assertions.Expect(t("reason")).ToHaveValueAsync(reason);
        await t("submit-referral").ClickAsync();
        try
        {
            // The page shows the case (the form navigates within the app; its evidence images may still be loading).
            await Assertions.Expect(officer.GetByTestId("case-reference")).ToBeVisibleAsync();
            Assert.Matches(CaseUrl(), officer.Url);
        }
        catch (TimeoutException)
        {
            await BrowserHost.ScreenshotAsync(officer, "referral-not-sent");
            throw;
        }
        var reference = (await officer.GetByTestId("case-reference").InnerTextAsync()).Trim();
        Assert.Matches(@"^DESC-\d{4}-\d{6}$", reference);
        await BrowserHost.ScreenshotAsync(officer, "referral-sent");
        await officer.Context.CloseAsync();

        // The examiner: first in the queue (the only urgent case due within the hour), then the case page.
        var examiner = await host.SignInAsync("examiner@desc.local");
        await examiner.GotoAsync("/queue");
        await BrowserHost.WaitInteractiveAsync(examiner);
        var first = examiner.GetByTestId("case-link").First;
        await Assertions.Expect(first).ToHaveTextAsync(reference);
        await BrowserHost.ScreenshotAsync(examiner, "queue-with-referral");

        await first.ClickAsync();
        await Assertions.Expect(examiner.GetByTestId("evidence-card").First).ToBeVisibleAsync();
        Assert.Matches(CaseUrl(), examiner.Url);
        await Assertions.Expect(examiner.GetByTestId("evidence-card")).ToHaveCountAsync(3);
        // The thumbnails come from the job; the page refreshes itself when they exist.
        await Assertions.Expect(examiner.Locator("img[data-thumbnail='ready']")).ToHaveCountAsync(3);
        await Assertions.Expect(examiner.GetByTestId("evidence-light")).ToHaveTextAsync(["White light, reflected", "UV 365 nm (long-wave)", "Infrared (IR)"]);
        var history = examiner.GetByTestId("history-entry");
        await Assertions.Expect(history.First).ToContainTextAsync($"referral {reference} submitted at NORTH-GATE");
        await Assertions.Expect(history.Filter(new() { HasText = "Evidence attached: image" })).ToHaveCountAsync(3);
        await Assertions.Expect(history.Filter(new() { HasText = "Evidence attached: image 2 (document 1" })).ToContainTextAsync("UV 365 nm (long-wave)");
        // Each thumbnail loads (a src just switched to the thumbnail is still loading for a moment; a broken one never does).
        await examiner.WaitForFunctionAsync(
            "() => [...document.querySelectorAll(\"img[data-thumbnail='ready']\")].every(i => i.complete && i.naturalWidth > 0)",
            null, new() { Timeout = Slow });
        await BrowserHost.ScreenshotAsync(examiner, "case-page-examiner");

        await examiner.GetByTestId("take-case").ClickAsync();
        await Assertions.Expect(examiner.GetByTestId("assigned-examiner")).ToContainTextAsync("Erik Examiner");
        await examiner.Context.CloseAsync();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
    }

    [GeneratedRegex(@"/(referrals|cases)/[0-9a-f-]{36}$")]
    private static partial Regex CaseUrl();
}
