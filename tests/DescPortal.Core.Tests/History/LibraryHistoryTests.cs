using System.Globalization;
using DescPortal.Core.History;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Core.Tests.ReferenceLibrary;
using Samples = DescPortal.Core.Tests.ReferenceLibrary.SpecimenSamples;

namespace DescPortal.Core.Tests.History;

// The specimen history in words: which image, which feature (by its type and lights), which version and by whom.
public class LibraryHistoryTests
{
    [Fact]
    public void Lines_name_the_image_feature_and_version_in_the_pages_labels()
    {
        var events = SpecimenHistory.Confirmed()
            .Then(s => SpecimenDecider.RemoveFeature(s, Samples.FeatureId(1), Samples.Editor, Samples.Now))
            .Events;

        var lines = LibraryHistory.Of(events).Select(l => l.Centre.In(CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(
        [
            "Specimen of UTO created: Passport, 2020 series",
            "Image added: Data page, White light, reflected, 600 dpi",
            "Image added: Data page, UV 365 nm (long-wave), 600 dpi",
            "Security feature added: UV-fluorescent ink, under UV 365 nm (long-wave)",
            "Version 4 submitted to the issuing authority for confirmation",
            "Version 4 confirmed by Mira Holt for UTO",
            "Security feature removed: UV-fluorescent ink, under UV 365 nm (long-wave)",
        ], lines);
    }
}
