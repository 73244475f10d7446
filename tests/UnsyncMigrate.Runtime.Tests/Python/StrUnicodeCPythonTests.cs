using System.Globalization;
using System.Text;
using UnsyncMigrate.Runtime.Python;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>
/// Every code point (surrogates aside: CPython cannot print them) through the str methods that
/// depend on case or character classes, in CPython 3.13 and in the runtime, compared. CPython
/// prints one line per run of consecutive code points that give the same answers; the runtime
/// works out the same line for each code point of the run.
/// </summary>
public class StrUnicodeCPythonTests
{
    // One answer line for chr(c): a bit set of predicates, then upper, lower, casefold, title,
    // capitalize, swapcase (empty when unchanged, the hex difference when one code point, else
    // the code points), then int() and float() of c + "7" + c ("E" when they raise). The bits in
    // context probe the Cased and Case_Ignorable properties through title() and the final-sigma
    // rule, and whitespace and line boundaries through split, rsplit, strip and splitlines.
    const string Script = """
        import sys

        def m(ch, r):
            if r == ch:
                return ""
            if len(r) == 1:
                return "%x" % (ord(r) - ord(ch))
            return ".".join("%x" % ord(x) for x in r)

        def num(f, t):
            try:
                return repr(f(t))
            except ValueError:
                return "E"

        def key(c):
            ch = chr(c)
            bits = (ch.isalpha(), ch.isalnum(), ch.isdecimal(), ch.isdigit(), ch.isnumeric(),
                    ch.isspace(), ch.isprintable(), ch.isidentifier(), ("a" + ch).isidentifier(),
                    ch.isupper(), ch.islower(), ch.istitle(), ("A" + ch).isupper(),
                    ("a" + ch).islower(), ("A" + ch).istitle(), (ch + "a").title()[-1] == "a",
                    (" " + ch + "\u03a3").lower()[-1] == "\u03c2",
                    ("a" + ch + "\u03a3").lower()[-1] == "\u03c2",
                    ("a\u03a3" + ch).lower()[1] == "\u03c2",
                    ("a\u03a3" + ch + "a").lower()[1] == "\u03c2",
                    len(("a" + ch + "b").splitlines()) == 2, len(("a" + ch + "b").split()) == 2,
                    len(("a" + ch + "b").rsplit()) == 2, (ch + "a" + ch).strip() == "a",
                    repr(ch) == "'" + ch + "'")
            n = sum(1 << i for i, b in enumerate(bits) if b)
            t = ch + "7" + ch
            return "%x|%s|%s|%s|%s|%s|%s|%s|%s" % (
                n, m(ch, ch.upper()), m(ch, ch.lower()), m(ch, ch.casefold()), m(ch, ch.title()),
                m(ch, ch.capitalize()), m(ch, ch.swapcase()), num(int, t), num(float, t))

        w = sys.stdout.write
        for lo, hi in ((0, 0xD800), (0xE000, 0x110000)):
            start, prev = lo, key(lo)
            for c in range(lo + 1, hi):
                k = key(c)
                if k != prev:
                    w("%x %x %s\n" % (start, c - 1, prev))
                    start, prev = c, k
            w("%x %x %s\n" % (start, hi - 1, prev))
        """;

    const string Sigma = "\u03A3", FinalSigma = "\u03C2";

