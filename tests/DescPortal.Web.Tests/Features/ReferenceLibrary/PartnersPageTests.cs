using AngleSharp.Dom;
using Bunit;
using DescPortal.Testing;
using DescPortal.Web.Features.ReferenceLibrary.Exchange;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.Web.Tests.Features.ReferenceLibrary;

/// <summary>The administrators' page of partner installations: this installation's fingerprint, registering, the record.</summary>
public sealed class PartnersPageTests(ComponentHost host) : ComponentTest(host)
{
    private static IElement Input(IRenderedComponent<PartnersPage> cut, string testId) =>
        cut.Find($"[data-testid={testId}]") is { TagName: "INPUT" } input ? input : cut.Find($"[data-testid={testId}] input");

    [Fact]
    public async Task An_administrator_sees_this_installations_fingerprint_and_registers_a_partner_with_errors_beside_the_fields()
    {
        SignInAs("admin@desc.local");
        var me = await Host.Services.GetRequiredService<InstallationIdentity>().GetAsync(Xunit.TestContext.Current.CancellationToken);
        using var key = SpecimenArchives.NewKey();
        var fingerprint = SpecimenArchives.Sha256(key.ExportSubjectPublicKeyInfo());

        var cut = RenderWithProviders<PartnersPage>();
        cut.WaitForAssertion(() => Assert.Equal(me.FingerprintGroups, cut.Find("[data-testid=own-fingerprint]").TextContent.Trim()));

        await cut.InvokeAsync(() => Input(cut, "partner-fingerprint").Input(me.FingerprintGroups));
        await cut.InvokeAsync(() => cut.Find("[data-testid=register-button]").Click());
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Name: enter the partner installation's name", cut.Find("[data-testid=register-partner]").TextContent, StringComparison.Ordinal);
            Assert.Contains("Key fingerprint: this is this installation's own key", cut.Find("[data-testid=register-partner]").TextContent, StringComparison.Ordinal);
        });

        await cut.InvokeAsync(() => Input(cut, "partner-name").Input("DESC West <b>bold</b>"));
        await cut.InvokeAsync(() => Input(cut, "partner-fingerprint").Input(InstallationIdentity.Grouped(fingerprint)));
        await cut.InvokeAsync(() => cut.Find("[data-testid=register-button]").Click());

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid=partner-row][data-fingerprint='{fingerprint}']")));
        var row = cut.Find($"[data-testid=partner-row][data-fingerprint='{fingerprint}']");
        // Text, never markup.
        Assert.Contains("DESC West <b>bold</b>", row.TextContent, StringComparison.Ordinal);
        Assert.Empty(row.QuerySelectorAll("b"));
        Assert.Contains(InstallationIdentity.Grouped(fingerprint), row.TextContent, StringComparison.Ordinal);
        Assert.Contains("admin@desc.local", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(cut.FindAll("[data-testid=partner-change]"), c => c.TextContent.Contains(InstallationIdentity.Grouped(fingerprint), StringComparison.Ordinal)
            && c.GetAttribute("data-registered") == "true");
    }
}
