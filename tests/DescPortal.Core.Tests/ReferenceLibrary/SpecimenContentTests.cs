using DescPortal.Core.ReferenceLibrary;
using static DescPortal.Core.Tests.ReferenceLibrary.SpecimenSamples;

namespace DescPortal.Core.Tests.ReferenceLibrary;

// Given events, when a command, then events (or a refusal): building a specimen's content.
public class SpecimenContentTests
{
    private static readonly DateTimeOffset Later = Now.AddHours(1);

    [Fact]
    public void CreateRecordsTheSpecimenAtVersionOneAsADraft()
    {
        var events = SpecimenDecider.Create(Id, " uto ", Details() with { Series = "  2020 series " }, Editor, Now);

        var created = Assert.IsType<SpecimenCreated>(Assert.Single(events));
        Assert.Equal((Id, "UTO", "2020 series"), (created.SpecimenId, created.IssuingState, created.Details.Series));
        Assert.Equal(Details(), created.Details);
        Assert.Equal((Editor.Id, Now), (created.Actor, created.At));

        var specimen = Given(events);
        Assert.Equal(1, specimen.Version);
        Assert.Equal(SpecimenStatus.Draft, specimen.Status);
        Assert.Equal("UTO Passport 2020 series", specimen.Name);
        Assert.Equal([DocumentArea.DataPage, DocumentArea.Cover], specimen.Areas);
        Assert.Equal((DocumentFormat.TD3, new DateOnly(2020, 3, 1), (DateOnly?)null),
            (specimen.Format, specimen.IssuedFrom, specimen.IssuedTo));
        Assert.Empty(specimen.Images);
        Assert.False(specimen.ConfirmedByIssuer);
        Assert.False(specimen.ChangedSinceConfirmation);
        Assert.Null(specimen.LastConfirmation);
        Assert.Null(specimen.Origin);
    }

    [Fact]
    public void CreateReadsGermanyAsMrzsWriteItAsDeu()
    {
        var created = Assert.IsType<SpecimenCreated>(Assert.Single(SpecimenDecider.Create(Id, "D", Details(), Editor, Now)));

        Assert.Equal("DEU", created.IssuingState);
    }

    [Theory]
    [InlineData("ATL", "", 2020, null, Refusals.Specimen.IssuingStateUnknown, "'ATL' is not an ICAO country code.")]
    [InlineData("UTO", " ", 2020, null, Refusals.Specimen.SeriesRequired, "The series or version name is required.")]
    [InlineData("UTO", "2020", 2020, 2019, Refusals.Specimen.IssuedToBeforeFrom, "The last date of issue (2019-03-01) is before the first (2020-03-01).")]
    [InlineData("UTO", "2020", 1, null, Refusals.Specimen.IssuedFromTooEarly, "The first date of issue (0001-03-01) is before 1900.")]
    public void CreateRefusesAnUnknownStateABlankSeriesOrAnInvertedIssuePeriod(
        string state, string series, int fromYear, int? toYear, string code, string expected)
    {
        var details = Details() with
        {
            Series = series.Length == 0 ? "2020 series" : series,
            IssuedFrom = new DateOnly(fromYear, 3, 1),
            IssuedTo = toYear is { } y ? new DateOnly(y, 3, 1) : null,
        };

        var refusal = Assert.Throws<DomainException>(() => SpecimenDecider.Create(Id, state, details, Editor, Now));

        RefusalAssert.Equal(code, expected, refusal);
    }

