using System.Globalization;

namespace DescPortal.Core;

/// <summary>
/// A command that the case's current state does not allow (assigning a closed case, say): a stable
/// <see cref="Code"/> of <see cref="Refusals"/> and the values it names. <see cref="Message"/> words it for the user
/// who asked, in the current UI culture; the Web shows it as it is, and the API answers with the code beside the
/// English text. Not sealed: a concurrent change refused by the Web ("someone else changed this meanwhile") is one too.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string code, params object?[] arguments)
        : base(code)
    {
        Code = code;
        Arguments = arguments ?? [];
    }

    /// <summary>A refusal collected before it was thrown.</summary>
    public DomainException(Phrase refusal)
        : this(refusal?.Code ?? throw new ArgumentNullException(nameof(refusal)), [.. refusal.Arguments])
    {
    }

    /// <summary>What was refused, as other systems see it: lowercase dotted words, never reworded.</summary>
    public string Code { get; }

    /// <summary>The values the refusal names (a reference, a limit, what was typed), in the order its wording uses them.</summary>
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>The refusal in words, in the current UI culture.</summary>
    public override string Message => Wording.Of(Code, Arguments);

    /// <summary>The refusal in words of <paramref name="culture"/>; the invariant culture gives the English of the API.</summary>
    public string MessageIn(CultureInfo culture) => Wording.Of(Code, Arguments, culture);
}
