using System.Globalization;
using System.Text.Json.Serialization;

namespace DescPortal.Core.Mrz;

/// <summary>How a field of the MRZ compares with what was entered for the document and its bearer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MrzComparisonResult>))]
public enum MrzComparisonResult
{
    /// <summary>The same (letter case and spacing aside).</summary>
    Consistent,

    /// <summary>Different, but ICAO 9303's transliteration, punctuation or truncation rules explain the difference.</summary>
    ConsistentAfterTransliteration,

    Discrepancy,

    /// <summary>Nothing to compare: not entered, not readable in the MRZ, or not comparable by these rules (the note says which).</summary>
    NotCompared,
}

[JsonConverter(typeof(JsonStringEnumConverter<MrzComparedField>))]
public enum MrzComparedField
{
    Surname,
    GivenNames,
    Nationality,
    DateOfBirth,
    Sex,
    DocumentNumber,
    IssuingState,
    DocumentType,
}

/// <summary>The data entered for the document and its bearer (the visual inspection zone as typed), all optional.</summary>
public sealed record MrzEnteredData
{
    public string? Surname { get; init; }

    public string? GivenNames { get; init; }

    /// <summary>ICAO three-letter code.</summary>
    public string? Nationality { get; init; }

    /// <summary>"1974-08-12", "1974-08" or "1974".</summary>
    public string? DateOfBirth { get; init; }

    /// <summary>"F", "M" or "X".</summary>
    public string? Sex { get; init; }

    public string? DocumentNumber { get; init; }

    /// <summary>ICAO three-letter code.</summary>
    public string? IssuingState { get; init; }

    /// <summary>
    /// A <see cref="Core.DocumentType"/> code ("Passport" expects an MRZ document code starting with P; "IdentityCard" A, C or I;
    /// "Visa" V; "ResidencePermit" A, C, I or R; "RefugeeTravelDocument" P), or the MRZ document code itself ("P", "ID"),
    /// whose first letter is compared.
    /// </summary>
    public string? DocumentType { get; init; }
}

/// <param name="Entered">The value as entered.</param>
/// <param name="Mrz">The value as read from the MRZ (dates as ISO, possibly partial).</param>
/// <param name="Note">Why, in a sentence, when the result is not plainly Consistent or Discrepancy.</param>
public sealed record MrzFieldComparison(MrzComparedField Field, MrzComparisonResult Result, string? Entered, string? Mrz, string? Note = null);

/// <summary>Compares a checked MRZ with the entered data: one result per field, in <see cref="MrzComparedField"/> order.</summary>
public static class MrzComparison
{
    private const string NotEntered = "Not entered.";
    private const string NotInMrz = "Not readable in the MRZ.";

    public static IReadOnlyList<MrzFieldComparison> Compare(MrzCheckResult mrz, MrzEnteredData entered)
    {
        ArgumentNullException.ThrowIfNull(mrz);
        ArgumentNullException.ThrowIfNull(entered);
        var fields = mrz.Fields;
        var names = NameParts.Of(mrz);
        return
        [
            CompareName(MrzComparedField.Surname, entered.Surname, fields.Surname, names.Primary, names.PrimaryMayBeTruncated, absenceExplained: false),
            CompareName(MrzComparedField.GivenNames, entered.GivenNames, fields.GivenNames, names.Secondary, names.SecondaryMayBeTruncated, names.NoRoomForSecondary),
            CompareCode(MrzComparedField.Nationality, entered.Nationality, fields.Nationality),
            CompareDateOfBirth(entered.DateOfBirth, mrz),
            CompareSex(entered.Sex, fields.Sex),
            CompareDocumentNumber(entered.DocumentNumber, fields.DocumentNumber),
            CompareCode(MrzComparedField.IssuingState, entered.IssuingState, fields.IssuingState),
            CompareDocumentType(entered.DocumentType, fields.DocumentCode),
        ];
    }

    private static MrzFieldComparison CompareName(
        MrzComparedField field, string? entered, string? shown, string? mrzForm, bool mayBeTruncated, bool absenceExplained)
    {
        if (string.IsNullOrWhiteSpace(entered))
        {
            return new(field, MrzComparisonResult.NotCompared, entered, shown, NotEntered);
        }
        if (shown is null || mrzForm is null)
        {
            return new(field, MrzComparisonResult.NotCompared, entered, shown, NotInMrz);
        }
        if (string.Equals(Plain(entered), shown, StringComparison.Ordinal))
        {
            return new(field, MrzComparisonResult.Consistent, entered, shown);
        }
        if (!MrzNames.TryPrepare(entered, out var prepared, out var letter))
        {
            return new(field, MrzComparisonResult.NotCompared, entered, shown,
                $"'{letter}' has no ICAO 9303 transliteration here; compare the name by eye.");
        }
        if (mrzForm.Length == 0 && absenceExplained)
        {
            return new(field, MrzComparisonResult.ConsistentAfterTransliteration, entered, shown,
                "The surname leaves no room for the given names in the MRZ name field (truncation, ICAO 9303).");
        }
        return MrzNames.Match(prepared, mrzForm, mayBeTruncated) switch
        {
            MrzNames.Fit.Whole => new(field, MrzComparisonResult.ConsistentAfterTransliteration, entered, shown,
                "Written per ICAO 9303 transliteration and punctuation rules."),
            MrzNames.Fit.Truncated => new(field, MrzComparisonResult.ConsistentAfterTransliteration, entered, shown,
                "The MRZ name field is full: the name is truncated to fit (ICAO 9303)."),
            _ => new(field, MrzComparisonResult.Discrepancy, entered, shown),
        };
    }