    static string Key(int c)
    {
        string ch = PyStr.FromCodePoint(c);
        bool[] bits =
        [
            Py.StrIsAlpha(ch), Py.StrIsAlnum(ch), Py.StrIsDecimal(ch), Py.StrIsDigit(ch), Py.StrIsNumeric(ch),
            Py.StrIsSpace(ch), Py.StrIsPrintable(ch), Py.StrIsIdentifier(ch), Py.StrIsIdentifier("a" + ch),
            Py.StrIsUpper(ch), Py.StrIsLower(ch), Py.StrIsTitle(ch), Py.StrIsUpper("A" + ch),
            Py.StrIsLower("a" + ch), Py.StrIsTitle("A" + ch), Py.StrTitle(ch + "a").EndsWith('a'),
            Py.StrLower(" " + ch + Sigma).EndsWith(FinalSigma, StringComparison.Ordinal),
            Py.StrLower("a" + ch + Sigma).EndsWith(FinalSigma, StringComparison.Ordinal),
            Py.StrLower("a" + Sigma + ch)[1..].StartsWith(FinalSigma, StringComparison.Ordinal),
            Py.StrLower("a" + Sigma + ch + "a")[1..].StartsWith(FinalSigma, StringComparison.Ordinal),
            Py.StrSplitLines("a" + ch + "b").Count == 2, Py.StrSplit("a" + ch + "b").Count == 2,
            Py.StrRSplit("a" + ch + "b").Count == 2, Py.StrStrip(ch + "a" + ch) == "a",
            Py.Repr(ch) == "'" + ch + "'",
        ];
        int n = 0;
        for (int b = 0; b < bits.Length; b++) if (bits[b]) n |= 1 << b;
        string t = ch + "7" + ch;
        // int() accepts a subset of what float() does here (digits and whitespace), so a float
        // failure stands for both and spares a million exceptions; CPython's int is still compared.
        string asFloat = PyFloat.Parse(t) is { } d ? Py.Repr(d) : "E";
        string asInt = asFloat == "E" ? "E" : IntOutcome(t);
        return $"{n:x}|{M(ch, Py.StrUpper(ch))}|{M(ch, Py.StrLower(ch))}|{M(ch, Py.StrCasefold(ch))}|{M(ch, Py.StrTitle(ch))}|" +
               $"{M(ch, Py.StrCapitalize(ch))}|{M(ch, Py.StrSwapcase(ch))}|{asInt}|{asFloat}";
    }

    static string IntOutcome(string t)
    {
        try
        {
            return Py.Repr(Py.Int(t));
        }
        catch (ValueError)
        {
            return "E";
        }
    }

    static string M(string ch, string r)
    {
        if (r == ch) return "";
        var cps = PyStr.CodePoints(r);
        if (cps.Length == 1)
        {
            int delta = cps[0] - PyStr.CodePoints(ch)[0];
            return delta < 0 ? "-" + (-delta).ToString("x", CultureInfo.InvariantCulture) : delta.ToString("x", CultureInfo.InvariantCulture);
        }
        return string.Join('.', cps.Select(cp => cp.ToString("x", CultureInfo.InvariantCulture)));
    }

    [RequiresFact(Requirement.Python313)]
    public async Task StrMethods_EveryCodePoint_MatchCPython313()
    {
        // CPython and the runtime work side by side; the runtime keeps a hash of each answer line
        // and works the line out again only to report a difference.
        var python = Task.Run(() => Python313.TryFind()!.Run(["-c", Script]));
        var hashes = new int[0x110000];
        for (int c = 0; c < hashes.Length; c++)
            if (c is < 0xD800 or > 0xDFFF) hashes[c] = Key(c).GetHashCode();
        var (code, stdout, stderr) = await python;
        Assert.True(code == 0, stderr);
        var mismatches = new List<string>();
        int next = 0, count = 0;
        foreach (var line in Encoding.ASCII.GetString(stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ', 3);
            int first = int.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            int last = int.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            Assert.Equal(next == 0xD800 ? 0xE000 : next, first);
            int expected = parts[2].GetHashCode();
            for (int c = first; c <= last; c++)
            {
                if (hashes[c] != expected && mismatches.Count < 30) mismatches.Add($"U+{c:X4}: CPython {parts[2]}, runtime {Key(c)}");
                count++;
            }
            next = last + 1;
        }
        Assert.Equal(0x110000, next);
        Assert.Equal(0x110000 - 0x800, count);
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }
}
