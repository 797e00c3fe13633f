namespace DescPortal.ArchitectureTests;

/// <summary>
/// No source file in src/ over 400 lines: a file that long holds more than one thing, and a component that long
/// cannot be held in one's head. Generated data tables are the exception, named here.
/// </summary>
public class SourceSizeTests
{
    public const int MaxLines = 400;

    // Data, not logic: the ICAO 9303 country codes and names.
    private static readonly string[] DataTables = ["src/DescPortal.Core/IcaoCountries.cs"];

    [Fact]
    public void No_source_file_in_src_is_over_400_lines()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 100, $"Only {files.Count} source files found under {src}.");

        var tooLong = files
            .Select(f => (File: Path.GetRelativePath(RepositoryRoot(), f).Replace('\\', '/'), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines && !DataTables.Contains(f.File))
            .Select(f => $"{f.File} ({f.Lines})")
            .ToList();

        Assert.True(tooLong.Count == 0, $"Over {MaxLines} lines: {string.Join(", ", tooLong)}. Split by responsibility.");
    }

    [Fact]
    public void A_component_and_its_code_behind_together_are_under_400_lines()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var tooLong = Directory.EnumerateFiles(src, "*.razor", SearchOption.AllDirectories)
            .Where(f => File.Exists(f + ".cs"))
            .Select(f => (File: Path.GetRelativePath(RepositoryRoot(), f), Lines: File.ReadLines(f).Count() + File.ReadLines(f + ".cs").Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File} with its code-behind ({f.Lines})")
            .ToList();

        Assert.True(tooLong.Count == 0, $"Components over {MaxLines} lines: {string.Join(", ", tooLong)}.");
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DescPortal.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("DescPortal.sln not found above " + AppContext.BaseDirectory);
    }
}
