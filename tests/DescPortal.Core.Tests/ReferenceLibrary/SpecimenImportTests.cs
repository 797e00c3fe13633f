using DescPortal.Core.ReferenceLibrary;
using static DescPortal.Core.Tests.ReferenceLibrary.SpecimenSamples;

namespace DescPortal.Core.Tests.ReferenceLibrary;

// Specimens exchanged between centres: a verified archive becomes a new stream that keeps where it came from.
public class SpecimenImportTests
{
    private static readonly Guid ImportedId = Guid.Parse("5e0c1a00-0000-4000-8000-000000000099");
    private static readonly DateTimeOffset Later = Now.AddDays(10);

    private static SpecimenOrigin Origin(int version = 7) =>
        new("DESC North", "SHA256:9f86d081884c7d659a2feaa0c55ad015", Id, version, new string('e', 64));

    private static SpecimenConfirmation Confirmation(int version, string country = "UTO") =>
        new(version, "Mira Holt", "uto-officer-1", country, Now.AddDays(-30));

    private static IReadOnlyList<object> Import(
        IReadOnlyList<SpecimenConfirmation>? confirmations = null, SpecimenOrigin? origin = null,
        IReadOnlyList<SecurityFeature>? features = null) =>
        SpecimenDecider.Import(ImportedId, "UTO", new ArchivedSpecimen(Details(), [White, Uv], features ?? [UvInk(), Guilloche()],
            confirmations ?? [Confirmation(7)], origin ?? Origin()), Editor, Later);

    [Fact]
    public void AnImportedSpecimenKeepsItsOriginVersionAndConfirmation()
    {
        var e = Assert.IsType<SpecimenImported>(Assert.Single(Import()));
        var specimen = Given(e);

        Assert.Equal(ImportedId, specimen.Id);
        Assert.Equal(Origin(), specimen.Origin);
        Assert.Equal(7, specimen.Version);
        // The issuer confirmed version 7 at the partner that signed the archive: its word, not a confirmation made here.
        Assert.False(specimen.ConfirmedByIssuer);
        Assert.Equal(SpecimenStatus.ConfirmedAtPartner, specimen.Status);
        Assert.Null(specimen.LastConfirmation);
        Assert.Equal(Confirmation(7) with { Partner = new ConfirmingPartner("DESC North", Origin().SignerKeyFingerprint) },
            specimen.PartnerConfirmation);
        Assert.Equal([ImageId(1), ImageId(2)], specimen.Images.Select(i => i.ImageId));
        Assert.Equal([FeatureId(1), FeatureId(2)], specimen.Features.Select(f => f.FeatureId));
        Assert.Equal((Editor.Id, Later), (e.Actor, e.At));
    }

    [Fact]
    public void AnImportedSpecimenChangedLocallyCountsOnFromItsOriginalVersion()
    {
        var events = new List<object>(Import());
        events.AddRange(SpecimenDecider.RemoveFeature(Given(events), FeatureId(2), Editor, Later));

        var specimen = Given(events);

        Assert.Equal(8, specimen.Version);
        Assert.True(specimen.ChangedSinceConfirmation);
        Assert.Equal(SpecimenStatus.ChangedSinceConfirmation, specimen.Status);
        Assert.Equal(7, specimen.Origin!.OriginalVersion);
    }

    [Fact]
    public void ANewerVersionFromTheSameSignerReplacesTheContentAndItsConfirmation()
    {
        var imported = Given(Import());
        // Version 9 over there: the guilloche gone, a third image, confirmed again by UTO.
        var ir = Image(3, LightSource.IR);
        var events = SpecimenDecider.UpdateFromArchive(imported, new ArchivedSpecimen(Details() with { Description = "Corrected over there" },
            [White, Uv, ir], [UvInk()], [Confirmation(7), Confirmation(9)], Origin(9) with { ArchiveSha256 = new string('f', 64) }), Editor, Later);

        var e = Assert.IsType<SpecimenUpdatedFromArchive>(Assert.Single(events));
        var specimen = Given([.. Import(), e]);
        Assert.Equal(9, specimen.Version);
        Assert.Equal((SpecimenStatus.ConfirmedAtPartner, 9), (specimen.Status, specimen.PartnerConfirmation!.Version));
        Assert.Equal("Corrected over there", specimen.Description);
        Assert.Equal([ImageId(1), ImageId(2), ImageId(3)], specimen.Images.Select(i => i.ImageId));
        Assert.Equal([FeatureId(1)], specimen.Features.Select(f => f.FeatureId));
        Assert.Equal(9, specimen.Origin!.OriginalVersion);
    }

