using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using DescPortal.Core.Referrals;

namespace DescPortal.Core.Tests;

// The codes of Refusals against their English in Resources/Refusals.resx and their use in the portal's source: a code
// without words, words without a code, or a code nothing uses fails here, not in front of a user.
public partial class RefusalsTests
{
    private static readonly ResourceManager Resources = new("DescPortal.Core.Resources.Refusals", typeof(Refusals).Assembly);

    /// <summary>Every code and phrase key of <see cref="Refusals"/>, by the name the source uses ("Referral.Field.Surname").</summary>
    private static List<(string Name, string Key)> Codes()
    {
        var codes = new List<(string, string)>();
        void Collect(Type type, string prefix)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var name = prefix + field.Name;
                if (field.IsLiteral && field.GetRawConstantValue() is string code)
                {
                    codes.Add((name, code));
                }
                else if (field.GetValue(null) is IEnumerable<string> keys)
                {
                    codes.AddRange(keys.Select(k => (name, k)));
                }
            }
            foreach (var nested in type.GetNestedTypes())
            {
                Collect(nested, $"{prefix}{nested.Name}.");
            }
        }
        Collect(typeof(Refusals), "");
        return codes;
    }

    private static Dictionary<string, string> EnglishEntries() =>
        Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);

    [Fact]
    public void EveryCodeHasEnglishWordsAndEveryEntryIsACode()
    {
        var codes = Codes().Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var entries = EnglishEntries();

        Assert.Empty(codes.Where(c => !entries.ContainsKey(c)).Select(c => $"{c} has no entry in Resources/Refusals.resx"));
        Assert.Empty(entries.Keys.Where(k => !codes.Contains(k)).Select(k => $"Resources/Refusals.resx has {k}, which Refusals does not list"));
        Assert.Empty(entries.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{e.Key} has no words"));
    }

    [Fact]
    public void CodesAreLowercaseDottedWordsEachForOneMeaning()
    {
        var codes = Codes();

        Assert.Empty(codes.Where(c => !CodeShape().IsMatch(c.Key)).Select(c => $"{c.Name} = \"{c.Key}\""));
        Assert.Empty(codes.GroupBy(c => c.Key).Where(g => g.Count() > 1).Select(g => $"{g.Key} is given to {string.Join(" and ", g.Select(c => c.Name))}"));
    }

    [Fact]
    public void EveryCodeIsUsedByThePortal()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !Path.GetFileName(f).StartsWith("Refusals.", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();

        var unused = Codes().Select(c => c.Name).Distinct()
            .Where(name => !sources.Any(text => Regex.IsMatch(text, $@"\bRefusals\.{Regex.Escape(name)}\b")))
            .ToList();

        Assert.True(unused.Count == 0, $"Nothing uses Refusals.{string.Join(", Refusals.", unused)}; remove them with their entries.");
    }

    [Fact]
    public void EveryEntryNamesItsArgumentsFromTheFirstOnAndFormats()
    {
        foreach (var (code, english) in EnglishEntries())
        {
            var used = Placeholder().Matches(english).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order().ToList();
            Assert.True(used.SequenceEqual(Enumerable.Range(0, used.Count)), $"{code} names arguments {string.Join(", ", used)}: start at {{0}} and leave none out.");
            var words = Wording.Of(code, [.. Enumerable.Repeat<object?>(1, used.Count)], CultureInfo.InvariantCulture);
            Assert.DoesNotContain("{", words, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryStatusOfACaseHasItsWordsInsideARefusal()
    {
        var entries = EnglishEntries();

        Assert.All(Enum.GetValues<ReferralStatus>(), status => Assert.True(
            entries.ContainsKey(CaseRules.StatusText(status).Code), $"{status} has no case.status.* phrase"));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DescPortal.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("No DescPortal.sln above the tests.");
    }

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$")]
    private static partial Regex CodeShape();

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
