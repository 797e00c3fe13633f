namespace DescPortal.Core;

// Mrz: the findings of an MRZ check (MrzError), as the check API and the workspace's MRZ panel show them.
public static partial class Refusals
{
    /// <summary>What is wrong with a machine readable zone: its size, its lines, its characters, its dates and codes.</summary>
    public static class Mrz
    {
        public const string SizeUnknownOneLine = "mrz.size.unknown-one-line";
        public const string SizeUnknown = "mrz.size.unknown";
        public const string LinesExtra = "mrz.lines.extra";
        public const string LinesMissing = "mrz.lines.missing";
        public const string LineLength = "mrz.line.length";
        public const string CharacterNotMrz = "mrz.character.not-mrz";
        public const string CharactersNotMrzMore = "mrz.character.not-mrz-more";
        public const string CharacterWrongForField = "mrz.character.wrong-for-field";
        public const string CharactersWrongForFieldMore = "mrz.character.wrong-for-field-more";
        public const string CodeUnknown = "mrz.code.unknown";
        public const string DateOfBirthNoSuchDate = "mrz.date-of-birth.no-such-date";
        public const string DateOfBirthUnknownParts = "mrz.date-of-birth.unknown-parts";
        public const string DateOfExpiryNoSuchDate = "mrz.date-of-expiry.no-such-date";

        /// <summary>The fields and check digits named inside <see cref="CharacterWrongForField"/> and <see cref="CodeUnknown"/>.</summary>
        public static class Field
        {
            public const string DocumentCode = "mrz.field.document-code";
            public const string IssuingState = "mrz.field.issuing-state";
            public const string PrimaryIdentifier = "mrz.field.primary-identifier";
            public const string SecondaryIdentifier = "mrz.field.secondary-identifier";
            public const string DocumentNumber = "mrz.field.document-number";
            public const string Nationality = "mrz.field.nationality";
            public const string DateOfBirth = "mrz.field.date-of-birth";
            public const string Sex = "mrz.field.sex";
            public const string DateOfExpiry = "mrz.field.date-of-expiry";
            public const string OptionalData = "mrz.field.optional-data";
            public const string PersonalNumber = "mrz.field.personal-number";
            public const string DocumentNumberCheck = "mrz.field.document-number-check";
            public const string DateOfBirthCheck = "mrz.field.date-of-birth-check";
            public const string DateOfExpiryCheck = "mrz.field.date-of-expiry-check";
            public const string PersonalNumberCheck = "mrz.field.personal-number-check";
            public const string CompositeCheck = "mrz.field.composite-check";
        }

        /// <summary>What a field allows, inside <see cref="CharacterWrongForField"/>.</summary>
        public static class Allows
        {
            public const string Letters = "mrz.allows.letters";
            public const string Letter = "mrz.allows.letter";
            public const string LettersAndDigits = "mrz.allows.letters-and-digits";
            public const string Digits = "mrz.allows.digits";
            public const string DigitsOrUnknown = "mrz.allows.digits-or-unknown";
            public const string Sex = "mrz.allows.sex";
            public const string CheckDigit = "mrz.allows.check-digit";
            public const string CheckDigitOrEmpty = "mrz.allows.check-digit-or-empty";
            public const string CheckDigitOrContinued = "mrz.allows.check-digit-or-continued";
        }
    }
}
