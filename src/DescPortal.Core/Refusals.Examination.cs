namespace DescPortal.Core;

// Examination: the codes of the examiner's work on a case.
public static partial class Refusals
{
    /// <summary>The examiner's work on a case: annotations, the checklist, calibration and alignment.</summary>
    public static class Examination
    {
        public const string ExaminersOnly = "examination.examiners-only";
        public const string NoSuchEvidenceImage = "examination.no-such-evidence-image";
        public const string FindingUnknown = "examination.finding.unknown";
        public const string TextTooLong = "examination.text.too-long";
        public const string TextControlCharacters = "examination.text.control-characters";
        public const string PointWithoutPosition = "examination.point.without-position";
        public const string PointOutsideImage = "examination.point.outside-image";
        public const string PointOutsideImageOfUnknownSize = "examination.point.outside-image-of-unknown-size";
        public const string Document = "examination.document";
        public const string NoDocument = "examination.no-document";
        public const string Feature = "examination.feature";
        public const string AnyFeature = "examination.any-feature";
        public const string AnnotationExistsOtherwise = "examination.annotation.exists-otherwise";
        public const string AnnotationRemoved = "examination.annotation.removed";
        public const string AnnotationNotFound = "examination.annotation.not-found";
        public const string AnnotationCitedElsewhere = "examination.annotation.cited-elsewhere";
        public const string AnnotationCited = "examination.annotation.cited";
        public const string AnnotationNoSuchImage = "examination.annotation.no-such-image";
        public const string AnnotationFeatureUnnamed = "examination.annotation.feature-unnamed";
        public const string AnnotationOtherSpecimen = "examination.annotation.other-specimen";
        public const string AnnotationNoSuchFeature = "examination.annotation.no-such-feature";
        public const string AnnotationNoRegion = "examination.annotation.no-region";
        public const string WithinImage = "examination.within-image";
        public const string WithinImageOfUnknownSize = "examination.within-image-of-unknown-size";
        public const string RectangleMalformed = "examination.rectangle.malformed";
        public const string RectangleEmpty = "examination.rectangle.empty";
        public const string RectangleOutside = "examination.rectangle.outside";
        public const string PointMalformed = "examination.point.malformed";
        public const string PointOutside = "examination.point.outside";
        public const string PolygonTooFewPoints = "examination.polygon.too-few-points";
        public const string PolygonTooManyPoints = "examination.polygon.too-many-points";
        public const string PolygonPointOutside = "examination.polygon.point-outside";
        public const string PolygonFlat = "examination.polygon.flat";
        public const string ShapeUnknown = "examination.shape.unknown";
        public const string SpecimenWithdrawn = "examination.specimen.withdrawn";
        public const string ChecklistMissing = "examination.checklist.missing";
        public const string ChecklistNoSuchFeature = "examination.checklist.no-such-feature";
        public const string ObservationTooManyAnnotations = "examination.observation.too-many-annotations";
        public const string ObservationAnnotationGone = "examination.observation.annotation-gone";
        public const string ObservationAnnotationElsewhere = "examination.observation.annotation-elsewhere";
        public const string CalibrationDistanceNotPositive = "examination.calibration.distance-not-positive";
        public const string CalibrationPitchesOutOfRange = "examination.calibration.pitches-out-of-range";
        public const string CalibrationImageHasResolution = "examination.calibration.image-has-resolution";
        public const string CalibrationPointA = "examination.calibration.point-a";
        public const string CalibrationPointB = "examination.calibration.point-b";
        public const string CalibrationPointsTooClose = "examination.calibration.points-too-close";
        public const string CalibrationImplausible = "examination.calibration.implausible";
        public const string MeasurementScaleUnknown = "examination.measurement.scale-unknown";
        public const string MeasurementPointA = "examination.measurement.point-a";
        public const string MeasurementPointB = "examination.measurement.point-b";
        public const string MeasurementTooShort = "examination.measurement.too-short";
        public const string MeasurementExistsOtherwise = "examination.measurement.exists-otherwise";
        public const string MeasurementRemoved = "examination.measurement.removed";
        public const string AlignmentNoSuchSpecimenImage = "examination.alignment.no-such-specimen-image";
        public const string AlignmentTooFewPairs = "examination.alignment.too-few-pairs";
        public const string AlignmentTooManyPairs = "examination.alignment.too-many-pairs";
        public const string AlignmentPairRefused = "examination.alignment.pair-refused";
        public const string AlignmentUnderThreePairs = "examination.alignment.under-three-pairs";
        public const string AlignmentPointsCoincide = "examination.alignment.points-coincide";
        public const string AlignmentPointsInLine = "examination.alignment.points-in-line";

        /// <summary>Texts named inside <see cref="TextTooLong"/> and <see cref="TextControlCharacters"/>.</summary>
        public static class Text
        {
            public const string AnnotationNote = "examination.text.annotation-note";
            public const string Note = "examination.text.note";
            public const string MeasurementNote = "examination.text.measurement-note";
        }

        /// <summary>The images (and their points) named inside the refusals of a point.</summary>
        public static class Images
        {
            public const string Image = "examination.image.image";
            public const string SpecimenImage = "examination.image.specimen-image";
            public const string EvidenceImage = "examination.image.evidence-image";
            public const string Specimen = "examination.image.specimen";
            public const string Evidence = "examination.image.evidence";
        }
    }
}
