using DescPortal.Core.ReferenceLibrary;

namespace DescPortal.Core.Tests.ReferenceLibrary;

/// <summary>A Utopian passport specimen, the people who act on it, and its history built through the decider.</summary>
internal static class SpecimenSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid Id = Guid.Parse("5e0c1a00-0000-4000-8000-000000000001");

    public static readonly LibraryActor Editor = LibraryActor.Editor("examiner-3", "Dr Ada Lind");
    public static readonly LibraryActor Utopia = LibraryActor.Authority("uto-officer-1", "Mira Holt", "UTO");
    public static readonly LibraryActor Netherlands = LibraryActor.Authority("nld-officer-1", "Joost Vermeer", "NLD");

    public static SpecimenDetails Details() => new(
        DocumentType.Passport, "2020 series", new DateOnly(2020, 3, 1), null, DocumentFormat.TD3,
        "Polycarbonate data page with laser-engraved personalisation", [DocumentArea.DataPage, DocumentArea.Cover]);

    public static Guid ImageId(int n) => Guid.Parse($"00000000-0000-4000-a000-{n:D12}");

    public static Guid FeatureId(int n) => Guid.Parse($"00000000-0000-4000-b000-{n:D12}");

    public static Guid CorrectionId(int n) => Guid.Parse($"00000000-0000-4000-c000-{n:D12}");

    /// <summary>Image n (1 to 5) of the data page: 4000 × 3000 pixels at 600 dpi.</summary>
    public static SpecimenImage Image(int n, LightSource light, DocumentArea area = DocumentArea.DataPage) => new(
        ImageId(n), area, light, 600, light == LightSource.UV365 ? 365 : null, "VSC 8000", Now.AddDays(-1), null,
        $"specimens/{n}.tif", new string((char)('a' + n), 64), 1_000_000 + n, 4000, 3000, "image/tiff");

    public static SpecimenImage White => Image(1, LightSource.White);

    public static SpecimenImage Uv => Image(2, LightSource.UV365);

    /// <summary>A UV-fluorescent ink located on the UV image.</summary>
    public static SecurityFeature UvInk(params FeatureLocation[] locations) => new(
        FeatureId(1), SecurityFeatureCategory.Ink, "UvFluorescent", [LightSource.UV365], 2,
        "Red and green fluorescent rosette behind the portrait",
        locations.Length > 0 ? locations : [new FeatureLocation(ImageId(2), 100, 200, 300, 150)]);

    /// <summary>A guilloche located on the white-light image.</summary>
    public static SecurityFeature Guilloche() => new(
        FeatureId(2), SecurityFeatureCategory.SecurityPrinting, "Guilloche", [LightSource.White], 1,
        "Two-colour guilloche across the data page", [new FeatureLocation(ImageId(1), 0, 0, 4000, 3000)]);

    public static Specimen Given(params IEnumerable<object> events) =>
        Specimen.Fold(events) ?? throw new InvalidOperationException("No specimen events.");
}

/// <summary>A specimen's stream, grown one decided command at a time: the "given" of the tests.</summary>
internal sealed class SpecimenHistory
{
    private readonly List<object> events = [];

    public IReadOnlyList<object> Events => events;

    public Specimen State => SpecimenSamples.Given(events);

    /// <summary>Created, then a white-light and a UV image of the data page: version 3.</summary>
    public static SpecimenHistory WithImages() =>
        Created().Then(s => SpecimenDecider.AddImage(s, SpecimenSamples.White, SpecimenSamples.Editor, SpecimenSamples.Now))
                 .Then(s => SpecimenDecider.AddImage(s, SpecimenSamples.Uv, SpecimenSamples.Editor, SpecimenSamples.Now));

    /// <summary>Images and the UV ink (version 4), submitted.</summary>
    public static SpecimenHistory Submitted() =>
        WithImages().Then(s => SpecimenDecider.AddFeature(s, SpecimenSamples.UvInk(), SpecimenSamples.Editor, SpecimenSamples.Now))
                    .Then(s => SpecimenDecider.SubmitForConfirmation(s, SpecimenSamples.Editor, SpecimenSamples.Now));

    /// <summary>Version 4, confirmed by Utopia.</summary>
    public static SpecimenHistory Confirmed() =>
        Submitted().Then(s => SpecimenDecider.Confirm(s, 4, SpecimenSamples.Utopia, SpecimenSamples.Now.AddDays(2)));

    public static SpecimenHistory Created()
    {
        var history = new SpecimenHistory();
        history.events.AddRange(SpecimenDecider.Create(
            SpecimenSamples.Id, "UTO", SpecimenSamples.Details(), SpecimenSamples.Editor, SpecimenSamples.Now));
        return history;
    }

    /// <summary>Decides a command on the current state and appends what it returns; fails when it returns nothing.</summary>
    public SpecimenHistory Then(Func<Specimen, IReadOnlyList<object>> command)
    {
        var decided = command(State);
        Assert.NotEmpty(decided);
        events.AddRange(decided);
        return this;
    }
}
