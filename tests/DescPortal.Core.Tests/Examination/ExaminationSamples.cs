using DescPortal.Core.Examination;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Core.Referrals;
using ExaminationState = DescPortal.Core.Examination.CaseExamination;
using Library = DescPortal.Core.Tests.ReferenceLibrary.SpecimenSamples;

namespace DescPortal.Core.Tests.Examination;

/// <summary>
/// A case with two documents (a passport and an identity card), three evidence images and an assigned examiner, the
/// Utopian passport specimen to compare it with, and the people who act on it.
/// </summary>
internal static class ExaminationSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid CaseId = Guid.Parse("6f1c1d3e-0000-4000-8000-000000000001");
    public const string Reference = "DESC-2026-000042";

    public static readonly ExaminationActor Examiner = new("examiner-3", "Dr Ada Lind <ada@desc.test>");
    public static readonly ExaminationActor OtherExaminer = new("examiner-9", "Bo Berg <bo@desc.test>");

    /// <summary>Passport data page under white light: 4000 × 3000 pixels at 600 dpi.</summary>
    public static readonly Guid PassportWhite = Guid.Parse("00000000-0000-4000-e000-000000000001");

    /// <summary>Passport data page under UV 365 nm: 4000 × 3000 pixels, no resolution recorded.</summary>
    public static readonly Guid PassportUv = Guid.Parse("00000000-0000-4000-e000-000000000002");

    /// <summary>Identity card (document 2, index 1): 2000 × 1400 pixels, no resolution recorded.</summary>
    public static readonly Guid CardWhite = Guid.Parse("00000000-0000-4000-e000-000000000003");

    public static Guid AnnotationId(int n) => Guid.Parse($"00000000-0000-4000-d000-{n:D12}");

    public static ReferralSubmitted Submitted() => new(
        CaseId, Reference, "AGENCY-1", "NORTH-GATE", Now.AddHours(-1), "UTO", "XXA", "Laminate edge lifted",
        Urgency.Urgent, Now.AddHours(3),
        new Bearer("ERIKSSON", "ANNA MARIA", null, "UTO", new PartialDate(1974, 8, 12), Sex.F),
        [
            new QuestionedDocument(0, DocumentType.Passport, "UTO", "L898902C3",
                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"),
            new QuestionedDocument(1, DocumentType.IdentityCard, "UTO", "D23145890", null),
        ],
        "officer-17", Now.AddMinutes(-50));

    public static EvidenceImageAttached Attached(Guid id, int document, LightSource light, int? dpi, int width, int height) => new(
        CaseId, id, document, light, DocumentArea.DataPage, dpi, light == LightSource.UV365 ? 365 : null, "VSC 8000",
        Now.AddHours(-2), null, $"originals/{id}.tif", new string('a', 64), 1_000_000, width, height, "image/tiff",
        "officer-17", Now.AddMinutes(-50));

    public static CaseAssigned Assigned() => new(CaseId, "examiner-3", "Dr Ada Lind", "Dr Ada Lind <ada@desc.test>", Now.AddMinutes(-10));

    /// <summary>Submitted with its three images, not assigned.</summary>
    public static IReadOnlyList<object> SubmittedEvents() =>
    [
        Submitted(),
        Attached(PassportWhite, 0, LightSource.White, 600, 4000, 3000),
        Attached(PassportUv, 0, LightSource.UV365, null, 4000, 3000),
        Attached(CardWhite, 1, LightSource.White, null, 2000, 1400),
    ];

    /// <summary>Folds the referral's events as the Web does (<see cref="Referral.Fold"/>).</summary>
    public static Referral CaseOf(IEnumerable<object> events) =>
        Referral.Fold(events) ?? throw new InvalidOperationException("No referral events.");

    // ---- the reference specimen ------------------------------------------------------------------------------

    public static Guid SpecimenId => Library.Id;

    public static Guid SpecimenWhiteImage => Library.ImageId(1);

    /// <summary>Level 2, on the UV image.</summary>
    public static Guid UvInk => Library.FeatureId(1);

    /// <summary>Level 1.</summary>
    public static Guid Guilloche => Library.FeatureId(2);

    /// <summary>Level 3.</summary>
    public static Guid LaserEngraving => Library.FeatureId(3);

    /// <summary>Level 1, added last.</summary>
    public static Guid Microprinting => Library.FeatureId(4);

    /// <summary>
    /// The Utopian passport specimen (white and UV images of the data page, 4000 × 3000 at 600 dpi) with four
    /// features added in the order UV ink (level 2), guilloche (1), laser engraving (3), microprinting (1): version 7.
    /// </summary>
    public static Specimen PassportSpecimen() => SpecimenEvents().Aggregate((Specimen?)null, Specimen.Evolve)!;

    /// <summary><see cref="Specimen"/> with the microprinting removed: version 8.</summary>
    public static Specimen SpecimenWithoutMicroprinting()
    {
        var events = SpecimenEvents().ToList();
        var specimen = PassportSpecimen();
        events.AddRange(SpecimenDecider.RemoveFeature(specimen, Microprinting, Library.Editor, Now));
        return events.Aggregate((Specimen?)null, Specimen.Evolve)!;
    }

    /// <summary>Another specimen (an identity card) with one feature.</summary>
    public static Specimen OtherSpecimen()
    {
        var id = Guid.Parse("5e0c1a00-0000-4000-8000-000000000002");
        var details = Library.Details() with { DocumentType = DocumentType.IdentityCard, Series = "2021 card", Format = DocumentFormat.TD1 };
        var events = new List<object>();
        Specimen? s = null;
        void Then(Func<Specimen?, IReadOnlyList<object>> command)
        {
            var decided = command(s);
            events.AddRange(decided);
            s = events.Aggregate((Specimen?)null, Specimen.Evolve);
        }
        Then(_ => SpecimenDecider.Create(id, "UTO", details, Library.Editor, Now));
        Then(x => SpecimenDecider.AddImage(x!, Library.White, Library.Editor, Now));
        Then(x => SpecimenDecider.AddFeature(x!, Library.Guilloche() with { FeatureId = Library.FeatureId(9) }, Library.Editor, Now));
        return s!;
    }

    private static List<object> SpecimenEvents()
    {
        var events = new List<object>();
        Specimen? s = null;
        void Then(Func<Specimen?, IReadOnlyList<object>> command)
        {
            events.AddRange(command(s));
            s = events.Aggregate((Specimen?)null, Specimen.Evolve);
        }
        Then(_ => SpecimenDecider.Create(Library.Id, "UTO", Library.Details(), Library.Editor, Now));
        Then(x => SpecimenDecider.AddImage(x!, Library.White, Library.Editor, Now));
        Then(x => SpecimenDecider.AddImage(x!, Library.Uv, Library.Editor, Now));
        Then(x => SpecimenDecider.AddFeature(x!, Library.UvInk(), Library.Editor, Now));
        Then(x => SpecimenDecider.AddFeature(x!, Library.Guilloche(), Library.Editor, Now));
        Then(x => SpecimenDecider.AddFeature(x!, new SecurityFeature(LaserEngraving, SecurityFeatureCategory.Personalisation,
            "LaserEngraving", [LightSource.White], 3, "Laser-engraved portrait and data, tactile",
            [new FeatureLocation(Library.ImageId(1), 200, 600, 900, 1100)]), Library.Editor, Now));
        Then(x => SpecimenDecider.AddFeature(x!, new SecurityFeature(Microprinting, SecurityFeatureCategory.SecurityPrinting,
            "Microprinting", [LightSource.White], 1, "UTOPIA microtext line under the portrait",
            [new FeatureLocation(Library.ImageId(1), 200, 1750, 900, 40)]), Library.Editor, Now));
        return events;
    }
}

