using NetArchTest.Rules;

namespace DescPortal.ArchitectureTests;

// Core's namespaces are layers: the root (vocabulary, shared values) under everything, its parts above it. A cycle
// between two of them means neither can be read, changed or tested without the other.
public class CoreNamespaceTests
{
    private static readonly string[] Parts = ["Referrals", "Examination", "Opinion", "ReferenceLibrary", "Mrz", "History"];

    [Fact]
    public void TheRootNamespaceUsesNoneOfItsParts()
    {
        var result = Types.InAssembly(Slices.CoreAssembly)
            .That().ResideInNamespaceMatching(@"^DescPortal\.Core$")
            .ShouldNot().HaveDependencyOnAny([.. Parts.Select(p => $"DescPortal.Core.{p}")])
            .GetResult();

        Assert.True(result.IsSuccessful, $"These root types use a part: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void ThePartsUseEachOtherWithoutACycle()
    {
        var uses = Parts.ToDictionary(p => p, p => Parts.Where(other => other != p && Uses(p, other)).ToList());

        var cycle = FindCycle(uses);

        Assert.True(cycle is null, $"Core's namespaces form a cycle: {string.Join(" -> ", cycle ?? [])}.");
    }

    private static bool Uses(string part, string other) =>
        !Types.InAssembly(Slices.CoreAssembly)
            .That().ResideInNamespaceMatching($@"^DescPortal\.Core\.{part}$")
            .ShouldNot().HaveDependencyOn($"DescPortal.Core.{other}")
            .GetResult().IsSuccessful;

    // Depth first; a part met again while it is still on the path closes a cycle, returned from that part round to it.
    private static List<string>? FindCycle(Dictionary<string, List<string>> uses)
    {
        var done = new HashSet<string>();
        var path = new List<string>();
        List<string>? Visit(string part)
        {
            if (path.IndexOf(part) is var at and >= 0)
            {
                return [.. path[at..], part];
            }
            if (!done.Add(part))
            {
                return null;
            }
            path.Add(part);
            foreach (var other in uses[part])
            {
                if (Visit(other) is { } cycle)
                {
                    return cycle;
                }
            }
            path.RemoveAt(path.Count - 1);
            return null;
        }
        return Parts.Select(Visit).FirstOrDefault(c => c is not null);
    }
}
