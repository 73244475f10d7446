using System.Text;

namespace UnsyncMigrate.Runtime.Python;

// str.maketrans and str.translate: a table maps code points (ints) to a code point, a string,
// or None (delete); translate looks each character up with the table's __getitem__.
public static partial class Py
{
    /// <summary><c>str.maketrans(x)</c> (a dict), <c>str.maketrans(x, y)</c>, <c>str.maketrans(x, y, z)</c>.</summary>
    public static PyDict StrMakeTrans(object? x, object? y = null, object? z = null)
    {
        var table = new PyDict();
        if (y is null)
        {
            if (x is not PyDict mapping) throw new TypeError("if you give only one argument to maketrans it must be a dict");
            foreach (var key in mapping.Keys)
            {
                object ordinal = key switch
                {
                    string s when PyStr.Length(s) == 1 => (long)PyStr.CodePoints(s)[0],
                    string => throw new ValueError("string keys in translate table must be of length 1"),
                    _ when IsInt(key) => key!,
                    _ => throw new TypeError("keys in translate table must be strings or integers"),
                };
                table[ordinal] = mapping[key];
            }
            return table;
        }
        if (x is not string from) throw new TypeError("first maketrans argument must be a string if there is a second argument");
        if (y is not string to) throw new TypeError($"maketrans() argument 2 must be str, not {TypeName(y)}");
        var fromCps = PyStr.CodePoints(from);
        var toCps = PyStr.CodePoints(to);
        if (fromCps.Length != toCps.Length) throw new ValueError("the first two maketrans arguments must have equal length");
        for (int i = 0; i < fromCps.Length; i++) table[(long)fromCps[i]] = (long)toCps[i];
        if (z is not null)
        {
            if (z is not string deleted) throw new TypeError($"maketrans() argument 3 must be str, not {TypeName(z)}");
            foreach (int cp in PyStr.CodePoints(deleted)) table[(long)cp] = null;
        }
        return table;
    }

    /// <summary><c>s.translate(table)</c>: characters the table has no entry for (LookupError) stay.</summary>
    public static string StrTranslate(string s, object? table)
    {
        var sb = new StringBuilder(s.Length);
        foreach (int cp in PyStr.CodePoints(s))
        {
            object? mapped;
            try { mapped = GetItem(table, (long)cp); }
            catch (LookupError)
            {
                sb.Append(PyStr.FromCodePoint(cp));
                continue;
            }
            switch (mapped)
            {
                case null: break;
                case string text: sb.Append(text); break;
                case var n when IsInt(n):
                    {
                        long v = ToLong(n);
                        if (v < 0 || v >= 0x110000) throw new ValueError("character mapping must be in range(0x110000)");
                        sb.Append(PyStr.FromCodePoint(v));
                        break;
                    }
                default: throw new TypeError("character mapping must return integer, None or str");
            }
        }
        return sb.ToString();
    }
}
