namespace DescPortal.Core;

// Referral: the codes of a referral's fields as a border system or the officer's form sends them.
public static partial class Refusals
{
    /// <summary>A referral's fields, as a border system or the officer's form sends them.</summary>
    public static class Referral
    {
        public const string CrossingPointRequired = "referral.crossing-point.required";
        public const string CrossingPointNotAgency = "referral.crossing-point.not-agency";
        public const string InterceptedAtRequired = "referral.intercepted-at.required";
        public const string InterceptedAtFuture = "referral.intercepted-at.future";
        public const string ReasonRequired = "referral.reason.required";
        public const string UrgencyRequired = "referral.urgency.required";
        public const string UrgencyUnknown = "referral.urgency.unknown";
        public const string AnswerByRequired = "referral.answer-by.required";
        public const string AnswerByNotAfterInterception = "referral.answer-by.not-after-interception";
        public const string BearerRequired = "referral.bearer.required";
        public const string SurnameRequired = "referral.surname.required";
        public const string NameNotLatin = "referral.name.not-latin";
        public const string CountryRequired = "referral.country.required";
        public const string CountryUnknown = "referral.country.unknown";
        public const string TextTooLong = "referral.text.too-long";
        public const string DateOfBirthFuture = "referral.date-of-birth.future";
        public const string SexUnknown = "referral.sex.unknown";
        public const string DocumentsRequired = "referral.documents.required";
        public const string DocumentTypeRequired = "referral.document-type.required";
        public const string DocumentTypeUnknown = "referral.document-type.unknown";
        public const string ImagesRequired = "referral.images.required";
        public const string ImagesTooMany = "referral.images.too-many";
        public const string ImageDocumentUnstated = "referral.image.document-unstated";
        public const string ImageDocumentNegative = "referral.image.document-negative";
        public const string ImageDocumentBeyond = "referral.image.document-beyond";
        public const string LightSourceUnknown = "referral.light-source.unknown";
        public const string AreaUnknown = "referral.area.unknown";
        public const string DpiOutOfRange = "referral.dpi.out-of-range";
        public const string WavelengthOutOfRange = "referral.wavelength.out-of-range";
        public const string CapturedAtFuture = "referral.captured-at.future";

        /// <summary>Fields named inside another refusal's words.</summary>
        public static class Field
        {
            public const string Reason = "referral.field.reason";
            public const string ConditionOnReceipt = "referral.field.condition-on-receipt";
            public const string Surname = "referral.field.surname";
            public const string GivenNames = "referral.field.given-names";
            public const string NationalName = "referral.field.national-name";
            public const string Nationality = "referral.field.nationality";
            public const string IssuingState = "referral.field.issuing-state";
            public const string DocumentNumber = "referral.field.document-number";
            public const string Mrz = "referral.field.mrz";
            public const string CaptureDevice = "referral.field.capture-device";
            public const string Note = "referral.field.note";
        }
    }
}
