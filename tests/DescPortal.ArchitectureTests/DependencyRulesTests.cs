using System.Reflection;
using NetArchTest.Rules;

namespace DescPortal.ArchitectureTests;

/// <summary>
/// The dependency rules of docs/architecture.md, read from the compiled assemblies: a rule broken by a new file fails
/// the build's tests, not a review months later.
/// </summary>
public class DependencyRulesTests
{
    [Fact]
    public void The_slices_are_found()
    {
        // The rules below check every slice the assembly has; this keeps them from passing over none.
        Assert.Contains(Slices.Kernel, Slices.All);
        Assert.Contains("Referrals", Slices.All);
        Assert.Contains("Examination", Slices.All);
        Assert.Contains("Opinion", Slices.All);
        Assert.Contains("ReferenceLibrary", Slices.All);
    }

    [Fact]
    public void Core_references_nothing_beyond_the_base_class_library()
    {
        var beyond = Slices.CoreAssembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !IsBaseClassLibrary(name))
            .ToList();

        Assert.True(beyond.Count == 0, $"Core references {string.Join(", ", beyond)}; it may reference the BCL only.");
    }

    [Fact]
    public void Infrastructure_knows_no_feature()
    {
        var result = Types.InAssembly(Slices.WebAssembly)
            .That().ResideInNamespace(Slices.Infrastructure)
            .ShouldNot().HaveDependencyOn(Slices.Features)
            .GetResult();

        Assert.True(result.IsSuccessful, $"Infrastructure types that use a feature: {Slices.Failing(result)}");
    }

    [Fact]
    public void The_shell_components_know_no_feature()
    {
        var result = Types.InAssembly(Slices.WebAssembly)
            .That().ResideInNamespace(Slices.Components)
            .ShouldNot().HaveDependencyOn(Slices.Features)
            .GetResult();

        Assert.True(result.IsSuccessful, $"Shell components that use a feature (register a NavEntry or a CasePanel instead): {Slices.Failing(result)}");
    }

    public static TheoryData<string> SlicesButTheKernel() => [.. Slices.All.Where(s => s != Slices.Kernel)];

    [Theory]
    [MemberData(nameof(SlicesButTheKernel))]
    public void A_slice_references_no_other_slice_than_the_case_kernel(string slice)
    {
        var others = Slices.All.Where(s => s != slice && s != Slices.Kernel).Select(Slices.Namespace).ToArray();

        var result = Slices.TypesOf(slice).ShouldNot().HaveDependencyOnAny(others).GetResult();

        Assert.True(result.IsSuccessful, $"{slice} uses another slice than {Slices.Kernel}: {Slices.Failing(result)}");
    }

    [Fact]
    public void The_case_kernel_references_no_slice()
    {
        var slices = Slices.All.Where(s => s != Slices.Kernel).Select(Slices.Namespace).ToArray();

        var result = Slices.TypesOf(Slices.Kernel).ShouldNot().HaveDependencyOnAny(slices).GetResult();

        Assert.True(result.IsSuccessful, $"The case kernel uses a slice: {Slices.Failing(result)}");
    }

    [Fact]
    public void No_component_holds_a_Marten_session()
    {
        var components = Types.InAssembly(Slices.WebAssembly).That().Inherit(typeof(Microsoft.AspNetCore.Components.ComponentBase));
        Assert.Contains(components.GetTypes(), t => t.Name == "Workspace");

        var result = components.ShouldNot().HaveDependencyOnAny("Marten", "JasperFx").GetResult();

        Assert.True(result.IsSuccessful, $"Components that use Marten (call their feature's handler instead): {Slices.Failing(result)}");
    }

    private static bool IsBaseClassLibrary(string assembly) =>
        assembly is "System" or "mscorlib" or "netstandard"
        || assembly.StartsWith("System.", StringComparison.Ordinal)
        || assembly.StartsWith("Microsoft.Win32.", StringComparison.Ordinal);
}
