using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace DescPortal.Core.Mrz;

/// <summary>
/// Names in the MRZ (ICAO Doc 9303 Part 3 §6 and Parts 4 to 6, "Representation of names"):
/// <list type="bullet">
/// <item>Transliteration to A-Z: Latin letters with diacritics per the 9303 table (Ä→AE, Å→AA, Æ→AE, Ö→OE, Ø→OE,
/// Ü→UE, ß→SS, Þ→TH, Ĳ→IJ, Œ→OE, É→E, Ñ→N, Ç→C...; also accepted: Ä→A, Å→A, Ö→O, Ø→O, Ü→U and the
/// table's Ñ→NXX, Ü→UXX), Cyrillic per the 9303 table (with its language variants: Г→H, Ж→Z, И→Y, Х→H, Ц→C, Ч→C,
/// Ш→S, Щ→SHT, Ъ→A, Ё→IO, Ђ→DJ, Ѓ→GJ, Ќ→KJ, Џ→DJ accepted), and Greek per ELOT 743 (9303 has no Greek table).
/// Other letters with diacritics fall back to their base letter (Unicode decomposition).</item>
/// <item>Punctuation: spaces, hyphens and commas become one filler &lt;; apostrophes and other punctuation are left out.</item>
/// <item>The name field: PRIMARY&lt;&lt;SECONDARY, padded with fillers to the field's length (TD3 39, TD2 31, TD1 30).
/// When the name is too long the primary identifier is kept and the secondary identifiers are cut at the field's end;
/// a primary identifier longer than the field is itself cut. A cut name ends at the field's last position, without a filler.</item>
/// </list>
/// </summary>
public static class MrzNames
{
    /// <summary>The name field's length: 39 (TD3), 31 (TD2), 30 (TD1).</summary>
    public static int FieldLength(MrzFormat format) => format switch
    {
        MrzFormat.TD1 => 30,
        MrzFormat.TD2 => 31,
        _ => 39,
    };

    /// <summary>
    /// The recommended MRZ form of a surname or of the given names: "Müller" → MUELLER, "O'Brien-Smith" → OBRIEN&lt;SMITH,
    /// "Anna Maria" → ANNA&lt;MARIA. False when a character has no transliteration here (e.g. Arabic or Han script).
    /// </summary>
    public static bool TryTransliterate(string? name, [NotNullWhen(true)] out string? mrz)
    {
        mrz = null;
        if (!TryPrepare(name, out var prepared, out _))
        {
            return false;
        }
        var builder = new StringBuilder(prepared.Length + 8);
        for (var i = 0; i < prepared.Length;)
        {
            var (consumed, options) = OptionsAt(prepared, i)[0];
            builder.Append(options[0]);
            i += consumed;
        }
        mrz = builder.ToString();
        return true;
    }

