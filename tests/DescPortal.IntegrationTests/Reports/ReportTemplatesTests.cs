using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Reports;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DescPortal.IntegrationTests.Reports;

/// <summary>Where the report templates come from, and that a centre's edit shows in the next report (HTML only: no browser).</summary>
public sealed class ReportTemplatesTests : IDisposable
{
    private readonly string _copy = Directory.CreateTempSubdirectory("desc-templates-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;


    public void Dispose() => Directory.Delete(_copy, recursive: true);

    [Fact]
    public void A_checkout_prints_with_the_repositorys_templates_and_a_setting_names_another_folder()
    {
        var repo = Repository.Root;
        var web = Path.Combine(repo, "src", "DescPortal.Web");

        Assert.Equal(Path.Combine(repo, "templates", "reports"), ReportTemplates.Locate(null, web, AppContext.BaseDirectory));
        Assert.Equal(_copy, ReportTemplates.Locate(_copy, web, AppContext.BaseDirectory));
        // Outside a checkout: the copy the build put beside the app.
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "templates", "reports"),
            ReportTemplates.Locate(null, _copy, AppContext.BaseDirectory));
        Assert.Throws<DirectoryNotFoundException>(() => ReportTemplates.Locate("no-such-folder", web, AppContext.BaseDirectory));
    }

    [Fact]
    public async Task A_changed_letterhead_shows_in_the_next_report_without_a_restart()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "templates", "reports")))
            File.Copy(file, Path.Combine(_copy, Path.GetFileName(file)));
        var options = new ReportOptions { Templates = _copy };
        var templates = new ReportTemplates(options, new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory });
        await using var printer = new ReportPrinter(options, NullLogger<ReportPrinter>.Instance);
        var renderer = new ReportRenderer(templates, printer);
        var report = SampleReports.TwoDocuments();

        var before = await renderer.RenderHtmlAsync(report, Ct);
        var letterhead = Path.Combine(_copy, ReportTemplates.LetterheadFile);
        await File.WriteAllTextAsync(letterhead, (await File.ReadAllTextAsync(letterhead, Ct))
            .Replace("Document Examination Support Centre", "Centre <Nord> & Co \U00020000", StringComparison.Ordinal)
            .Replace("\"labels\": {", "\"labels\": { \"FraudType.Counterfeit\": \"Contrefaçon <totale>\", \"Finding.Absent\": \" \",", StringComparison.Ordinal), Ct);
        File.SetLastWriteTimeUtc(letterhead, DateTime.UtcNow.AddSeconds(5));
        var after = await renderer.RenderHtmlAsync(report, Ct);

        Assert.Contains("<div class=\"centre-name\">Document Examination Support Centre</div>", before, StringComparison.Ordinal);
        Assert.Contains("<div class=\"centre-name\">Centre &lt;Nord&gt; &amp; Co &#x20000;</div>", after, StringComparison.Ordinal);
        // A centre's word for a code replaces the built-in one (encoded like every value); a blank one is ignored.
        Assert.Contains("Counterfeit", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Counterfeit", after, StringComparison.Ordinal);
        Assert.Matches("<p class=\"verdict counterfeit\">Contrefa(ç|&#xE7;)on &lt;totale&gt;</p>", after);
        Assert.Contains("Absent", after, StringComparison.Ordinal);
        // In the page header the name is a CSS string: nothing in it can end the string or the style element.
        // (CSS consumes the one space that ends an escape: "\00003E  " is ">" and a space.)
        // A letter beyond U+FFFF (CJK Extension B) stays whole.
        Assert.Contains(@"@top-left { content: ""Centre \00003C Nord\00003E  \000026  Co " + "\U00020000" + @"""; }", after, StringComparison.Ordinal);
        Assert.Equal(0, printer.Launches);
    }

    [Fact]
    public async Task A_template_that_does_not_parse_fails_with_the_files_name()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "templates", "reports")))
            File.Copy(file, Path.Combine(_copy, Path.GetFileName(file)));
        await File.AppendAllTextAsync(Path.Combine(_copy, ReportTemplates.TemplateFile), "{% if %}", Ct);
        var options = new ReportOptions { Templates = _copy };
        await using var printer = new ReportPrinter(options, NullLogger<ReportPrinter>.Instance);
        var renderer = new ReportRenderer(
            new ReportTemplates(options, new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory }), printer);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => renderer.RenderHtmlAsync(SampleReports.TwoDocuments(), Ct));

        Assert.Contains(ReportTemplates.TemplateFile, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_letterhead_with_an_unknown_time_zone_fails_with_the_files_name()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "templates", "reports")))
            File.Copy(file, Path.Combine(_copy, Path.GetFileName(file)));
        var letterhead = Path.Combine(_copy, ReportTemplates.LetterheadFile);
        await File.WriteAllTextAsync(letterhead, (await File.ReadAllTextAsync(letterhead, Ct))
            .Replace("\"timeZone\": \"UTC\"", "\"timeZone\": \"Europe/Atlantis\"", StringComparison.Ordinal), Ct);
        var templates = new ReportTemplates(new ReportOptions { Templates = _copy },
            new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory });

        var e = Assert.Throws<InvalidOperationException>(templates.Get);

        Assert.Contains(ReportTemplates.LetterheadFile, e.Message, StringComparison.Ordinal);
        Assert.Contains("Europe/Atlantis", e.Message, StringComparison.Ordinal);
    }
    [Fact]
    public void A_letterhead_without_the_method_fails_with_the_files_name_and_an_example()
    {
        CopyTemplates();
        var letterhead = Path.Combine(_copy, ReportTemplates.LetterheadFile);
        var text = File.ReadAllText(letterhead);
        Assert.Contains("\"version\": \"3\"", text, StringComparison.Ordinal);
        File.WriteAllText(letterhead, text.Replace("\"version\": \"3\"", "\"version\": \" \"", StringComparison.Ordinal));
        var templates = new ReportTemplates(new ReportOptions { Templates = _copy },
            new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory });

        var e = Assert.Throws<InvalidOperationException>(templates.Get);

        Assert.Contains(ReportTemplates.LetterheadFile, e.Message, StringComparison.Ordinal);
        Assert.Contains("method.identifier and method.version are required", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ report.numbr }}", "numbr")]
    [InlineData("{% for d in documents %}{{ d.conclusoin }}{% endfor %}", "conclusoin")]
    [InlineData("{% if report.supersedes %}{{ report.supersedez }}{% endif %}", "supersedez")]
    [InlineData("{{ report.number | upcse }}", "upcse")]
    // Branches no report may ever take are checked too: a case's when, a comparison, an else, an empty loop's else.
    [InlineData("{% case report.version %}{% when 99 %}{{ report.numbr }}{% endcase %}", "numbr")]
    [InlineData("{% if report.number == \"none\" %}{{ qr.sise }}{% endif %}", "sise")]
    [InlineData("{% if report.number %}x{% else %}{{ customer.agency_nam }}{% endif %}", "agency_nam")]
    [InlineData("{% for f in figures %}{% else %}{{ f.nuber }}{% endfor %}", "f")]
    [InlineData("{% for f in figures %}{% for m in f.marks %}{{ m.note | escape | upcse }}{% endfor %}{% endfor %}", "upcse")]
    [InlineData("{{ documents.first.method.lihgts }}", "lihgts")]
    [InlineData("<table>{% tablerow f in figures %}{{ f.sha265 }}{% endtablerow %}</table>", "sha265")]
    public void A_misspelt_name_fails_when_the_template_is_read_naming_the_file_and_the_name(string line, string name)
    {
        CopyTemplates();
        File.AppendAllText(Path.Combine(_copy, ReportTemplates.TemplateFile), line);
        var templates = new ReportTemplates(new ReportOptions { Templates = _copy },
            new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory });

        var e = Assert.Throws<InvalidOperationException>(templates.Get);

        Assert.Contains(ReportTemplates.TemplateFile, e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{name}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_a_template_makes_itself_and_liquids_own_are_not_misspellings()
    {
        CopyTemplates();
        File.AppendAllText(Path.Combine(_copy, ReportTemplates.TemplateFile),
            "{% assign n = report.number %}{{ n }}{% capture t %}{{ documents.size }}{% endcapture %}{{ t }}" +
            "{% for d in documents %}{{ forloop.index }} {{ d.observations.first.marks }} {{ d.method.lights | join: \", \" }}{% endfor %}" +
            "{% for i in (1..2) %}{{ i }}{% endfor %}{{ figures[0].marks.size }}{{ report.number.size }}{{ stylesheet }}" +
            "{% for d in documents %}{% assign last_type = d.type %}{% endfor %}{{ last_type }}" +
            "<table>{% tablerow f in figures cols: 2 %}{{ f.number }} {{ tablerowloop.col }}{% endtablerow %}</table>{% increment n %}{{ n }}");
        var templates = new ReportTemplates(new ReportOptions { Templates = _copy },
            new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory });

        Assert.NotNull(templates.Get());
    }

    [Fact]
    public async Task Health_says_degraded_with_the_reason_while_the_templates_are_broken_and_healthy_once_fixed()
    {
        CopyTemplates();
        var file = Path.Combine(_copy, ReportTemplates.TemplateFile);
        var good = await File.ReadAllTextAsync(file, Ct);
        await File.AppendAllTextAsync(file, "{{ report.numbr }}", Ct);
        var check = new ReportTemplatesHealthCheck(new ReportTemplates(new ReportOptions { Templates = _copy },
            new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory }));
        var registration = new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration("report-templates", check,
            Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, null);
        var context = new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext { Registration = registration };

        var broken = await check.CheckHealthAsync(context, Ct);
        await File.WriteAllTextAsync(file, good, Ct);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(5));
        var fixedAgain = await check.CheckHealthAsync(context, Ct);

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, broken.Status);
        Assert.Contains("'numbr'", broken.Description, StringComparison.Ordinal);
        Assert.StartsWith(ReportTemplates.TemplateFile + ":", broken.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(_copy, broken.Description, StringComparison.Ordinal);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, fixedAgain.Status);
    }

    [Fact]
    public async Task A_value_the_report_does_not_have_prints_empty_is_false_and_takes_the_default()
    {
        CopyTemplates();
        await File.WriteAllTextAsync(Path.Combine(_copy, ReportTemplates.TemplateFile),
            "[{{ report.supersedes }}] [{% if report.supersedes %}superseding{% else %}first{% endif %}] [{{ report.supersedes | default: \"none\" }}] [{{ report.number }}]", Ct);
        var options = new ReportOptions { Templates = _copy };
        await using var printer = new ReportPrinter(options, NullLogger<ReportPrinter>.Instance);
        var renderer = new ReportRenderer(new ReportTemplates(options, new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory }), printer);
        var report = SampleReports.Awkward(); // a first report: it supersedes nothing
        Assert.Null(report.Supersedes);

        var html = await renderer.RenderHtmlAsync(report, Ct);

        Assert.Equal($"[] [first] [none] [{report.ReportNumber}]", html);
    }

    private void CopyTemplates()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "templates", "reports")))
            File.Copy(file, Path.Combine(_copy, Path.GetFileName(file)));
    }
}
