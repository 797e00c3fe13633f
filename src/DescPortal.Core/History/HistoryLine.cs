using System.Globalization;
using System.Resources;

namespace DescPortal.Core.History;

/// <summary>
/// One entry of a history in words: a code of <see cref="HistoryCodes"/> and the values it names, worded only when
/// shown, from Resources/History.resx (English, the neutral culture; another language adds a satellite) by the rules of
/// <see cref="Wording"/>: labels in the reader's language, numbers invariantly, a nested <see cref="Phrase"/> from
/// the same resources. <see cref="Text"/> is what a person wrote (a note, comments, a message): shown as it is,
/// apart from the line, never as markup.
/// </summary>
public sealed class HistoryLine
{
    private static readonly ResourceManager Texts = new("DescPortal.Core.Resources.History", typeof(HistoryLine).Assembly);

    public HistoryLine(string code, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(code);
        (Code, Arguments) = (code, arguments ?? []);
    }

    public string Code { get; }

    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>Free text a person wrote with the event, for readers who may see it; null when there is none.</summary>
    public string? Text { get; private init; }

    /// <summary>True for an event that has no line of its own and reads as its name.</summary>
    public bool IsFallback => Code == HistoryCodes.Event;

    /// <summary>The same line with what a person wrote beside it; blank text is none.</summary>
    public HistoryLine WithText(string? text) =>
        new(Code, [.. Arguments]) { Text = string.IsNullOrWhiteSpace(text) ? null : text };

    /// <summary>The same line without its free text, for readers who may not see what was written.</summary>
    public HistoryLine WithoutText() => Text is null ? this : new HistoryLine(Code, [.. Arguments]);

    /// <summary>The line in words of <paramref name="culture"/>; the invariant culture gives its English (the API's).</summary>
    public string In(CultureInfo culture) => Wording.Of(Texts, Code, Arguments, culture);

    /// <summary>The line in words, in the current UI culture.</summary>
    public override string ToString() => In(CultureInfo.CurrentUICulture);

    /// <summary>An event without a line of its own: its type's name in words ("ReportIssued" → "Report issued").</summary>
    public static HistoryLine Named(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return Named(eventType.Name);
    }

    /// <summary>An event without a line of its own, by its type's name.</summary>
    public static HistoryLine Named(string eventTypeName) => new(HistoryCodes.Event, Labels.Words(eventTypeName));
}

/// <summary>Who reads a case's history, which decides how much of each line they see.</summary>
public enum HistoryAudience
{
    /// <summary>The centre's examiners and reviewers: findings, notes, comments and the specimens compared with.</summary>
    Centre,

    /// <summary>
    /// The officers and border systems of the agency that referred the case: what was done and by whom, not the
    /// unreviewed findings, notes or review comments (their page shows the opinion only once it is approved).
    /// </summary>
    SubmittingAgency,
}

/// <summary>An event in words, for each audience; for most events the two are the same line.</summary>
public sealed record EventSummary(HistoryLine Centre, HistoryLine SubmittingAgency)
{
    public HistoryLine For(HistoryAudience audience) => audience == HistoryAudience.Centre ? Centre : SubmittingAgency;

    /// <summary>True when the event has no line of its own (<see cref="HistoryLine.Named"/>).</summary>
    public bool IsFallback => Centre.IsFallback;

    /// <summary>One line for everyone, its free text included (the other side wrote it, or reads it anyway).</summary>
    public static EventSummary ForAll(HistoryLine line) => new(line, line);

    /// <summary>The line for the centre, and for the agency the same without the free text.</summary>
    public static EventSummary TextForCentre(HistoryLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(line, line.WithoutText());
    }
}