/// <summary>A case's stream, grown one decided command at a time: the "given" of the tests.</summary>
internal sealed class CaseHistory
{
    private readonly List<object> events;

    private CaseHistory(IEnumerable<object> events) => this.events = [.. events];

    public IReadOnlyList<object> Events => events;

    public Referral Case => ExaminationSamples.CaseOf(events);

    public ExaminationState Examination => ExaminationState.Fold(events);

    /// <summary>Submitted with three images, assigned to <see cref="ExaminationSamples.Examiner"/>: in examination.</summary>
    public static CaseHistory InExamination() => new([.. ExaminationSamples.SubmittedEvents(), ExaminationSamples.Assigned()]);

    public static CaseHistory NotAssigned() => new(ExaminationSamples.SubmittedEvents());

    /// <summary>Decides a command on the current state and appends what it returns; fails when it returns nothing.</summary>
    public CaseHistory Then(Func<Referral, ExaminationState, IReadOnlyList<object>> command)
    {
        var decided = command(Case, Examination);
        Assert.NotEmpty(decided);
        events.AddRange(decided);
        return this;
    }

    /// <summary>Appends an event as it stands (a status change this slice does not decide).</summary>
    public CaseHistory With(object @event)
    {
        events.Add(@event);
        return this;
    }

    public IReadOnlyList<object> When(Func<Referral, ExaminationState, IReadOnlyList<object>> command) => command(Case, Examination);
}
