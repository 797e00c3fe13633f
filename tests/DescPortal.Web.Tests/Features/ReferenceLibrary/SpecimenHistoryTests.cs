using Bunit;
using DescPortal.Core;
using DescPortal.Core.History;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Infrastructure.Persistence;
using Xunit;

namespace DescPortal.Web.Tests.Features.ReferenceLibrary;

/// <summary>The specimen's history as the page lists it, from the stream's entries (oldest first).</summary>
public sealed class SpecimenHistoryTests(ComponentHost host) : ComponentTest(host)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Runs_of_one_change_by_one_person_read_as_one_line_newest_first()
    {
        var cut = Render<SpecimenHistory>(p => p.Add(x => x.History, new List<HistoryEntry>
        {
            new(nameof(SpecimenCreated), T0, "Lena Librarian", 1),
            new(nameof(SecurityFeatureAdded), T0.AddMinutes(1), "Lena Librarian", 2),
            new(nameof(SecurityFeatureAdded), T0.AddMinutes(2), "Lena Librarian", 3),
            new(nameof(SecurityFeatureAdded), T0.AddMinutes(3), "Lena Librarian", 4),
            new(nameof(SecurityFeatureAdded), T0.AddMinutes(4), "Omar Other", 5),
            new(nameof(SpecimenSubmittedForConfirmation), T0.AddMinutes(5), "Lena Librarian", 6),
        }));

        var lines = cut.FindAll("[data-testid=history-entry]");
        Assert.Equal(
            [nameof(SpecimenSubmittedForConfirmation), nameof(SecurityFeatureAdded), nameof(SecurityFeatureAdded), nameof(SpecimenCreated)],
            lines.Select(l => l.GetAttribute("data-type")));
        Assert.Contains("Omar Other", lines[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("×", lines[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Security feature added × 3", lines[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("2 Mar 2026 09:01 UTC – 2 Mar 2026 09:03 UTC · Lena Librarian", lines[2].TextContent, StringComparison.Ordinal);
        // Content changes raise the version and are marked; the submission is not one.
        Assert.DoesNotContain("is-content", lines[0].ClassName ?? "", StringComparison.Ordinal);
        Assert.Contains("is-content", lines[3].ClassName ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_change_says_what_changed_and_a_run_does_not_pick_one()
    {
        var ink = new SecurityFeature(Guid.NewGuid(), SecurityFeatureCategory.Ink, "UvFluorescent", [LightSource.UV365], 2, "Rosette", []);
        var microprint = ink with { FeatureId = Guid.NewGuid(), Category = SecurityFeatureCategory.SecurityPrinting, Type = "Microprinting", Lights = [LightSource.White] };
        HistoryEntry Added(SecurityFeature f, string actor, int version) => new(nameof(SecurityFeatureAdded), T0.AddMinutes(version), actor, version,
            LibraryHistory.Describe(new SecurityFeatureAdded(Guid.Empty, f, actor, T0), null));

        var cut = Render<SpecimenHistory>(p => p.Add(x => x.History, new List<HistoryEntry>
        {
            Added(ink, "Lena Librarian", 2),
            Added(microprint, "Lena Librarian", 3),
            Added(microprint, "Omar Other", 4),
        }));

        var lines = cut.FindAll("[data-testid=history-entry]");
        Assert.Equal("Security feature added: Microprinting, under White light, reflected", lines[0].QuerySelector("[data-testid=history-line]")!.TextContent);
        Assert.Null(lines[1].QuerySelector("[data-testid=history-line]"));
    }
}
