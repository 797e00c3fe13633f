using Bunit;
using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Testing;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Features.ReferenceLibrary.Editing;
using DescPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.Web.Tests.Features.ReferenceLibrary;

public sealed class NewSpecimenPageTests(ComponentHost host) : ComponentTest(host)
{

    [Fact]
    public async Task Each_missing_or_wrong_field_is_named_and_a_valid_specimen_is_created_and_opened()
    {
        SignInAs("examiner@desc.local");
        var cut = RenderWithProviders<NewSpecimenPage>();

        await cut.InvokeAsync(() => cut.Find("[data-testid=specimen-details-form]").Submit());
        Assert.Contains("three-letter ICAO code", cut.Find("[data-testid=details-error-issuingState]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=details-error-series]"));
        Assert.NotNull(cut.Find("[data-testid=details-error-issuedFrom]"));

        await cut.InvokeAsync(() => cut.Find("[data-testid=details-state]").Input("QQQ"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=details-series]").Input("Passport, 2025 series"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=details-from]").Change("2025-01-01"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=specimen-details-form]").Submit());
        Assert.Contains("'QQQ' is not an ICAO country code", cut.Find("[data-testid=details-error-issuingState]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=details-error-series]"));
        // What was typed stays.
        Assert.Equal("Passport, 2025 series", cut.Find("[data-testid=details-series]").GetAttribute("value"));

        await cut.InvokeAsync(() => cut.Find("[data-testid=details-state]").Input("xxa"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=details-area-Cover]").Change(true));
        await cut.InvokeAsync(() => cut.Find("[data-testid=specimen-details-form]").Submit());

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Matches("/library/[0-9a-f-]{36}$", navigation.Uri));
        var id = Guid.Parse(navigation.Uri[^36..]);
        var editor = new UserScope("test-library-editor", "Lena Librarian", new HashSet<string> { Roles.Examiner }, null, null, false);
        var entry = await Host.Services.GetRequiredService<LibraryQueries>().LoadAsync(editor, id, Xunit.TestContext.Current.CancellationToken);
        Assert.NotNull(entry);
        Assert.Equal("XXA", entry.IssuingState);
        Assert.Equal("Passport, 2025 series", entry.Specimen.Series);
        Assert.Equal(new DateOnly(2025, 1, 1), entry.Specimen.IssuedFrom);
        Assert.Equal([DocumentArea.DataPage, DocumentArea.Cover], entry.Specimen.Areas);
        Assert.Equal(SpecimenStatus.Draft, entry.Specimen.Status);
    }
}
