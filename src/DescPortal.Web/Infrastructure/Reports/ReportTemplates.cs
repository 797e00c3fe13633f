using System.Text.Json;
using Fluid;

namespace DescPortal.Web.Infrastructure.Reports;

/// <summary>
/// The centre's own part of a report, from letterhead.json beside the template: name, address, contact, the report's
/// title, how dates print, and labels that replace the built-in English words of codes ("FraudType.Forged",
/// "LightSource.UV365", …; see <see cref="ReportLabels"/>).
/// </summary>
public sealed record ReportLetterhead
{
    public string CentreName { get; init; } = "";
    public string? Unit { get; init; }
    public IReadOnlyList<string> Address { get; init; } = [];
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public string? Accreditation { get; init; }
    public string ReportTitle { get; init; } = "Expert report";

    /// <summary>The centre's documented examination method, named on every report (§7.8.2.1 f): required.</summary>
    public ReportMethodIdentity? Method { get; init; }

    /// <summary>Culture of dates (month names) and numbers, e.g. "en-GB".</summary>
    public string Culture { get; init; } = "en-GB";

    /// <summary>IANA time zone in which dates print, e.g. "Europe/Vienna".</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>.NET date format of printed dates.</summary>
    public string DateFormat { get; init; } = "d MMMM yyyy";

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}

/// <summary>The identifier and version of a centre's documented method ("DESC-PM-01", version "3").</summary>
public sealed record ReportMethodIdentity(string Identifier, string Version);

/// <summary>
/// The templates (the expert report's and the chain-of-custody record's), stylesheet and letterhead as last read, with
/// the folder they came from.
/// </summary>
public sealed record LoadedReportTemplates(
    string Folder, IFluidTemplate Template, IFluidTemplate CustodyTemplate, string Stylesheet, ReportLetterhead Letterhead);

/// <summary>
/// Finds and reads the report templates: <see cref="TemplateFile"/>, <see cref="CustodyTemplateFile"/>,
/// <see cref="StylesheetFile"/> and <see cref="LetterheadFile"/> in one folder. Read on first use and again whenever one of the files changes, so that a
/// centre's edit shows in the next report without a rebuild or a restart. A template that does not parse, or a
/// letterhead that is not valid JSON, fails the render with the file's name and the error.
/// </summary>
public sealed class ReportTemplates(ReportOptions options, IHostEnvironment environment)
{
    public const string TemplateFile = "expert-report.liquid";
    public const string CustodyTemplateFile = "custody-report.liquid";
    public const string StylesheetFile = "report.css";
    public const string LetterheadFile = "letterhead.json";

    /// <summary>Where the templates live inside a repository and beside the built app.</summary>
    public static readonly string RelativeFolder = Path.Combine("templates", "reports");

    private static readonly FluidParser Parser = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Lock _gate = new();
    private (LoadedReportTemplates Loaded, DateTime[] Stamps)? _cache;
    private string? _folder;

    /// <summary>The folder the templates are read from.</summary>
    public string Folder => _folder ??= Locate(options.Templates, environment.ContentRootPath, AppContext.BaseDirectory);

    /// <summary>
    /// The templates folder: <paramref name="configured"/> (<c>Reports:Templates</c>, relative to the content root) when
    /// set; else templates/reports of the repository checkout the content root lies in (the folder above it that holds
    /// DescPortal.sln), so that `infra/desc run` and the tests print with the files being edited; else the copy the
    /// build puts beside the app (a published app).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">None of them exists.</exception>
    public static string Locate(string? configured, string contentRoot, string appDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.GetFullPath(configured, contentRoot);
            return Directory.Exists(path)
                ? path
                : throw new DirectoryNotFoundException($"Reports:Templates is '{configured}', but {path} does not exist.");
        }
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DescPortal.sln")))
            {
                var inRepo = Path.Combine(dir.FullName, RelativeFolder);
                if (Directory.Exists(inRepo)) return inRepo;
                break;
            }
        }
        var besideApp = Path.Combine(appDirectory, RelativeFolder);
        return Directory.Exists(besideApp)
            ? besideApp
            : throw new DirectoryNotFoundException(
                $"No report templates: set Reports:Templates, or put {RelativeFolder} in the repository or beside the app ({appDirectory}).");
    }

    // What would only fail later, in the middle of a render, fails here with the file's name.
    private static void Check(ReportLetterhead letterhead, string file)
    {
        if (string.IsNullOrWhiteSpace(letterhead.CentreName))
            throw new InvalidOperationException($"{file}: centreName is required (the laboratory's name, §7.8.2.1 b).");
        if (string.IsNullOrWhiteSpace(letterhead.Method?.Identifier) || string.IsNullOrWhiteSpace(letterhead.Method.Version))
            throw new InvalidOperationException(
                $"{file}: method.identifier and method.version are required (the documented method the report names, §7.8.2.1 f), "
                + "for example \"method\": { \"identifier\": \"DESC-PM-01\", \"version\": \"3\" }.");
        try
        {
            _ = System.Globalization.CultureInfo.GetCultureInfo(letterhead.Culture, predefinedOnly: true);
            _ = TimeZoneInfo.FindSystemTimeZoneById(letterhead.TimeZone);
            _ = DateTimeOffset.UnixEpoch.ToString(letterhead.DateFormat, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is System.Globalization.CultureNotFoundException or TimeZoneNotFoundException
                                      or InvalidTimeZoneException or FormatException)
        {
            throw new InvalidOperationException($"{file}: {e.Message}", e);
        }
    }

    /// <summary>The templates, read again when any file changed since the last call.</summary>
    public LoadedReportTemplates Get()
    {
        var folder = Folder;
        string[] files = [Path.Combine(folder, TemplateFile), Path.Combine(folder, StylesheetFile), Path.Combine(folder, LetterheadFile),
            Path.Combine(folder, CustodyTemplateFile)];
        var stamps = files.Select(f => File.Exists(f)
            ? File.GetLastWriteTimeUtc(f)
            : throw new FileNotFoundException($"The report template file {f} is missing.", f)).ToArray();
        lock (_gate)
        {
            if (_cache is { } c && c.Stamps.SequenceEqual(stamps)) return c.Loaded;
        }

        var template = Parse(files[0], typeof(ReportView));
        var custody = Parse(files[3], typeof(CustodyReportView));
        var stylesheet = File.ReadAllText(files[1]);
        ReportLetterhead letterhead;
        try
        {
            letterhead = JsonSerializer.Deserialize<ReportLetterhead>(File.ReadAllText(files[2]), Json)
                ?? throw new InvalidOperationException($"{files[2]} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{files[2]} is not valid: {e.Message}", e);
        }
        Check(letterhead, files[2]);
        var loaded = new LoadedReportTemplates(folder, template, custody, stylesheet, letterhead);
        lock (_gate) _cache = (loaded, stamps);
        return loaded;
    }

    /// <summary>A template parsed and checked once against its view: a misspelt name fails here, with the file's name, rather than in a case's report.</summary>
    private static IFluidTemplate Parse(string file, Type view)
    {
        if (!Parser.TryParse(File.ReadAllText(file), out var template, out var error))
        {
            throw new InvalidOperationException($"{file} does not parse: {error}");
        }
        try
        {
            ReportLiquid.CheckNames(template, view);
        }
        catch (FluidException e)
        {
            throw new InvalidOperationException($"{file}: {e.Message}", e);
        }
        return template;
    }
}
