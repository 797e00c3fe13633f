using System.Globalization;

namespace DescPortal.Core;

/// <summary>
/// A code of <see cref="Refusals"/> and the values it names, worded only when shown: a refusal collected before it is
/// thrown, or a part of another one's sentence ("annotate its evidence"), worded in the same culture as that sentence.
/// </summary>
public sealed class Phrase(string code, params object?[] arguments)
{
    public string Code { get; } = code;

    public IReadOnlyList<object?> Arguments { get; } = arguments;

    /// <summary>The phrase in words of <paramref name="culture"/>; the invariant culture gives its English.</summary>
    public string MessageIn(CultureInfo culture) => Wording.Of(Code, Arguments, culture);

    /// <summary>The phrase in words, in the current UI culture.</summary>
    public override string ToString() => Wording.Of(Code, Arguments);
}