    [Fact]
    public void CreateRefusesASpecimenThatShowsNoArea()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.Create(Id, "UTO", Details() with { Areas = [] }, Editor, Now));

        RefusalAssert.Equal(Refusals.Specimen.AreasRequired, "Name at least one page or area that the specimen shows.", refusal);
    }

    [Fact]
    public void AnEmptyActorOrIdIsAProgrammingError()
    {
        Assert.ThrowsAny<ArgumentException>(() =>
            SpecimenDecider.Create(Id, "UTO", Details(), LibraryActor.Editor(" ", "Dr Ada Lind"), Now));
        Assert.ThrowsAny<ArgumentException>(() => SpecimenDecider.Create(Guid.Empty, "UTO", Details(), Editor, Now));
        Assert.ThrowsAny<ArgumentException>(() => SpecimenDecider.Create(Id, "UTO", Details(), Editor, default));
    }

    [Fact]
    public void EveryChangeOfContentRaisesTheVersionByOne()
    {
        var history = SpecimenHistory.Created();
        var versions = new List<int> { history.State.Version };

        history.Then(s => SpecimenDecider.AddImage(s, White, Editor, Later));
        versions.Add(history.State.Version);
        history.Then(s => SpecimenDecider.AddImage(s, Uv, Editor, Later));
        versions.Add(history.State.Version);
        history.Then(s => SpecimenDecider.AddFeature(s, UvInk(), Editor, Later));
        versions.Add(history.State.Version);
        history.Then(s => SpecimenDecider.ChangeFeature(s, UvInk() with { InspectionLevel = 1 }, Editor, Later));
        versions.Add(history.State.Version);
        history.Then(s => SpecimenDecider.ChangeDetails(s, Details() with { IssuedTo = new DateOnly(2030, 12, 31) }, Editor, Later));
        versions.Add(history.State.Version);
        history.Then(s => SpecimenDecider.RemoveFeature(s, FeatureId(1), Editor, Later));
        versions.Add(history.State.Version);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], versions);
        Assert.Equal(Later, history.State.ChangedAt);
        Assert.Equal(Now, history.State.CreatedAt);
    }

    [Fact]
    public void TheSameDetailsOrTheSameFeatureAgainChangeNothing()
    {
        var specimen = SpecimenHistory.WithImages().Then(s => SpecimenDecider.AddFeature(s, UvInk(), Editor, Now)).State;

        Assert.Empty(SpecimenDecider.ChangeDetails(specimen, Details() with { Series = " 2020 series" }, Editor, Later));
        Assert.Empty(SpecimenDecider.AddFeature(specimen, UvInk(), Editor, Later));
        Assert.Empty(SpecimenDecider.ChangeFeature(specimen, UvInk() with { Type = "uvfluorescent" }, Editor, Later));
        Assert.Empty(SpecimenDecider.RemoveFeature(specimen, FeatureId(9), Editor, Later));
    }

    [Fact]
    public void ChangedDetailsReplaceTheOldOnesButKeepTheIssuingState()
    {
        var specimen = SpecimenHistory.Created().State;
        var changed = Details() with { Series = "2020 series, second edition", IssuedTo = new DateOnly(2024, 6, 30), Format = DocumentFormat.TD1 };

        var e = Assert.IsType<SpecimenDetailsChanged>(Assert.Single(SpecimenDecider.ChangeDetails(specimen, changed, Editor, Later)));
        var after = specimen.Apply(e);

        Assert.Equal(changed, after.Details);
        Assert.Equal("UTO", after.IssuingState);
        Assert.Equal(2, after.Version);
    }

    [Fact]
    public void AnAreaThatImagesShowCannotBeDroppedFromTheDetails()
    {
        var specimen = SpecimenHistory.WithImages().State;

        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.ChangeDetails(specimen, Details() with { Areas = [DocumentArea.Cover] }, Editor, Later));

        RefusalAssert.Equal(Refusals.Specimen.AreasDropped, "Images of the specimen show DataPage; keep it among its areas.", refusal);
    }

    [Fact]
    public void AnImageIsRecordedWithItsHashResolutionAndSize()
    {
        var specimen = SpecimenHistory.Created().State;

        var e = Assert.IsType<SpecimenImageAdded>(Assert.Single(SpecimenDecider.AddImage(specimen, Uv, Editor, Later)));

        Assert.Equal(Uv, e.Image);
        var image = Assert.Single(specimen.Apply(e).Images);
        Assert.Equal((600, 4000, 3000, 1_000_002L), (image.Dpi, image.Width, image.Height, image.SizeBytes));
        Assert.Equal(new string('c', 64), image.Sha256);
        Assert.Equal((LightSource.UV365, DocumentArea.DataPage), (image.LightSource, image.Area));
    }

    [Fact]
    public void AddingTheSameImageAgainChangesNothing()
    {
        var specimen = SpecimenHistory.WithImages().State;

        Assert.Empty(SpecimenDecider.AddImage(specimen, White with { Note = "  " }, Editor, Later));
    }

    [Fact]
    public void AnImageIdAlreadyUsedForOtherContentIsRefused()
    {
        var specimen = SpecimenHistory.WithImages().State;

        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.AddImage(specimen, White with { Dpi = 1200 }, Editor, Later));

        Assert.Equal(Refusals.Specimen.ImageExistsOtherwise, refusal.Code);
        Assert.StartsWith("The specimen already has an image with this id", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameFileUnderAnotherIdIsRefused()
    {
        var specimen = SpecimenHistory.WithImages().State;

        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.AddImage(specimen, White with { ImageId = ImageId(5) }, Editor, Later));

        RefusalAssert.Equal(Refusals.Specimen.ImageDuplicateFile, "This file is already on the specimen, as the DataPage image taken under White light.", refusal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-300)]
    [InlineData(20_001)]
    public void AnImageWithoutAResolutionIsRefused(int dpi)
    {
        var specimen = SpecimenHistory.Created().State;

        var refusal = Assert.Throws<DomainException>(() => SpecimenDecider.AddImage(specimen, White with { Dpi = dpi }, Editor, Later));

        RefusalAssert.Equal(Refusals.Specimen.DpiRequired, "The resolution is required (1 to 20000 dpi), so that comparisons with the specimen are to scale.", refusal);
    }

    [Fact]
    public void AnImageOfAnAreaTheSpecimenDoesNotShowIsRefused()
    {
        var specimen = SpecimenHistory.Created().State;

        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.AddImage(specimen, Image(3, LightSource.White, DocumentArea.VisaPage), Editor, Later));

        RefusalAssert.Equal(Refusals.Specimen.AreaNotShown, "The specimen does not show the VisaPage; add it to the specimen's areas first.", refusal);
    }

    [Theory]
    [InlineData('A', 64)]
    [InlineData('a', 63)]
    [InlineData('g', 64)]
    public void AnImageWhoseHashIsNotSixtyFourLowerCaseHexDigitsIsAProgrammingError(char digit, int length)
    {
        var specimen = SpecimenHistory.Created().State;

        Assert.ThrowsAny<ArgumentException>(() =>
            SpecimenDecider.AddImage(specimen, White with { Sha256 = new string(digit, length) }, Editor, Later));
    }

    [Fact]
    public void AFeatureIsRecordedWithItsCategoryTypeLightsLevelAndLocations()
    {
        var specimen = SpecimenHistory.WithImages().State;
        var sent = UvInk() with { Type = " uvFluorescent ", Lights = [LightSource.UV365, LightSource.UV313, LightSource.UV365] };

        var e = Assert.IsType<SecurityFeatureAdded>(Assert.Single(SpecimenDecider.AddFeature(specimen, sent, Editor, Later)));

        Assert.Equal("UvFluorescent", e.Feature.Type);
        Assert.Equal([LightSource.UV365, LightSource.UV313], e.Feature.Lights);
        Assert.Equal(UvInk() with { Lights = [LightSource.UV365, LightSource.UV313] }, e.Feature);
        var feature = Assert.Single(specimen.Apply(e).Features);
        Assert.Equal((SecurityFeatureCategory.Ink, 2), (feature.Category, feature.InspectionLevel));
        Assert.Equal([new FeatureLocation(ImageId(2), 100, 200, 300, 150)], feature.Locations);
    }

    [Fact]
    public void AFeatureLocatedOnAnImageUnderALightItDoesNotShowUnderIsRefused()
    {
        var specimen = SpecimenHistory.WithImages().State;
        var onWhiteImage = UvInk(new FeatureLocation(ImageId(1), 100, 200, 300, 150));

        var refusal = Assert.Throws<DomainException>(() => SpecimenDecider.AddFeature(specimen, onWhiteImage, Editor, Later));

        RefusalAssert.Equal(Refusals.Specimen.RegionWrongLight, 
            "Region 1 is on the DataPage image taken under White light, but the UV-fluorescent ink shows under UV365: "
            + "locate it on an image taken under UV365.",
            refusal);
    }

    [Fact]
    public void AFeatureShowingUnderSeveralLightsMayBeLocatedOnImagesOfEach()
    {
        var specimen = SpecimenHistory.WithImages().State;
        var locations = new[] { new FeatureLocation(ImageId(1), 0, 0, 10, 10), new FeatureLocation(ImageId(2), 0, 0, 10, 10) };
        var both = UvInk(locations) with { Lights = [LightSource.White, LightSource.UV365] };

        var e = Assert.IsType<SecurityFeatureAdded>(Assert.Single(SpecimenDecider.AddFeature(specimen, both, Editor, Later)));

        Assert.Equal(2, e.Feature.Locations.Count);
    }

    [Theory]
    [InlineData(3900, 0, 200, 50)]
    [InlineData(3901, 0, 100, 10)]
    [InlineData(0, 2991, 10, 10)]
    [InlineData(0, 2999, 10, 2)]
    [InlineData(-1, 0, 10, 10)]
    [InlineData(0, -5, 10, 10)]
    [InlineData(int.MaxValue, 0, int.MaxValue, 10)]
    public void ARegionThatDoesNotLieWithinItsImageIsRefused(int x, int y, int width, int height)
    {
        var specimen = SpecimenHistory.WithImages().State;

        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.AddFeature(specimen, UvInk(new FeatureLocation(ImageId(2), x, y, width, height)), Editor, Later));

        Assert.Equal(Refusals.Specimen.RegionOutside, refusal.Code);
        Assert.Contains("does not lie within the DataPage image taken under UV365 light, which is 4000 × 3000 pixels.",
            refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARegionFillingTheWholeImageLiesWithinIt()
    {
        var specimen = SpecimenHistory.WithImages().State;

        Assert.Single(SpecimenDecider.AddFeature(specimen, UvInk(new FeatureLocation(ImageId(2), 0, 0, 4000, 3000)), Editor, Later));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    [InlineData(-10, 10)]
    public void ARegionWithoutAreaIsRefused(int width, int height)
    {
        var specimen = SpecimenHistory.WithImages().State;

        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.AddFeature(specimen, UvInk(new FeatureLocation(ImageId(2), 10, 10, width, height)), Editor, Later));

        RefusalAssert.Equal(Refusals.Specimen.RegionTooSmall, "Region 1 must be at least one pixel wide and high.", refusal);
    }

    [Fact]
    public void ARegionOnAnImageTheSpecimenDoesNotHaveIsRefused()
    {
        var specimen = SpecimenHistory.WithImages().State;

        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.AddFeature(specimen, UvInk(new FeatureLocation(ImageId(4), 0, 0, 10, 10)), Editor, Later));

        RefusalAssert.Equal(Refusals.Specimen.RegionNoSuchImage, "Region 1 is on an image that the specimen does not have.", refusal);
    }

    [Theory]
    [InlineData(SecurityFeatureCategory.Ink, "Watermark")]
    [InlineData(SecurityFeatureCategory.Substrate, "Hologram")]
    [InlineData(SecurityFeatureCategory.Electronic, "")]
    [InlineData((SecurityFeatureCategory)42, "UvFluorescent")]
    public void AFeatureWhoseTypeIsNotOfItsCategoryIsRefused(SecurityFeatureCategory category, string type)
    {
        var specimen = SpecimenHistory.WithImages().State;

        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.AddFeature(specimen, UvInk() with { Category = category, Type = type }, Editor, Later));

        Assert.Matches("is not a type of|The category must be one of", refusal.Message);
    }

    [Fact]
    public void AnInvalidTypeIsExplainedWithTheTypesItsCategoryAllows()
    {
        var specimen = SpecimenHistory.WithImages().State;

        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.AddFeature(specimen, UvInk() with { Category = SecurityFeatureCategory.Numbering, Type = "Watermark" }, Editor, Later));

        RefusalAssert.Equal(Refusals.Specimen.FeatureTypeNotInCategory, "'Watermark' is not a type of Numbering (Numbering); its types are Printed and LaserPerforated.", refusal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void AnInspectionLevelOutsideOneToThreeIsRefused(int level)
    {
        var specimen = SpecimenHistory.WithImages().State;

        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.AddFeature(specimen, UvInk() with { InspectionLevel = level }, Editor, Later));

        Assert.Equal(Refusals.Specimen.InspectionLevelOutOfRange, refusal.Code);
        Assert.StartsWith("The inspection level must be 1 (naked eye)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFeatureWithoutLightsLocationsOrDescriptionIsRefusedWithEveryProblemAtOnce()
    {
        var specimen = SpecimenHistory.WithImages().State;

        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.AddFeature(specimen, UvInk() with { Lights = [], Locations = [], Description = "  " }, Editor, Later));

        RefusalAssert.Equal(Refusals.Several, 
            "Name at least one light under which the feature shows. Describe the feature. "
            + "Locate the feature on at least one image of the specimen.",
            refusal);
    }

    [Fact]
    public void AFeatureDescriptionIsBounded()
    {
        var specimen = SpecimenHistory.WithImages().State;

        Assert.Single(SpecimenDecider.AddFeature(specimen, UvInk() with { Description = new string('x', 2000) }, Editor, Later));
        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.AddFeature(specimen, UvInk() with { Description = new string('x', 2001) }, Editor, Later));
        RefusalAssert.Equal(Refusals.Specimen.TextTooLong, "The description is longer than 2000 characters.", refusal);
    }

    [Fact]
    public void AFeatureIdAlreadyUsedForAnotherFeatureIsRefused()
    {
        var specimen = SpecimenHistory.WithImages().Then(s => SpecimenDecider.AddFeature(s, UvInk(), Editor, Now)).State;

        var refusal = Assert.Throws<DomainException>(() =>
            SpecimenDecider.AddFeature(specimen, UvInk() with { InspectionLevel = 3 }, Editor, Later));

        RefusalAssert.Equal(Refusals.Specimen.FeatureExistsOtherwise, "The specimen already has this UV-fluorescent ink feature, with other content: change it instead.", refusal);
    }

    [Fact]
    public void ChangingOrRemovingAFeatureReplacesOrDropsItAlone()
    {
        var history = SpecimenHistory.WithImages()
            .Then(s => SpecimenDecider.AddFeature(s, UvInk(), Editor, Now))
            .Then(s => SpecimenDecider.AddFeature(s, Guilloche(), Editor, Now));

        var changed = UvInk() with { Description = "Rosette, red under UV 365 nm" };
        var change = SpecimenDecider.ChangeFeature(history.State, changed, Editor, Later);
        Assert.Equal(new SecurityFeatureChanged(Id, changed, Editor.Id, Later), Assert.Single(change));
        history.Then(_ => change);
        Assert.Equal(["Rosette, red under UV 365 nm", Guilloche().Description], history.State.Features.Select(f => f.Description));

        var removed = SpecimenDecider.RemoveFeature(history.State, FeatureId(1), Editor, Later);
        Assert.Equal(new SecurityFeatureRemoved(Id, FeatureId(1), Editor.Id, Later), Assert.Single(removed));
        history.Then(_ => removed);
        Assert.Equal([FeatureId(2)], history.State.Features.Select(f => f.FeatureId));
    }

    [Fact]
    public void ChangingAFeatureTheSpecimenDoesNotHaveIsRefused()
    {
        var specimen = SpecimenHistory.WithImages().State;

        var refusal = Assert.Throws<DomainException>(() => SpecimenDecider.ChangeFeature(specimen, UvInk(), Editor, Later));

        RefusalAssert.Equal(Refusals.Specimen.FeatureNotFound, "The specimen has no such security feature; it may have been removed.", refusal);
    }

    [Fact]
    public void AnIssuingAuthorityCannotEditTheContent()
    {
        var specimen = SpecimenHistory.WithImages().State;

        RefusalAssert.Equal(Refusals.Specimen.EditorsOnly, "Only library editors can add images to specimens.",
            Assert.Throws<DomainException>(() => SpecimenDecider.AddImage(specimen, Image(3, LightSource.IR), Utopia, Later)));
        RefusalAssert.Equal(Refusals.Specimen.EditorsOnly, "Only library editors can add security features.",
            Assert.Throws<DomainException>(() => SpecimenDecider.AddFeature(specimen, UvInk(), Utopia, Later)));
        RefusalAssert.Equal(Refusals.Specimen.EditorsOnly, "Only library editors can change specimens.",
            Assert.Throws<DomainException>(() => SpecimenDecider.ChangeDetails(specimen, Details(), Utopia, Later)));
        RefusalAssert.Equal(Refusals.Specimen.EditorsOnly, "Only library editors can create specimens.",
            Assert.Throws<DomainException>(() => SpecimenDecider.Create(Id, "UTO", Details(), Utopia, Later)));
    }

    [Theory]
    [InlineData(2019, false)]
    [InlineData(2020, true)]
    [InlineData(2040, true)]
    public void AnOpenEndedSpecimenIsIssuedFromItsFirstYearOn(int year, bool expected)
    {
        Assert.Equal(expected, SpecimenHistory.Created().State.WasIssuedIn(year));
    }

    [Theory]
    [InlineData(2019, false, false)]
    [InlineData(2020, true, true)]
    [InlineData(2024, true, false)]
    [InlineData(2025, false, false)]
    public void ABoundedSpecimenIsIssuedInTheYearsItsPeriodTouches(int year, bool inYear, bool onFirstOfJune)
    {
        var specimen = SpecimenHistory.Created().State with { IssuedTo = new DateOnly(2024, 1, 31) };

        Assert.Equal(inYear, specimen.WasIssuedIn(year));
        Assert.Equal(onFirstOfJune, specimen.WasIssuedOn(new DateOnly(year, 6, 1)));
    }
}
