using System.Text;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Python.Lexing;
using UnsyncMigrate.Python.Text;

namespace UnsyncMigrate.Python.Parsing;

/// <summary>
/// Turns the body of a string literal (between its quotes, UTF-8) into its value, with
/// Python's escape sequences. Text comes back as a <see cref="string"/>, or as a
/// <see cref="PyCodePointString"/> when an escape produced a surrogate code point (which
/// a UTF-16 string could not keep distinct); bytes come back as <c>byte[]</c>.
/// </summary>
internal static class StringDecoder
{
    public static object DecodeText(ReadOnlySpan<byte> body, bool raw, bool fstringMiddle, Token at)
    {
        bool plain = raw ? !fstringMiddle || (body.IndexOf((byte)'{') < 0 && body.IndexOf((byte)'}') < 0)
                         : body.IndexOf((byte)'\\') < 0 && (!fstringMiddle || (body.IndexOf((byte)'{') < 0 && body.IndexOf((byte)'}') < 0));
        if (plain) return Encoding.UTF8.GetString(body);

        var cps = new List<int>(body.Length);
        bool surrogate = false;
        int i = 0;
        while (i < body.Length)
        {
            byte b = body[i];
            if (fstringMiddle && (b == '{' || b == '}') && i + 1 < body.Length && body[i + 1] == b)
            {
                cps.Add(b);
                i += 2;
                continue;
            }
            if (b != '\\' || raw)
            {
                if (b < 0x80) { cps.Add(b); i++; continue; }
                Rune.DecodeFromUtf8(body[i..], out var rune, out int size);
                cps.Add(rune.Value);
                i += size;
                continue;
            }
            // An escape.
            if (i + 1 >= body.Length) { cps.Add('\\'); i++; continue; }
            byte e = body[i + 1];
            int escStart = i;
            i += 2;
            switch ((char)e)
            {
                case '\n': break;
                case '\\': cps.Add('\\'); break;
                case '\'': cps.Add('\''); break;
                case '"': cps.Add('"'); break;
                case 'a': cps.Add(7); break;
                case 'b': cps.Add(8); break;
                case 'f': cps.Add(12); break;
                case 'n': cps.Add(10); break;
                case 'r': cps.Add(13); break;
                case 't': cps.Add(9); break;
                case 'v': cps.Add(11); break;
                case >= '0' and <= '7':
                    {
                        int v = e - '0';
                        for (int k = 0; k < 2 && i < body.Length && body[i] >= '0' && body[i] <= '7'; k++, i++)
                            v = v * 8 + (body[i] - '0');
                        cps.Add(v);
                        break;
                    }
                case 'x':
                case 'u':
                case 'U':
                    {
                        int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                        int v = 0;
                        for (int k = 0; k < digits; k++, i++)
                        {
                            if (i >= body.Length || !IsHex(body[i]))
                                throw EscapeError(at, $"(unicode error) 'unicodeescape' codec can't decode bytes in position {escStart}-{i - 1}: truncated \\{(char)e}{new string('X', digits)} escape");
                            v = v * 16 + HexValue(body[i]);
                        }
                        if (v > 0x10FFFF)
                            throw EscapeError(at, $"(unicode error) 'unicodeescape' codec can't decode bytes in position {escStart}-{i - 1}: illegal Unicode character");
                        if (v >= 0xD800 && v <= 0xDFFF) surrogate = true;
                        cps.Add(v);
                        break;
                    }
                case 'N':
                    {
                        int close = i < body.Length && body[i] == '{' ? body[i..].IndexOf((byte)'}') : -1;
                        if (close <= 1)
                            throw EscapeError(at, $"(unicode error) 'unicodeescape' codec can't decode bytes in position {escStart}-{escStart + 1}: malformed \\N character escape");
                        string name = Encoding.UTF8.GetString(body.Slice(i + 1, close - 1));
                        if (!UnicodeNames.TryLookup(name, out int cp))
                            throw EscapeError(at, $"(unicode error) 'unicodeescape' codec can't decode bytes in position {escStart}-{i + close}: unknown Unicode character name");
                        cps.Add(cp);
                        i += close + 1;
                        break;
                    }
                default:
                    // Unknown escapes keep their backslash (CPython only warns).
                    cps.Add('\\');
                    i--;
                    break;
            }
        }
        if (surrogate) return new PyCodePointString(cps.ToArray());
        var sb = new StringBuilder(cps.Count);
        foreach (int cp in cps)
        {
            if (cp < 0x10000) sb.Append((char)cp);
            else sb.Append(char.ConvertFromUtf32(cp));
        }
        return sb.ToString();
    }

    public static byte[] DecodeBytes(ReadOnlySpan<byte> body, bool raw, Token at)
    {
        if (raw || body.IndexOf((byte)'\\') < 0) return body.ToArray();
        var result = new List<byte>(body.Length);
        int i = 0;
        while (i < body.Length)
        {
            byte b = body[i];
            if (b != '\\' || i + 1 >= body.Length) { result.Add(b); i++; continue; }
            byte e = body[i + 1];
            int escStart = i;
            i += 2;
            switch ((char)e)
            {
                case '\n': break;
                case '\\': result.Add((byte)'\\'); break;
                case '\'': result.Add((byte)'\''); break;
                case '"': result.Add((byte)'"'); break;
                case 'a': result.Add(7); break;
                case 'b': result.Add(8); break;
                case 'f': result.Add(12); break;
                case 'n': result.Add(10); break;
                case 'r': result.Add(13); break;
                case 't': result.Add(9); break;
                case 'v': result.Add(11); break;
                case >= '0' and <= '7':
                    {
                        int v = e - '0';
                        for (int k = 0; k < 2 && i < body.Length && body[i] >= '0' && body[i] <= '7'; k++, i++)
                            v = v * 8 + (body[i] - '0');
                        result.Add((byte)(v & 0xFF));
                        break;
                    }
                case 'x':
                    {
                        if (i + 1 < body.Length && IsHex(body[i]) && IsHex(body[i + 1]))
                        {
                            result.Add((byte)(HexValue(body[i]) * 16 + HexValue(body[i + 1])));
                            i += 2;
                        }
                        else throw EscapeError(at, $"(value error) invalid \\x escape at position {escStart}");
                        break;
                    }
                default:
                    result.Add((byte)'\\');
                    i--;
                    break;
            }
        }
        return result.ToArray();
    }

    static PythonSyntaxException EscapeError(Token at, string message) =>
        new("SyntaxError", message, at.Line, at.Col + 1, at.EndLine, at.EndCol + 1);

    static bool IsHex(byte b) => (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'f');

    static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