    [Fact]
    public void ANewerVersionIsNotImportedOverLocalWorkAnOlderOneOrAChangedImage()
    {
        var imported = Given(Import());
        var changedHere = Given([.. Import(), .. SpecimenDecider.RemoveFeature(imported, FeatureId(2), Editor, Later)]);

        var overLocalWork = Assert.Throws<DomainException>(() => SpecimenDecider.UpdateFromArchive(changedHere, new ArchivedSpecimen(Details(),
            [White, Uv], [UvInk()], [], Origin(9)), Editor, Later));
        var notNewer = Assert.Throws<DomainException>(() => SpecimenDecider.UpdateFromArchive(imported, new ArchivedSpecimen(Details(),
            [White, Uv], [UvInk()], [], Origin(7)), Editor, Later));
        var otherFile = Assert.Throws<DomainException>(() => SpecimenDecider.UpdateFromArchive(imported, new ArchivedSpecimen(Details(),
            [White, Uv with { Sha256 = new string('0', 64) }], [UvInk()], [], Origin(9)), Editor, Later));
        var otherSigner = Assert.Throws<DomainException>(() => SpecimenDecider.UpdateFromArchive(imported, new ArchivedSpecimen(Details(),
            [White, Uv], [UvInk()], [], Origin(9) with { SignerKeyFingerprint = "SHA256:other" }), Editor, Later));

        Assert.Equal(Refusals.Specimen.ImportOverLocalChanges, overLocalWork.Code);
        Assert.Contains("changed here since version 7", overLocalWork.Message, StringComparison.Ordinal);
        // The importer asks the same question before deciding, to skip rather than refuse the archive.
        var refusal = SpecimenDecider.UpdateRefusal(changedHere)!;
        Assert.Equal((overLocalWork.Code, overLocalWork.Message), (refusal.Code, refusal.ToString()));
        Assert.Null(SpecimenDecider.UpdateRefusal(imported));
        var withdrawn = Given([.. Import(), .. SpecimenDecider.Withdraw(imported, "Series recalled", Editor, Later)]);
        RefusalAssert.Equal(Refusals.Specimen.ImportOverWithdrawn,
            "UTO Passport 2020 series was withdrawn here on 2026-12-07; a newer version is not imported.", SpecimenDecider.UpdateRefusal(withdrawn)!);
        Assert.Equal(Refusals.Specimen.ImportNotNewer, notNewer.Code);
        Assert.Contains("not newer", notNewer.Message, StringComparison.Ordinal);
        Assert.Equal(Refusals.Specimen.ImportImageChanged, otherFile.Code);
        Assert.Contains("images never change", otherFile.Message, StringComparison.Ordinal);
        Assert.Equal(Refusals.Specimen.ImportFromOtherOrigin, otherSigner.Code);
        Assert.Contains("not imported from this specimen of this signer", otherSigner.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnImportWithoutConfirmationIsADraftHere()
    {
        var specimen = Given(Import(confirmations: []));

        Assert.Equal(SpecimenStatus.Draft, specimen.Status);
        Assert.False(specimen.ConfirmedByIssuer);
    }

    [Fact]
    public void AConfirmationByAnotherCountryInTheArchiveIsRefused()
    {
        var refusal = Assert.Throws<DomainException>(() => Import(confirmations: [Confirmation(7, "NLD")]));

        RefusalAssert.Equal(Refusals.Specimen.ArchiveConfirmationByOtherCountry,
            "The archive holds a confirmation by NLD; only the issuing authority of UTO confirms this specimen.", refusal);
    }

    [Fact]
    public void AConfirmationOfAVersionBeyondTheOriginalIsRefused()
    {
        var refusal = Assert.Throws<DomainException>(() => Import(confirmations: [Confirmation(8)]));

        RefusalAssert.Equal(Refusals.Specimen.ArchiveConfirmationOfUnknownVersion,
            "The archive holds a confirmation of version 8, but its specimen is at version 7.", refusal);
    }

    [Fact]
    public void ImportedFeaturesAreHeldToTheSameRules()
    {
        var misplaced = UvInk(new FeatureLocation(ImageId(1), 0, 0, 10, 10));

        var refusal = Assert.Throws<DomainException>(() => Import(features: [misplaced]));

        Assert.Equal(Refusals.Specimen.RegionWrongLight, refusal.Code);
        Assert.StartsWith("Region 1 is on the DataPage image taken under White light", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArchiveThatDoesNotSayWhereItComesFromIsRefused()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            Import(origin: Origin() with { InstallationName = " ", SignerKeyFingerprint = "" }));

        RefusalAssert.Equal(Refusals.Several,
            "The archive does not name the installation that exported it. The archive does not name the key that signed it.", refusal);
    }

    [Fact]
    public void OnlyLibraryEditorsImport()
    {
        Assert.Throws<DomainException>(() => SpecimenDecider.Import(ImportedId, "UTO", new ArchivedSpecimen(Details(), [White], [], [],
            Origin()), Utopia, Later));
    }

    [Fact]
    public void ConfirmationsInAnImportAreTheSignersWhateverTheEventClaims()
    {
        var e = Assert.IsType<SpecimenImported>(Assert.Single(Import()));
        Assert.All(e.Confirmations, c => Assert.Equal(new ConfirmingPartner("DESC North", Origin().SignerKeyFingerprint), c.Partner));
        // An event written before confirmations said where (or one claiming "made here" or another centre) folds the same.
        var claimingHere = e with { Confirmations = [Confirmation(7)] };
        var claimingOther = e with { Confirmations = [Confirmation(7) with { Partner = new ConfirmingPartner("Elsewhere", new string('b', 64)) }] };

        foreach (var specimen in new[] { Given(claimingHere), Given(claimingOther) })
        {
            Assert.Equal("DESC North", Assert.Single(specimen.Confirmations).Partner!.Name);
            Assert.False(specimen.ConfirmedByIssuer);
        }
    }

    [Fact]
    public void TheIssuingAuthorityConfirmsHereWhatAPartnerConfirmedAndANewerArchiveKeepsThatConfirmation()
    {
        var imported = Given(Import());
        var authority = LibraryActor.Authority("uto-1", "Ana Uto", "UTO");

        var confirmed = SpecimenDecider.Confirm(imported, 7, authority, Later);

        var e = Assert.IsType<SpecimenConfirmed>(Assert.Single(confirmed));
        var specimen = Given([.. Import(), e]);
        Assert.Equal(SpecimenStatus.Confirmed, specimen.Status);
        Assert.True(specimen.LastConfirmation!.MadeHere);
        Assert.Empty(SpecimenDecider.Confirm(specimen, 7, authority, Later));

        var newer = SpecimenDecider.UpdateFromArchive(specimen, new ArchivedSpecimen(Details(), [White, Uv], [UvInk()], [Confirmation(8)],
            Origin(8) with { ArchiveSha256 = new string('f', 64) }), Editor, Later);
        var updated = Given([.. Import(), e, .. newer]);
        Assert.Equal(SpecimenStatus.ConfirmedAtPartner, updated.Status);
        Assert.Equal((7, true), (updated.LastConfirmation!.Version, updated.LastConfirmation.MadeHere));
    }
}
