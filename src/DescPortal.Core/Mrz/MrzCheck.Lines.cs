namespace DescPortal.Core.Mrz;

// The text the reader reads: the input's non-blank lines, and the weighted sum of check digits over parts of them.
public static partial class MrzCheck
{
    /// <summary>The weighted sum (7, 3, 1) of Part 3 §4.9, fed in pieces; broken by a missing position or a non-MRZ character.</summary>
    private struct Weighted
    {
        private int _sum;
        private int _turn;
        private bool _broken;

        public readonly int Digit => _broken ? -1 : _sum % 10;

        public void Add(ReadOnlySpan<char> data)
        {
            foreach (var c in data)
            {
                int value;
                if (char.IsAsciiDigit(c))
                {
                    value = c - '0';
                }
                else if (char.IsAsciiLetterUpper(c))
                {
                    value = c - 'A' + 10;
                }
                else if (c == '<')
                {
                    value = 0;
                }
                else
                {
                    _broken = true;
                    return;
                }
                _sum += value * (_turn == 0 ? 7 : _turn == 1 ? 3 : 1);
                _turn = _turn == 2 ? 0 : _turn + 1;
            }
        }

        public void Add(Lines lines, MrzSpan span)
        {
            if (lines.TryExact(span, out var data))
            {
                Add(data);
            }
            else
            {
                _broken = true;
            }
        }
    }

    /// <summary>The non-blank lines as (start, length) in the input; a missing line is empty.</summary>
    private readonly ref struct Lines(string input, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths)
    {
        private readonly ReadOnlySpan<int> _starts = starts;
        private readonly ReadOnlySpan<int> _lengths = lengths;

        public ReadOnlySpan<char> Line(int line) =>
            line < _starts.Length ? input.AsSpan(_starts[line], _lengths[line]) : default;

        /// <summary>The first character of <paramref name="span"/>; '\0' when the position is missing.</summary>
        public char At(MrzSpan span)
        {
            var text = Line(span.Line);
            return span.Start < text.Length ? text[span.Start] : '\0';
        }

        /// <summary>As much of the span as the line has; false when it has none of it.</summary>
        public bool TrySlice(MrzSpan span, out ReadOnlySpan<char> slice)
        {
            var text = Line(span.Line);
            if (span.Start >= text.Length)
            {
                slice = default;
                return false;
            }
            slice = text.Slice(span.Start, Math.Min(span.Length, text.Length - span.Start));
            return true;
        }

        /// <summary>The span when the line has all of it.</summary>
        public bool TryExact(MrzSpan span, out ReadOnlySpan<char> slice)
        {
            var text = Line(span.Line);
            if (span.Start + span.Length > text.Length)
            {
                slice = default;
                return false;
            }
            slice = text.Slice(span.Start, span.Length);
            return true;
        }

        /// <summary>A code field with its trailing fillers removed; null when missing.</summary>
        public string? Code(MrzSpan span) =>
            TrySlice(span, out var code) ? TrimEndFillers(code) : null;

        public ReadOnlyMemory<char> Memory(MrzSpan span)
        {
            if (span.Line >= _starts.Length)
            {
                return default;
            }
            var available = Math.Min(span.Length, _lengths[span.Line] - span.Start);
            return available <= 0 ? default : input.AsMemory(_starts[span.Line] + span.Start, available);
        }

        private static string TrimEndFillers(ReadOnlySpan<char> code)
        {
            var trimmed = code.TrimEnd('<');
            return trimmed.Length switch
            {
                0 => "",
                1 when trimmed[0] < 128 => Ascii[trimmed[0]],
                _ => new string(trimmed),
            };
        }
    }
}
