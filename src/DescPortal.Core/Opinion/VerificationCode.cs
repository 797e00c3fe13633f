using System.Diagnostics.CodeAnalysis;

namespace DescPortal.Core.Opinion;

/// <summary>
/// The code printed on a report so that anyone can check it on /verify: 80 random bits as 16 Crockford base32 symbols
/// in groups of four, "7KQ2-MX9A-BT0W-Z4RC". Crockford's alphabet has no I, L, O or U, so a code read aloud or typed
/// from paper is read back as meant (i, l → 1, o → 0). Randomness comes in as bytes, so the format is testable.
/// </summary>
public static class VerificationCode
{
    /// <summary>Ten bytes, eighty bits: guessing one code of even a million issued reports stays hopeless.</summary>
    public const int RandomBytes = 10;

    public const int Symbols = 16;
    public const int GroupLength = 4;

    /// <summary>Grouped length: 16 symbols and 3 hyphens.</summary>
    public const int Length = Symbols + Symbols / GroupLength - 1;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <param name="random">Exactly <see cref="RandomBytes"/> bytes from a cryptographic random source.</param>
    /// <exception cref="ArgumentException">Not exactly <see cref="RandomBytes"/> bytes.</exception>
    public static string Format(ReadOnlySpan<byte> random)
    {
        if (random.Length != RandomBytes)
        {
            throw new ArgumentException($"A verification code takes exactly {RandomBytes} random bytes.", nameof(random));
        }
        var symbols = new char[Symbols];
        // 80 bits read five at a time, most significant first.
        int buffer = 0, bits = 0, n = 0;
        foreach (var b in random)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                symbols[n++] = Alphabet[(buffer >> bits) & 31];
            }
        }
        return Group(symbols);
    }

    /// <summary>
    /// Reads a code as a person may type it: any case, groups separated by hyphens or spaces or not at all, i/l for 1
    /// and o for 0. <paramref name="code"/> is then the canonical form <see cref="Format"/> writes; anything else is
    /// malformed. Separators are allowed only between groups, so that a report number ("DESC-2026-000042-R1", also 16
    /// symbols of the alphabet) is not read as a code.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out string? code)
    {
        code = null;
        var trimmed = text?.Trim();
        if (trimmed is null || trimmed.Length > 64)
        {
            return false;
        }
        var symbols = new char[Symbols];
        var n = 0;
        foreach (var c in trimmed)
        {
            if (c is '-' or ' ')
            {
                if (n == 0 || n == Symbols || n % GroupLength != 0)
                {
                    return false;
                }
                continue;
            }
            var symbol = char.ToUpperInvariant(c) switch
            {
                'I' or 'L' => '1',
                'O' => '0',
                var u when u < 128 && Alphabet.Contains(u, StringComparison.Ordinal) => u,
                _ => '\0',
            };
            if (symbol == '\0' || n == Symbols)
            {
                return false;
            }
            symbols[n++] = symbol;
        }
        if (n != Symbols)
        {
            return false;
        }
        code = Group(symbols);
        return true;
    }

    public static bool IsValid(string? text) => TryParse(text, out _);

    private static string Group(char[] symbols) =>
        string.Join('-', symbols.Chunk(GroupLength).Select(g => new string(g)));
}
