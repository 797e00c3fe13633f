namespace DescPortal.Testing;

/// <summary>The checkout the tests run from (files the tests hold the code to: docs, templates, the contract).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DescPortal.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("The tests run outside the repository.");
    }
}
