using System.Globalization;
using System.Text;

namespace DescPortal.DemoData.Specimens;

/// <summary>
/// Composes the machine readable zones of the demo specimens (ICAO Doc 9303 Parts 3, 4, 5 and 7) with their
/// check digits. Only for generating demo data: it trusts its input and fails loudly on anything too long.
/// </summary>
internal static class SpecimenMrz
{
    /// <summary>ICAO 9303 Part 3 §4.9: weights 7, 3, 1; digits as themselves, A-Z as 10-35, '&lt;' as 0; mod 10.</summary>
    public static int CheckDigit(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        ReadOnlySpan<int> weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            var value = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                '<' => 0,
                _ => throw new ArgumentException($"'{c}' cannot appear in an MRZ.", nameof(field)),
            };
            sum += value * weights[i % 3];
        }
        return sum % 10;
    }

    public static char Check(string field) => (char)('0' + CheckDigit(field));

    /// <summary>A field padded with fillers to its length.</summary>
    public static string Field(string value, int length)
    {
        var text = value.ToUpperInvariant().Replace(' ', '<').Replace('-', '<');
        if (text.Length > length)
        {
            throw new ArgumentException($"'{value}' does not fit {length} MRZ positions.", nameof(value));
        }
        return text.PadRight(length, '<');
    }

    /// <summary>Primary and secondary identifiers, "&lt;&lt;" between them, truncated to the zone.</summary>
    public static string Name(string surname, string givenNames, int length)
    {
        var name = Field(surname, surname.Length) + "<<" + Field(givenNames, givenNames.Length);
        return (name.Length > length ? name[..length] : name).PadRight(length, '<');
    }

    public static string Date(DateOnly date) => date.ToString("yyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The MRZ letter for a sex code: F, M, or '&lt;' for unspecified (X).</summary>
    public static char Sex(char sex) => sex is 'F' or 'M' ? sex : '<';

    /// <summary>TD3 (passport), 2 x 44.</summary>
    public static IReadOnlyList<string> Td3(string documentCode, string state, string surname, string givenNames,
        string number, string nationality, DateOnly birth, char sex, DateOnly expiry, string personalNumber)
    {
        var line1 = Field(documentCode, 2) + Field(state, 3) + Name(surname, givenNames, 39);
        var doc = Field(number, 9);
        var personal = Field(personalNumber, 14);
        var personalCheck = personal.All(c => c == '<') ? '<' : Check(personal);
        var dob = Date(birth);
        var exp = Date(expiry);
        var sb = new StringBuilder(44);
        sb.Append(doc).Append(Check(doc))
            .Append(Field(nationality, 3))
            .Append(dob).Append(Check(dob))
            .Append(Sex(sex))
            .Append(exp).Append(Check(exp))
            .Append(personal).Append(personalCheck);
        var body = sb.ToString();
        var composite = body[..10] + body[13..20] + body[21..43];
        var line2 = body + Check(composite);
        return [Expect(line1, 44), Expect(line2, 44)];
    }

    /// <summary>TD1 (card), 3 x 30.</summary>
    public static IReadOnlyList<string> Td1(string documentCode, string state, string number, string optional1,
        DateOnly birth, char sex, DateOnly expiry, string nationality, string optional2, string surname, string givenNames)
    {
        var doc = Field(number, 9);
        var line1 = Field(documentCode, 2) + Field(state, 3) + doc + Check(doc) + Field(optional1, 15);
        var dob = Date(birth);
        var exp = Date(expiry);
        var body2 = dob + Check(dob) + Sex(sex) + exp + Check(exp) + Field(nationality, 3) + Field(optional2, 11);
        var composite = line1[5..30] + body2[..7] + body2[8..15] + body2[18..29];
        var line2 = body2 + Check(composite);
        var line3 = Name(surname, givenNames, 30);
        return [Expect(line1, 30), Expect(line2, 30), Expect(line3, 30)];
    }

    /// <summary>MRV-A (visa, 80 x 120 mm), 2 x 44; no composite check digit.</summary>
    public static IReadOnlyList<string> MrvA(string documentCode, string state, string surname, string givenNames,
        string passportNumber, string nationality, DateOnly birth, char sex, DateOnly validUntil, string optional)
    {
        var line1 = Field(documentCode, 2) + Field(state, 3) + Name(surname, givenNames, 39);
        var doc = Field(passportNumber, 9);
        var dob = Date(birth);
        var until = Date(validUntil);
        var line2 = doc + Check(doc) + Field(nationality, 3) + dob + Check(dob) + Sex(sex) + until + Check(until)
            + Field(optional, 16);
        return [Expect(line1, 44), Expect(line2, 44)];
    }

    private static string Expect(string line, int length) =>
        line.Length == length ? line : throw new InvalidOperationException($"MRZ line '{line}' is not {length} long.");
}
