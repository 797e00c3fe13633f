using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using DescPortal.Core.History;

namespace DescPortal.Core.Tests.History;

// The codes of history lines against their English in Resources/History.resx: a code without words, or words without a
// code, fails here rather than showing a code on the case page.
public partial class HistoryCodesTests
{
    private static List<(string Name, string Code)> Codes() =>
    [
        .. typeof(HistoryCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!)),
    ];

    private static Dictionary<string, string> EnglishEntries() =>
        new ResourceManager("DescPortal.Core.Resources.History", typeof(HistoryCodes).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);

    [Fact]
    public void Every_code_has_English_words_and_every_entry_is_a_code()
    {
        var codes = Codes().Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var entries = EnglishEntries();

        Assert.Empty(codes.Where(c => !entries.ContainsKey(c)).Select(c => $"{c} has no entry in Resources/History.resx"));
        Assert.Empty(entries.Keys.Where(k => !codes.Contains(k)).Select(k => $"Resources/History.resx has {k}, which HistoryCodes does not list"));
        Assert.Empty(Codes().GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key} is given to {string.Join(" and ", g.Select(c => c.Name))}"));
        Assert.Empty(Codes().Where(c => !CodeShape().IsMatch(c.Code)).Select(c => $"{c.Name} = \"{c.Code}\""));
    }

    [Fact]
    public void Every_entry_names_its_arguments_from_the_first_on_and_formats()
    {
        foreach (var (code, english) in EnglishEntries())
        {
            var used = Placeholder().Matches(english).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order().ToList();
            Assert.True(used.SequenceEqual(Enumerable.Range(0, used.Count)), $"{code} names arguments {string.Join(", ", used)}: start at {{0}} and leave none out.");
            var words = new HistoryLine(code, [.. Enumerable.Repeat<object?>(1, used.Count)]).In(CultureInfo.InvariantCulture);
            Assert.DoesNotContain("{", words, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$")]
    private static partial Regex CodeShape();

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
