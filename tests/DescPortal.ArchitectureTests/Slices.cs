using System.Reflection;
using NetArchTest.Rules;

namespace DescPortal.ArchitectureTests;

/// <summary>The Web project's parts as the dependency rules name them (docs/architecture.md, "Rules").</summary>
internal static class Slices
{
    public const string Web = "DescPortal.Web";
    public const string Features = Web + ".Features";
    public const string Infrastructure = Web + ".Infrastructure";
    public const string Components = Web + ".Components";

    /// <summary>The kernel every case-facing slice may use; it uses no slice.</summary>
    public const string Kernel = "Cases";

    public static Assembly WebAssembly { get; } = typeof(Web.Features.FeatureSetup).Assembly;

    public static Assembly CoreAssembly { get; } = typeof(Core.DomainException).Assembly;

    /// <summary>Every folder under Features/ whose types sit in a namespace of their own, read from the assembly.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. WebAssembly.GetTypes()
            .Select(t => t.Namespace ?? "")
            .Where(n => n.StartsWith(Features + ".", StringComparison.Ordinal))
            .Select(n => n[(Features.Length + 1)..].Split('.')[0])
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>The types of one slice (its sub-namespaces too): "DescPortal.Web.Features.Referrals" and "...Referrals.Drafts".</summary>
    public static PredicateList TypesOf(string slice) =>
        Types.InAssembly(WebAssembly).That().ResideInNamespaceMatching($@"^{Regex(Features)}\.{slice}(\..+)?$");

    public static string Namespace(string slice) => $"{Features}.{slice}";

    public static string Regex(string ns) => ns.Replace(".", @"\.", StringComparison.Ordinal);

    public static string Failing(NetArchTest.Rules.TestResult result) =>
        string.Join(", ", result.FailingTypeNames ?? []);
}
