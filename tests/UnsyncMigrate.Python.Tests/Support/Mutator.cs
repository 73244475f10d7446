using System.Text;
using System.Text.RegularExpressions;

namespace UnsyncMigrate.Python.Tests.Support;

/// <summary>
/// Seeded random mutations of source bytes: delete, duplicate or swap characters and
/// tokens, insert brackets, quotes, backslashes, indentation, NULs, line ends and invalid
/// UTF-8, truncate. The same seed always gives the same mutant.
/// </summary>
public static partial class Mutator
{
    static readonly byte[][] Inserts =
    [
        "("u8.ToArray(), ")"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(),
        "'"u8.ToArray(), "\""u8.ToArray(), "'''"u8.ToArray(), "\"\"\""u8.ToArray(), "\\"u8.ToArray(), "\\\n"u8.ToArray(),
        "\n"u8.ToArray(), "\r"u8.ToArray(), "\r\n"u8.ToArray(), "\t"u8.ToArray(), "    "u8.ToArray(), "\f"u8.ToArray(),
        [0], [0xff], [0xc3], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], "\u00e9"u8.ToArray(),
        "\U0001F600"u8.ToArray(), "\u2028"u8.ToArray(), "\u00a0"u8.ToArray(),
        "f'{"u8.ToArray(), "f\"{x!r:{"u8.ToArray(), "rb'"u8.ToArray(), "\\N{"u8.ToArray(), "\\x"u8.ToArray(), "\\u12"u8.ToArray(),
        ":"u8.ToArray(), "="u8.ToArray(), ":="u8.ToArray(), ","u8.ToArray(), "."u8.ToArray(), "..."u8.ToArray(), "@"u8.ToArray(),
        "*"u8.ToArray(), "**"u8.ToArray(), "->"u8.ToArray(), "#"u8.ToArray(), ";"u8.ToArray(), "!"u8.ToArray(), "$"u8.ToArray(),
        "lambda"u8.ToArray(), "match "u8.ToArray(), "case "u8.ToArray(), "type "u8.ToArray(), "async "u8.ToArray(),
        "await "u8.ToArray(), "yield "u8.ToArray(), "if "u8.ToArray(), " else "u8.ToArray(), "elif "u8.ToArray(),
        "def "u8.ToArray(), "class "u8.ToArray(), "try:"u8.ToArray(), "except* "u8.ToArray(), "not "u8.ToArray(),
        "0x"u8.ToArray(), "1_"u8.ToArray(), "1e"u8.ToArray(), "0o8"u8.ToArray(), "1j"u8.ToArray(), ".5"u8.ToArray(),
        "# coding: latin-1\n"u8.ToArray(), [0xef, 0xbb, 0xbf],
    ];

    [GeneratedRegex(@"[A-Za-z_][A-Za-z_0-9]*|\d[\w.]*|'[^'\n]*'|""[^""\n]*""|\S")]
    private static partial Regex TokenRegex();

    public static byte[] Mutate(byte[] source, int seed, out string description)
    {
        var rnd = new Random(seed);
        var data = new List<byte>(source);
        var what = new StringBuilder();
        int count = 1 + rnd.Next(3);
        for (int k = 0; k < count; k++)
        {
            int op = rnd.Next(12);
            int n = data.Count;
            int at = n == 0 ? 0 : rnd.Next(n + 1);
            switch (op)
            {
                case 0: // delete a few bytes
                {
                    int len = Math.Min(n - at, 1 + rnd.Next(8));
                    data.RemoveRange(at, len);
                    what.Append($"del {at}+{len}; ");
                    break;
                }
                case 1: // duplicate a range
                {
                    int len = Math.Min(n - at, 1 + rnd.Next(40));
                    data.InsertRange(at, data.GetRange(at, len));
                    what.Append($"dup {at}+{len}; ");
                    break;
                }
                case 2: // swap two bytes
                {
                    if (n < 2) break;
                    int a = rnd.Next(n), b = rnd.Next(n);
                    (data[a], data[b]) = (data[b], data[a]);
                    what.Append($"swap {a},{b}; ");
                    break;
                }
                case 3: case 4: case 5: // insert something nasty
                {
                    var ins = Inserts[rnd.Next(Inserts.Length)];
                    int times = rnd.Next(10) == 0 ? 1 + rnd.Next(300) : 1;
                    for (int t = 0; t < times; t++) data.InsertRange(at, ins);
                    what.Append($"ins {at} {Convert.ToHexString(ins)}x{times}; ");
                    break;
                }
                case 6: // truncate
                {
                    data.RemoveRange(at, n - at);
                    what.Append($"trunc {at}; ");
                    break;
                }
                case 7: case 8: case 9: // token-level: delete, duplicate or swap tokens
                {
                    string text = Encoding.Latin1.GetString(data.ToArray()); // byte-preserving
                    var toks = TokenRegex().Matches(text);
                    if (toks.Count < 2) break;
                    var t1 = toks[rnd.Next(toks.Count)];
                    var t2 = toks[rnd.Next(toks.Count)];
                    string result = op switch
                    {
                        7 => text.Remove(t1.Index, t1.Length),
                        8 => text.Insert(t1.Index, t1.Value + (rnd.Next(2) == 0 ? " " : "")),
                        _ => SwapTokens(text, t1, t2),
                    };
                    data = new List<byte>(Encoding.Latin1.GetBytes(result));
                    what.Append($"tok{op} {t1.Index},{t2.Index}; ");
                    break;
                }
                case 10: // change the indentation of a line
                {
                    int lineStart = at;
                    while (lineStart > 0 && data[lineStart - 1] != '\n') lineStart--;
                    int r = rnd.Next(4);
                    if (r == 0) data.InsertRange(lineStart, " "u8.ToArray());
                    else if (r == 1) data.InsertRange(lineStart, "\t"u8.ToArray());
                    else if (r == 2) data.InsertRange(lineStart, "        "u8.ToArray());
                    else if (lineStart < data.Count && (data[lineStart] == ' ' || data[lineStart] == '\t')) data.RemoveAt(lineStart);
                    what.Append($"indent {lineStart} {r}; ");
                    break;
                }
                default: // replace a byte with a random one
                {
                    if (n == 0) break;
                    int i = rnd.Next(n);
                    data[i] = (byte)rnd.Next(256);
                    what.Append($"byte {i}={data[i]:x2}; ");
                    break;
                }
            }
        }
        description = what.ToString();
        return data.ToArray();
    }

    static string SwapTokens(string text, Match a, Match b)
    {
        if (a.Index == b.Index) return text;
        if (a.Index > b.Index) (a, b) = (b, a);
        if (a.Index + a.Length > b.Index) return text;
        return new StringBuilder(text.Length)
            .Append(text, 0, a.Index).Append(b.Value)
            .Append(text, a.Index + a.Length, b.Index - a.Index - a.Length).Append(a.Value)
            .Append(text, b.Index + b.Length, text.Length - b.Index - b.Length).ToString();
    }
}