    /// <summary>
    /// The name field as an issuer would print it: PRIMARY&lt;&lt;SECONDARY, fillers to <paramref name="length"/>, truncated
    /// as the class summary says. False when either name has no transliteration here.
    /// </summary>
    public static bool TryNameField(string? surname, string? givenNames, int length, [NotNullWhen(true)] out string? field)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        field = null;
        if (!TryTransliterate(surname, out var primary) || !TryTransliterate(givenNames, out var secondary))
        {
            return false;
        }
        var text = primary.Length >= length ? primary[..length]
            : secondary.Length == 0 ? primary
            : string.Concat(primary, "<<", secondary);
        field = text.Length >= length ? text[..length] : text.PadRight(length, '<');
        return true;
    }

    /// <inheritdoc cref="TryNameField(string?, string?, int, out string?)"/>
    public static bool TryNameField(string? surname, string? givenNames, MrzFormat format, [NotNullWhen(true)] out string? field) =>
        TryNameField(surname, givenNames, FieldLength(format), out field);

    internal enum Fit : byte
    {
        None = 1,
        /// <summary>The MRZ holds the start of the name: it ends before the name does.</summary>
        Truncated = 2,
        Whole = 3,
    }

    /// <summary>
    /// Uppercase, diacritics kept, Greek accents removed, separators as one '&lt;' (none at either end), ignorable
    /// punctuation gone. False when a letter has no transliteration; <paramref name="untransliterable"/> is that letter.
    /// Null or blank text prepares to "".
    /// </summary>
    internal static bool TryPrepare(string? text, out string prepared, out char untransliterable)
    {
        prepared = "";
        untransliterable = '\0';
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        var pendingFiller = false;
        foreach (var raw in composed)
        {
            if (IsSeparator(raw))
            {
                pendingFiller = builder.Length > 0;
                continue;
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(raw);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.Format || char.IsPunctuation(raw) || char.IsSymbol(raw))
            {
                continue; // apostrophes, full stops and the like are left out
            }
            var c = Base(char.ToUpperInvariant(raw));
            if (pendingFiller)
            {
                builder.Append('<');
                pendingFiller = false;
            }
            builder.Append(c);
        }
        prepared = builder.ToString();
        for (var i = 0; i < prepared.Length; i++)
        {
            if (OptionsAt(prepared, i).Length == 0)
            {
                untransliterable = prepared[i];
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Whether some accepted transliteration of <paramref name="prepared"/> is <paramref name="mrz"/> (an MRZ name part,
    /// fillers between names), or, when <paramref name="mayBeTruncated"/>, starts with it.
    /// </summary>
    internal static Fit Match(string prepared, string mrz, bool mayBeTruncated)
    {
        var memo = new Fit[(prepared.Length + 1) * (mrz.Length + 1)];
        return Match(prepared, 0, mrz, 0, mayBeTruncated, memo);
    }

    private static Fit Match(string prepared, int i, string mrz, int j, bool mayBeTruncated, Fit[] memo)
    {
        var slot = i * (mrz.Length + 1) + j;
        if (memo[slot] != 0)
        {
            return memo[slot];
        }
        Fit best;
        if (i == prepared.Length)
        {
            best = j == mrz.Length ? Fit.Whole : Fit.None;
        }
        else
        {
            best = mayBeTruncated && j == mrz.Length ? Fit.Truncated : Fit.None;
            foreach (var (consumed, options) in OptionsAt(prepared, i))
            {
                foreach (var option in options)
                {
                    var rest = mrz.AsSpan(j);
                    Fit fit;
                    if (rest.StartsWith(option, StringComparison.Ordinal))
                    {
                        fit = Match(prepared, i + consumed, mrz, j + option.Length, mayBeTruncated, memo);
                    }
                    else if (mayBeTruncated && !rest.IsEmpty && option.AsSpan().StartsWith(rest, StringComparison.Ordinal))
                    {
                        fit = Fit.Truncated; // the field ends inside this letter's transliteration (Ü → U|E)
                    }
                    else
                    {
                        continue;
                    }
                    if (fit > best)
                    {
                        best = fit;
                    }
                }
            }
        }
        memo[slot] = best;
        return best;
    }

    private static readonly (int, string[])[] NoOptions = [];

    /// <summary>The ways to write prepared[i..]: (characters consumed, accepted MRZ spellings, the recommended one first).</summary>
    private static (int Consumed, string[] Options)[] OptionsAt(string prepared, int i)
    {
        var c = prepared[i];
        if (c == '<')
        {
            return Filler;
        }
        if (char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))
        {
            return AsciiOptions[c];
        }
        var single = Letters.TryGetValue(c, out var found) ? found : Decomposed(c);
        if (i + 1 < prepared.Length && Digraphs.TryGetValue(string.Concat(c.ToString(), prepared[i + 1].ToString()), out var pair))
        {
            return single is null ? [(2, pair)] : [(2, pair), (1, single)];
        }
        return single is null ? NoOptions : [(1, single)];
    }

    private static string[]? Decomposed(char c)
    {
        if (!char.IsLetter(c))
        {
            return null;
        }
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 1 && char.IsAsciiLetterUpper(decomposed[0]) ? [decomposed[0].ToString()] : null;
    }

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '-' or ',' or '<' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212';

    // Greek letters with tonos or dialytika as their plain capital; everything else as it is.
    private static char Base(char c) => c switch
    {
        'Ά' => 'Α',
        'Έ' => 'Ε',
        'Ή' => 'Η',
        'Ί' or 'Ϊ' or 'ΐ' => 'Ι',
        'Ό' => 'Ο',
        'Ύ' or 'Ϋ' or 'ΰ' => 'Υ',
        'Ώ' => 'Ω',
        'ς' => 'Σ',
        _ => c,
    };

    private static readonly (int, string[])[] Filler = [(1, ["<"])];

    private static readonly (int, string[])[][] AsciiOptions = MakeAsciiOptions();

    private static (int, string[])[][] MakeAsciiOptions()
    {
        var options = new (int, string[])[128][];
        for (var c = 0; c < options.Length; c++)
        {
            options[c] = [(1, [((char)c).ToString()])];
        }
        return options;
    }

    // Uppercase letter → accepted MRZ spellings, the ICAO-recommended one first.
    private static readonly FrozenDictionary<char, string[]> Letters = MakeLetters(
    [
        // Latin (9303 Part 3 §6, Table A)
        ("ÀÁÂÃĀĂĄ", "A"), ("Ä", "AE A"), ("Å", "AA A"), ("Æ", "AE"),
        ("ÇĆĈĊČ", "C"), ("ĎĐ", "D"), ("Ð", "D DH"),
        ("ÈÉÊËĒĔĖĘĚ", "E"), ("ĜĞĠĢ", "G"), ("ĤĦ", "H"),
        ("ÌÍÎÏĨĪĬĮİ", "I"), ("Ĳ", "IJ"), ("Ĵ", "J"), ("Ķ", "K"), ("ĹĻĽĿŁ", "L"),
        ("Ñ", "N NXX"), ("ŃŅŇŊ", "N"),
        ("ÒÓÔÕŌŎŐ", "O"), ("Ö", "OE O"), ("Ø", "OE O"), ("Œ", "OE"),
        ("ŔŖŘ", "R"), ("ŚŜŞŠȘ", "S"), ("ßẞ", "SS"), ("ŢŤŦȚ", "T"), ("Þ", "TH"),
        ("ÙÚÛŨŪŬŮŰŲ", "U"), ("Ü", "UE U UXX"), ("Ŵ", "W"), ("ÝŶŸ", "Y"), ("ŹŻŽ", "Z"),

        // Cyrillic (9303 Part 3 §6, Table B; language variants after the first spelling)
        ("А", "A"), ("Б", "B"), ("В", "V"), ("Г", "G H"), ("Ґ", "G"), ("Д", "D"), ("Ђ", "D DJ"), ("Ѓ", "G GJ"),
        ("Е", "E"), ("Ё", "E IO"), ("Є", "IE"), ("Ж", "ZH Z"), ("З", "Z"), ("Ѕ", "DZ"), ("И", "I Y"), ("І", "I"),
        ("Ї", "I"), ("Й", "I"), ("Ј", "J"), ("К", "K"), ("Ќ", "K KJ"), ("Л", "L"), ("Љ", "LJ"), ("М", "M"),
        ("Н", "N"), ("Њ", "NJ"), ("О", "O"), ("П", "P"), ("Р", "R"), ("С", "S"), ("Т", "T"), ("Ћ", "C"),
        ("У", "U"), ("Ў", "U"), ("Ф", "F"), ("Х", "KH H"), ("Ц", "TS C"), ("Ч", "CH C"), ("Џ", "DZ DJ"),
        ("Ш", "SH S"), ("Щ", "SHCH SHT"), ("Ъ", "IE A"), ("Ы", "Y"), ("Ь", "-"), ("Э", "E"), ("Ю", "IU"),
        ("Я", "IA"), ("Ѫ", "U"),

        // Greek (ELOT 743)
        ("Α", "A"), ("Β", "V"), ("Γ", "G"), ("Δ", "D"), ("Ε", "E"), ("Ζ", "Z"), ("Η", "I"), ("Θ", "TH"),
        ("Ι", "I"), ("Κ", "K"), ("Λ", "L"), ("Μ", "M"), ("Ν", "N"), ("Ξ", "X KS"), ("Ο", "O"), ("Π", "P"),
        ("Ρ", "R"), ("Σ", "S"), ("Τ", "T"), ("Υ", "Y I"), ("Φ", "F"), ("Χ", "CH X KH"), ("Ψ", "PS"), ("Ω", "O"),
    ]);

    // Greek pairs written together (ELOT 743); each letter alone stays possible.
    private static readonly FrozenDictionary<string, string[]> Digraphs = new Dictionary<string, string[]>
    {
        ["ΟΥ"] = ["OU"],
        ["ΑΥ"] = ["AV", "AF"],
        ["ΕΥ"] = ["EV", "EF"],
        ["ΗΥ"] = ["IV", "IF"],
        ["ΜΠ"] = ["MP", "B"],
        ["ΝΤ"] = ["NT", "D"],
        ["ΓΓ"] = ["NG", "GG"],
        ["ΓΚ"] = ["GK", "G"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // "-" stands for "left out" (the soft sign).
    private static FrozenDictionary<char, string[]> MakeLetters((string Letters, string Spellings)[] rows)
    {
        var letters = new Dictionary<char, string[]>();
        foreach (var (characters, spellings) in rows)
        {
            var options = spellings.Split(' ');
            for (var k = 0; k < options.Length; k++)
            {
                options[k] = options[k] == "-" ? "" : options[k];
            }
            foreach (var c in characters)
            {
                letters.Add(c, options);
            }
        }
        return letters.ToFrozenDictionary();
    }
}
