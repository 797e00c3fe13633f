using System.ComponentModel.DataAnnotations;

namespace DescPortal.Web.Infrastructure.Reports;

/// <summary>Configuration section <c>Reports</c>.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>
    /// <c>Reports:Templates</c>: the folder holding expert-report.liquid, report.css and letterhead.json (absolute, or
    /// relative to the content root). When not set: templates/reports of the repository the app runs from (a
    /// checkout), else the copy the build puts beside the app. See <see cref="ReportTemplates.Locate"/>.
    /// </summary>
    public string? Templates { get; set; }

    /// <summary><c>Reports:Chromium</c>: the browser that prints (Debian's chromium; DESC_CHROMIUM when set).</summary>
    public string Chromium { get; set; } = Environment.GetEnvironmentVariable("DESC_CHROMIUM") is { Length: > 0 } path
        ? path
        : "/usr/bin/chromium";

    /// <summary><c>Reports:Pages</c>: how many reports print at once (pages kept open in the one browser).</summary>
    [Range(1, 16)]
    public int Pages { get; set; } = 2;

    /// <summary><c>Reports:PrintTimeoutSeconds</c>: the longest one print (content set + PDF) may take.</summary>
    [Range(1, 3600)]
    public int PrintTimeoutSeconds { get; set; } = 120;
}