    private static MrzFieldComparison CompareCode(MrzComparedField field, string? entered, string? mrz)
    {
        if (string.IsNullOrWhiteSpace(entered))
        {
            return new(field, MrzComparisonResult.NotCompared, entered, mrz, NotEntered);
        }
        if (string.IsNullOrEmpty(mrz))
        {
            return new(field, MrzComparisonResult.NotCompared, entered, mrz, NotInMrz);
        }
        var code = entered.Trim().ToUpperInvariant();
        if (code == mrz)
        {
            return new(field, MrzComparisonResult.Consistent, entered, mrz);
        }
        return code == "DEU" && mrz == "D"
            ? new(field, MrzComparisonResult.ConsistentAfterTransliteration, entered, mrz, "Germany is written D in the MRZ (ICAO 9303 Part 3).")
            : new(field, MrzComparisonResult.Discrepancy, entered, mrz);
    }

    private static MrzFieldComparison CompareDateOfBirth(string? entered, MrzCheckResult mrz)
    {
        const MrzComparedField field = MrzComparedField.DateOfBirth;
        if (string.IsNullOrWhiteSpace(entered))
        {
            return new(field, MrzComparisonResult.NotCompared, entered, MrzDateShown(mrz), NotEntered);
        }
        if (!PartialDate.TryParse(entered, out var date, out var problem))
        {
            // Notes are recorded in the case's events: in English, as every other note of the comparison.
            return new(field, MrzComparisonResult.NotCompared, entered, MrzDateShown(mrz), problem!.MessageIn(CultureInfo.InvariantCulture));
        }
        int year;
        int? month = null, day = null;
        if (mrz.Fields.DateOfBirth is { } read)
        {
            (year, month, day) = (read.Year, read.Month, read.Day);
        }
        else
        {
            var yymmdd = mrz.DateOfBirthCharacters.Span;
            if (yymmdd.Length != 6 || !MrzDates.TwoDigits(yymmdd, 0, out var yy))
            {
                return new(field, MrzComparisonResult.NotCompared, entered, MrzDateShown(mrz), "The MRZ's date of birth has no readable year.");
            }
            if (MrzDates.TwoDigits(yymmdd, 2, out var mm))
            {
                month = mm;
                day = MrzDates.TwoDigits(yymmdd, 4, out var dd) ? dd : null;
            }
            year = MrzDates.BirthYear(yy, month ?? 1, day ?? 1, mrz.Today);
        }
        var shown = Iso(year, month, day);
        var same = date.Year == year
            && (date.Month is null || month is null || date.Month == month)
            && (date.Day is null || day is null || date.Day == day);
        if (!same)
        {
            return new(field, MrzComparisonResult.Discrepancy, entered, shown);
        }
        var precision = Math.Min(date.Month is null ? 1 : date.Day is null ? 2 : 3, month is null ? 1 : day is null ? 2 : 3);
        return new(field, MrzComparisonResult.Consistent, entered, shown, precision switch
        {
            1 when date.Month is not null || month is not null => "Compared to the year; the rest is not known on one side.",
            2 when date.Day is not null || day is not null => "Compared to the month; the day is not known on one side.",
            _ => null,
        });
    }

    private static MrzFieldComparison CompareSex(string? entered, Sex? mrz)
    {
        const MrzComparedField field = MrzComparedField.Sex;
        var shown = mrz?.ToString();
        if (string.IsNullOrWhiteSpace(entered))
        {
            return new(field, MrzComparisonResult.NotCompared, entered, shown, NotEntered);
        }
        Sex? sex = entered.Trim().ToUpperInvariant() switch
        {
            "F" => Sex.F,
            "M" => Sex.M,
            "X" or "<" => Sex.X,
            _ => null,
        };
        if (sex is null)
        {
            return new(field, MrzComparisonResult.NotCompared, entered, shown, "Not a sex code: F, M or X.");
        }
        if (mrz is null)
        {
            return new(field, MrzComparisonResult.NotCompared, entered, shown, NotInMrz);
        }
        return new(field, sex == mrz ? MrzComparisonResult.Consistent : MrzComparisonResult.Discrepancy, entered, shown);
    }

