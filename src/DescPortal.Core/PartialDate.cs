using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DescPortal.Core;

/// <summary>
/// A date known to the day, the month, the year, or not at all: travel documents print dates of birth
/// as "XX" or leave parts out when the issuing state does not know them.
/// Written and read as "1974-08-12", "1974-08", "1974", or "" (JSON: null) when unknown.
/// </summary>
[JsonConverter(typeof(PartialDateJsonConverter))]
public readonly record struct PartialDate
{
    /// <summary>The unknown date; also <c>default(PartialDate)</c>.</summary>
    public static PartialDate Unknown => default;

    /// <summary>1 to 9999; 0 only when the date is unknown.</summary>
    public int Year { get; }

    public int? Month { get; }

    public int? Day { get; }

    public bool IsUnknown => Year == 0;

    /// <exception cref="ArgumentOutOfRangeException">The parts do not make a calendar date.</exception>
    public PartialDate(int year, int? month = null, int? day = null)
    {
        var problem = Problem(year, month, day);
        if (problem is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(year), problem.MessageIn(CultureInfo.InvariantCulture));
        }
        (Year, Month, Day) = (year, month, day);
    }

    public static PartialDate Parse(string? text) =>
        TryParse(text, out var date, out var problem) ? date : throw new FormatException(problem!.MessageIn(CultureInfo.InvariantCulture));

    public static bool TryParse(string? text, out PartialDate date) => TryParse(text, out date, out _);

    /// <summary>
    /// Reads "YYYY-MM-DD", "YYYY-MM", "YYYY"; null, empty or blank text is <see cref="Unknown"/>.
    /// On failure <paramref name="problem"/> says why (a code of <see cref="Refusals.PartialDate"/>), to word for the person who typed it.
    /// </summary>
    public static bool TryParse(string? text, out PartialDate date, out Phrase? problem)
    {
        date = Unknown;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var parts = text.Trim().Split('-');
        int[] widths = [4, 2, 2];
        var numbers = new int?[3];
        if (parts.Length > 3)
        {
            problem = new Phrase(Refusals.PartialDate.Malformed, text);
            return false;
        }
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length != widths[i] || !parts[i].All(char.IsAsciiDigit))
            {
                problem = new Phrase(Refusals.PartialDate.Malformed, text);
                return false;
            }
            numbers[i] = int.Parse(parts[i], CultureInfo.InvariantCulture);
        }

        problem = Problem(numbers[0]!.Value, numbers[1], numbers[2]);
        if (problem is not null)
        {
            return false;
        }
        date = new PartialDate(numbers[0]!.Value, numbers[1], numbers[2]);
        return true;
    }

    /// <summary>
    /// True when even the earliest day the date could mean lies after <paramref name="today"/>:
    /// "2026" is not in the future on 2026-03-01, "2026-04" is.
    /// </summary>
    public bool IsAfter(DateOnly today) =>
        !IsUnknown && new DateOnly(Year, Month ?? 1, Day ?? 1) > today;

    public override string ToString() => this switch
    {
        { IsUnknown: true } => "",
        { Month: null } => Year.ToString("D4", CultureInfo.InvariantCulture),
        { Day: null } => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
    };

    private static Phrase? Problem(int year, int? month, int? day)
    {
        if (year is < 1 or > 9999)
        {
            return new Phrase(Refusals.PartialDate.YearOutOfRange, year);
        }
        if (month is null)
        {
            return day is null ? null : new Phrase(Refusals.PartialDate.DayWithoutMonth);
        }
        if (month is < 1 or > 12)
        {
            return new Phrase(Refusals.PartialDate.NoSuchMonth, month);
        }
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month.Value)))
        {
            return new Phrase(Refusals.PartialDate.NoSuchDay, day, new Phrase(Refusals.PartialDate.Months[month.Value - 1]), year);
        }
        return null;
    }
}

/// <summary>PartialDate as its string form; null for unknown.</summary>
public sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    // Said outright, not left to the serializer's default: an unknown date is stored and read as null.
    public override bool HandleNull => true;

    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return PartialDate.Unknown;
        }
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A partial date is a string such as \"1974-08-12\", \"1974-08\" or \"1974\".");
        }
        // The JSON reader's message reaches the API, whose words are English.
        return PartialDate.TryParse(reader.GetString(), out var date, out var problem)
            ? date
            : throw new JsonException(problem!.MessageIn(CultureInfo.InvariantCulture));
    }

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options)
    {
        if (value.IsUnknown)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}
