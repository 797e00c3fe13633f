namespace DescPortal.DemoData;

/// <summary>
/// Configuration section <c>DemoData</c>: what Development seeds at start besides accounts and agencies. Nothing is
/// seeded outside Development whatever these say.
/// </summary>
public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    /// <summary><c>DemoData:Specimens</c>: the demo reference library (a host testing tiny upload limits goes without).</summary>
    public bool Specimens { get; set; } = true;

    /// <summary><c>DemoData:Cases</c>: a case in every workflow state for both demo agencies (needs the demo library).</summary>
    public bool Cases { get; set; } = true;
}
