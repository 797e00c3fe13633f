namespace DescPortal.Testing;

/// <summary>
/// Where the throwaway services are. infra/desc test exports DESC_TEST_POSTGRES and DESC_TEST_BLOBS; in an IDE,
/// `infra/desc up` starts services on the defaults below.
/// </summary>
public static class TestServices
{
    // Azurite's published development account key (public, identical in every Azurite).
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static string Postgres =>
        Environment.GetEnvironmentVariable("DESC_TEST_POSTGRES") is { Length: > 0 } cs ? cs
        : "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

    public static string Blobs =>
        Environment.GetEnvironmentVariable("DESC_TEST_BLOBS") is { Length: > 0 } cs ? cs
        : $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteKey};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    /// <summary>Screenshots and other artifacts the tests keep for people to look at.</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("DESC_TEST_ARTIFACTS") is { Length: > 0 } d ? d
                : Path.Combine(AppContext.BaseDirectory, "artifacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}
