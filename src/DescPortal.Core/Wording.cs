using System.Collections;
using System.Globalization;
using System.Resources;

namespace DescPortal.Core;

/// <summary>
/// The words of a code of <see cref="Refusals"/>, from Core's resources: Resources/Refusals.resx is the English of
/// every code (the neutral culture), and another language adds a satellite such as Resources/Refusals.fr.resx.
/// An entry is a composite format string over the code's arguments, which are written the same in every culture:
/// <list type="bullet">
/// <item>numbers and dates invariantly (<c>{1:yyyy-MM-dd}</c> takes a format), so "0.3 dpi" never reads "0,3 dpi"
/// in one language and "0.3" in the API;</item>
/// <item>a <see cref="Phrase"/> in words of the same culture, and a <see cref="VocabularyLabel"/> as its label;</item>
/// <item>a list as "A, B or C", the conjunction given in the entry (<c>{0:or}</c>), or with no conjunction as its
/// items one after the other (sentences);</item>
/// <item><c>{0:one|other}</c> picks by a count or a list's length: <c>{0} {0:document|documents}</c>; a <c>#</c> in the
/// chosen words stands for the count (<c>{0:its image|its # images}</c>).</item>
/// </list>
/// </summary>
public static class Wording
{
    private static readonly ResourceManager RefusalTexts = new("DescPortal.Core.Resources.Refusals", typeof(Wording).Assembly);

    /// <summary>
    /// The code in words of <paramref name="culture"/> (the current UI culture when null). A code without an entry
    /// reads as itself, as IStringLocalizer reads a key it does not know.
    /// </summary>
    public static string Of(string code, IReadOnlyList<object?> arguments, CultureInfo? culture = null) =>
        Of(RefusalTexts, code, arguments, culture ?? CultureInfo.CurrentUICulture);

    /// <summary>
    /// An entry of another resource set (the Web's pages, where the English text is the key) worded by the same rules:
    /// one way of choosing "1 image" or "2 images" for refusals and pages alike.
    /// </summary>
    public static string Format(string entry, IReadOnlyList<object?> arguments, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(arguments);
        return string.Format(new ArgumentFormat(RefusalTexts, culture ?? CultureInfo.CurrentUICulture), entry, [.. arguments]);
    }

    internal static string Of(ResourceManager texts, string code, IReadOnlyList<object?> arguments, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(arguments);
        if (texts.GetString(code, culture) is not { } entry)
        {
            return code;
        }
        try
        {
            return string.Format(new ArgumentFormat(texts, culture), entry, [.. arguments]);
        }
        catch (FormatException) when (!Equals(culture, CultureInfo.InvariantCulture))
        {
            // A translation naming an argument the code does not have must not turn a refusal into a crash: English.
            return Of(texts, code, arguments, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Formats each argument of an entry the same in every culture; only phrases are worded in the entry's.</summary>
    private sealed class ArgumentFormat(ResourceManager texts, CultureInfo culture) : IFormatProvider, ICustomFormatter
    {
        public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : null;

        public string Format(string? format, object? arg, IFormatProvider? formatProvider) => arg switch
        {
            null => "",
            string text => text,
            Phrase phrase => Of(texts, phrase.Code, phrase.Arguments, culture),
            VocabularyLabel label => label.In(culture),
            _ when format is not null && format.Contains('|', StringComparison.Ordinal) => Choose(format, arg),
            IEnumerable items => Join(items, format),
            IFormattable value => value.ToString(format, CultureInfo.InvariantCulture),
            _ => arg.ToString() ?? "",
        };

        // "one|other": the first for exactly one, the second for any other count; "#" in it is the count.
        private static string Choose(string format, object arg)
        {
            var count = arg is IEnumerable items ? items.Cast<object?>().LongCount() : Convert.ToInt64(arg, CultureInfo.InvariantCulture);
            var choices = format.Split('|', 2);
            return (count == 1 ? choices[0] : choices[1]).Replace("#", count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        private string Join(IEnumerable items, string? conjunction)
        {
            var words = items.Cast<object?>().Select(i => Format(null, i, this)).ToList();
            if (string.IsNullOrEmpty(conjunction) || words.Count < 2)
            {
                return string.Join(" ", words);
            }
            return string.Join(", ", words.Take(words.Count - 1)) + $" {conjunction} " + words[^1];
        }
    }
}
