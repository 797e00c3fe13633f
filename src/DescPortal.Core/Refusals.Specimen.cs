namespace DescPortal.Core;

// Specimen: the codes of a specimen of the reference library.
public static partial class Refusals
{
    /// <summary>A specimen of the reference library: its editing, confirmation and import from archives.</summary>
    public static class Specimen
    {
        public const string AccountNotEditor = "specimen.account-not-editor";
        public const string IdTaken = "specimen.id-taken";
        public const string Changed = "specimen.changed";
        public const string NotFound = "specimen.not-found";
        public const string EditorsOnly = "specimen.editors-only";
        public const string Withdrawn = "specimen.withdrawn";
        public const string IssuingStateUnknown = "specimen.issuing-state.unknown";
        public const string TextTooLong = "specimen.text.too-long";
        public const string ImageDescribed = "specimen.image.described";
        public const string AreasDropped = "specimen.areas.dropped";
        public const string ImageExistsOtherwise = "specimen.image.exists-otherwise";
        public const string ImageDuplicateFile = "specimen.image.duplicate-file";
        public const string FeatureExistsOtherwise = "specimen.feature.exists-otherwise";
        public const string FeatureNotFound = "specimen.feature.not-found";
        public const string WithdrawalReasonRequired = "specimen.withdrawal.reason-required";
        public const string DocumentTypeUnknown = "specimen.document-type.unknown";
        public const string FormatUnknown = "specimen.format.unknown";
        public const string SeriesRequired = "specimen.series.required";
        public const string IssuedFromTooEarly = "specimen.issued-from.too-early";
        public const string IssuedToBeforeFrom = "specimen.issued-to.before-from";
        public const string AreasRequired = "specimen.areas.required";
        public const string AreasUnknown = "specimen.areas.unknown";
        public const string LightSourceUnknown = "specimen.light-source.unknown";
        public const string AreaUnknown = "specimen.area.unknown";
        public const string AreaNotShown = "specimen.area.not-shown";
        public const string DpiRequired = "specimen.dpi.required";
        public const string WavelengthOutOfRange = "specimen.wavelength.out-of-range";
        public const string CategoryUnknown = "specimen.category.unknown";
        public const string FeatureTypeNotInCategory = "specimen.feature-type.not-in-category";
        public const string LightsRequired = "specimen.lights.required";
        public const string LightsUnknown = "specimen.lights.unknown";
        public const string InspectionLevelOutOfRange = "specimen.inspection-level.out-of-range";
        public const string FeatureDescriptionRequired = "specimen.feature.description-required";
        public const string LocationsRequired = "specimen.locations.required";
        public const string LocationsTooMany = "specimen.locations.too-many";
        public const string AnyFeature = "specimen.any-feature";
        public const string RegionEmpty = "specimen.region.empty";
        public const string RegionNoSuchImage = "specimen.region.no-such-image";
        public const string RegionTooSmall = "specimen.region.too-small";
        public const string RegionOutside = "specimen.region.outside";
        public const string RegionWrongLight = "specimen.region.wrong-light";
        public const string AlreadyConfirmed = "specimen.already-confirmed";
        public const string ConfirmationWithoutImages = "specimen.confirmation.without-images";
        public const string ConfirmationOfChangedVersion = "specimen.confirmation.of-changed-version";
        public const string ConfirmationOfUnknownVersion = "specimen.confirmation.of-unknown-version";
        public const string ConfirmationOfDraft = "specimen.confirmation.of-draft";
        public const string CorrectionTextRequired = "specimen.correction.text-required";
        public const string CorrectionExistsOtherwise = "specimen.correction.exists-otherwise";
        public const string RejectionReasonRequired = "specimen.rejection.reason-required";
        public const string AuthorityOnly = "specimen.authority.only";
        public const string AuthorityOfOtherCountry = "specimen.authority.of-other-country";
        public const string CorrectionNotFound = "specimen.correction.not-found";
        public const string CorrectionResolved = "specimen.correction.resolved";
        public const string ImportFromOtherOrigin = "specimen.import.from-other-origin";
        public const string ImportNotNewer = "specimen.import.not-newer";
        public const string ImportImageChanged = "specimen.import.image-changed";
        public const string ImportOverWithdrawn = "specimen.import.over-withdrawn";
        public const string ImportOverLocal = "specimen.import.over-local";
        public const string ImportOverLocalChanges = "specimen.import.over-local-changes";
        public const string ArchiveImageTwice = "specimen.archive.image-twice";
        public const string ArchiveFeatureTwice = "specimen.archive.feature-twice";
        public const string ArchiveConfirmationOfUnknownVersion = "specimen.archive.confirmation-of-unknown-version";
        public const string ArchiveConfirmationByOtherCountry = "specimen.archive.confirmation-by-other-country";
        public const string ArchiveConfirmationUnsigned = "specimen.archive.confirmation-unsigned";
        public const string ArchiveWithoutInstallation = "specimen.archive.without-installation";
        public const string ArchiveWithoutSigner = "specimen.archive.without-signer";
        public const string ArchiveWithoutOriginalId = "specimen.archive.without-original-id";
        public const string ArchiveWithoutOriginalVersion = "specimen.archive.without-original-version";

        /// <summary>Texts named inside <see cref="TextTooLong"/>.</summary>
        public static class Text
        {
            public const string Series = "specimen.text.series";
            public const string Description = "specimen.text.description";
            public const string CaptureDevice = "specimen.text.capture-device";
            public const string Note = "specimen.text.note";
            public const string Reason = "specimen.text.reason";
            public const string Correction = "specimen.text.correction";
        }

        /// <summary>What only library editors may do, inside <see cref="EditorsOnly"/>.</summary>
        public static class Doing
        {
            public const string CreateSpecimens = "specimen.doing.create-specimens";
            public const string ChangeSpecimens = "specimen.doing.change-specimens";
            public const string AddImages = "specimen.doing.add-images";
            public const string AddFeatures = "specimen.doing.add-features";
            public const string ChangeFeatures = "specimen.doing.change-features";
            public const string RemoveFeatures = "specimen.doing.remove-features";
            public const string WithdrawSpecimens = "specimen.doing.withdraw-specimens";
            public const string SubmitSpecimens = "specimen.doing.submit-specimens";
            public const string ApplyCorrections = "specimen.doing.apply-corrections";
            public const string RejectCorrections = "specimen.doing.reject-corrections";
            public const string ImportSpecimens = "specimen.doing.import-specimens";
        }

        /// <summary>What only the issuing authority may do, inside <see cref="AuthorityOnly"/> and <see cref="AuthorityOfOtherCountry"/>.</summary>
        public static class AuthorityDoing
        {
            public const string Confirm = "specimen.authority-doing.confirm";
            public const string ProposeCorrections = "specimen.authority-doing.propose-corrections";
        }

        /// <summary>How a correction was resolved, inside <see cref="CorrectionResolved"/>.</summary>
        public static class Resolution
        {
            public const string Applied = "specimen.resolution.applied";
            public const string Rejected = "specimen.resolution.rejected";
        }
    }
}