    private static MrzFieldComparison CompareDocumentNumber(string? entered, string? mrz)
    {
        const MrzComparedField field = MrzComparedField.DocumentNumber;
        if (string.IsNullOrWhiteSpace(entered))
        {
            return new(field, MrzComparisonResult.NotCompared, entered, mrz, NotEntered);
        }
        if (string.IsNullOrEmpty(mrz))
        {
            return new(field, MrzComparisonResult.NotCompared, entered, mrz, NotInMrz);
        }
        var number = entered.Trim().ToUpperInvariant();
        if (number == mrz)
        {
            return new(field, MrzComparisonResult.Consistent, entered, mrz);
        }
        Span<char> kept = stackalloc char[number.Length];
        var length = 0;
        foreach (var c in number)
        {
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c))
            {
                kept[length++] = c;
            }
        }
        return kept[..length].SequenceEqual(mrz)
            ? new(field, MrzComparisonResult.ConsistentAfterTransliteration, entered, mrz, "The MRZ leaves out the spaces and punctuation of the printed number.")
            : new(field, MrzComparisonResult.Discrepancy, entered, mrz);
    }

    private static MrzFieldComparison CompareDocumentType(string? entered, string? mrzCode)
    {
        const MrzComparedField field = MrzComparedField.DocumentType;
        if (string.IsNullOrWhiteSpace(entered))
        {
            return new(field, MrzComparisonResult.NotCompared, entered, mrzCode, NotEntered);
        }
        if (string.IsNullOrEmpty(mrzCode) || mrzCode[0] == '<')
        {
            return new(field, MrzComparisonResult.NotCompared, entered, mrzCode, NotInMrz);
        }
        var text = entered.Trim();
        string? letters = text switch
        {
            nameof(Core.DocumentType.Passport) or nameof(Core.DocumentType.RefugeeTravelDocument) => "P",
            nameof(Core.DocumentType.IdentityCard) => "ACI",
            nameof(Core.DocumentType.Visa) => "V",
            nameof(Core.DocumentType.ResidencePermit) => "ACIR",
            nameof(Core.DocumentType.Other) => "",
            _ => null,
        };
        if (letters is null)
        {
            if (text.Length is < 1 or > 2 || !MrzCheck.IsMrzCharacter(char.ToUpperInvariant(text[0])))
            {
                return new(field, MrzComparisonResult.NotCompared, entered, mrzCode, "Not a document type or an MRZ document code.");
            }
            letters = char.ToUpperInvariant(text[0]).ToString();
        }
        if (letters.Length == 0)
        {
            return new(field, MrzComparisonResult.NotCompared, entered, mrzCode, "'Other' has no MRZ document code to compare.");
        }
        return new(field, letters.Contains(mrzCode[0], StringComparison.Ordinal) ? MrzComparisonResult.Consistent : MrzComparisonResult.Discrepancy,
            entered, mrzCode);
    }

    // Uppercase, white space runs as one space, trimmed: how the parsed MRZ fields write names.
    private static string Plain(string text) =>
        string.Join(' ', text.ToUpperInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? MrzDateShown(MrzCheckResult mrz) =>
        mrz.Fields.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        ?? (mrz.DateOfBirthCharacters.IsEmpty ? null : mrz.DateOfBirthCharacters.ToString());

    private static string Iso(int year, int? month, int? day) => (month, day) switch
    {
        (null, _) => year.ToString("D4", CultureInfo.InvariantCulture),
        (_, null) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}"),
    };

    /// <summary>The name field split as MRZ text (fillers between names), with what its shape says about truncation.</summary>
    private readonly record struct NameParts(
        string? Primary, string? Secondary, bool PrimaryMayBeTruncated, bool SecondaryMayBeTruncated, bool NoRoomForSecondary)
    {
        public static NameParts Of(MrzCheckResult mrz)
        {
            var field = mrz.NameField.Span;
            if (field.IsEmpty || mrz.Format is not { } format)
            {
                // Not read by MrzCheck (or no name positions): the parsed names, without what the field's shape would tell.
                return new(mrz.Fields.Surname?.Replace(' ', '<'), mrz.Fields.GivenNames?.Replace(' ', '<'), false, false, false);
            }
            var length = MrzNames.FieldLength(format);
            var full = field.Length == length && field[^1] != '<';
            var split = field.IndexOf("<<", StringComparison.Ordinal);
            var primary = split < 0 ? field.TrimEnd('<') : field[..split];
            var secondary = split < 0 ? "" : Collapsed(field[(split + 2)..].Trim('<'));
            return new(primary.TrimStart('<').ToString(), secondary,
                PrimaryMayBeTruncated: split < 0 && full,
                SecondaryMayBeTruncated: split >= 0 && full,
                NoRoomForSecondary: split < 0 || split + 2 >= length);
        }

        private static string Collapsed(ReadOnlySpan<char> names)
        {
            Span<char> buffer = stackalloc char[names.Length];
            var length = 0;
            foreach (var c in names)
            {
                if (c != '<' || (length > 0 && buffer[length - 1] != '<'))
                {
                    buffer[length++] = c;
                }
            }
            return new string(buffer[..length]);
        }
    }
}
