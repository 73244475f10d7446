using System.Text;
using UnsyncMigrate.Runtime.Python;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>
/// str.upper, lower, casefold, title, capitalize and swapcase on hand-picked cases (issue 12), each
/// with what CPython 3.13 gave (the ascii() of the result, recorded once), called the way generated
/// code calls them (the dynamic path runs the typed entry points).
/// </summary>
public class StrCaseMappingTests
{
    [Theory]
    [InlineData("stra\u00DFe", "upper", "'STRASSE'")]  // German sharp s upper cases to two letters
    [InlineData("\u03A3\u0391\u03A3 \u039F\u0394\u039F\u03A3", "lower", "'\\u03c3\\u03b1\\u03c2 \\u03bf\\u03b4\\u03bf\\u03c2'")]  // final sigma at each word end
    [InlineData("\u038C\u03A3\u039F\u03A3", "lower", "'\\u03cc\\u03c3\\u03bf\\u03c2'")]  // final sigma after a cased letter
    [InlineData("a\u03A3b", "lower", "'a\\u03c3b'")]  // sigma inside a word
    [InlineData("\u03A3", "lower", "'\\u03c3'")]  // a lone sigma is not final
    [InlineData("a'\u03A3", "lower", "\"a'\\u03c2\"")]  // apostrophe is case-ignorable before sigma
    [InlineData("a\u03A3'b", "lower", "\"a\\u03c3'b\"")]  // apostrophe is case-ignorable after sigma
    [InlineData("a\uD834\uDD67\u03A3", "lower", "'a\\U0001d167\\u03c2'")]  // a non-BMP nonspacing mark is case-ignorable
    [InlineData("\uD801\uDC28\u03A3", "lower", "'\\U00010428\\u03c2'")]  // non-BMP cased letter before sigma
    [InlineData("\u01C5", "title", "'\\u01c5'")]
    [InlineData("\u01C5", "upper", "'\\u01c4'")]
    [InlineData("\u01C5", "lower", "'\\u01c6'")]
    [InlineData("\u01C5", "swapcase", "'\\u01c5'")]  // title case is neither upper nor lower
    [InlineData("\u0130", "lower", "'i\\u0307'")]  // dotted capital I lowers to two code points
    [InlineData("\uFB01", "upper", "'FI'")]
    [InlineData("\u0149", "upper", "'\\u02bcN'")]
    [InlineData("\u00DF", "casefold", "'ss'")]
    [InlineData("\uFB03", "casefold", "'ffi'")]
    [InlineData("\uFB03", "title", "'Ffi'")]
    [InlineData("they're bill's", "title", "\"They'Re Bill'S\"")]
    [InlineData("\u01C6emal", "title", "'\\u01c5emal'")]
    [InlineData("\u01C6", "capitalize", "'\\u01c5'")]  // capitalize uses title case
    [InlineData("\uFB01x", "capitalize", "'Fix'")]
    [InlineData("\u03A3\u0391\u03A3", "swapcase", "'\\u03c3\\u03b1\\u03c2'")]  // swapcase lowers sigma with the final rule
    [InlineData("a\u03A3", "swapcase", "'A\\u03c2'")]
    [InlineData("\uD801\uDC28", "upper", "'\\U00010400'")]  // Deseret
    [InlineData("\uD801\uDC00\uD801\uDC28 \uD801\uDC28\uD801\uDC28", "title", "'\\U00010400\\U00010428 \\U00010400\\U00010428'")]
    [InlineData("\uD801\uDC00\uD801\uDC28", "swapcase", "'\\U00010428\\U00010400'")]
    [InlineData("\uD801\uDC28\uD801\uDC28", "capitalize", "'\\U00010400\\U00010428'")]
    [InlineData("\u1FB3", "upper", "'\\u0391\\u0399'")]
    [InlineData("\u1FB3", "title", "'\\u1fbc'")]
    [InlineData("\u1FBC", "swapcase", "'\\u1fbc'")]
    [InlineData("\u01F0", "upper", "'J\\u030c'")]
    [InlineData("\u0390", "upper", "'\\u0399\\u0308\\u0301'")]
    [InlineData("\u017F", "casefold", "'s'")]
    [InlineData("\u24D1", "upper", "'\\u24b7'")]
    [InlineData("\u1C89", "lower", "'\\u1c89'")]  // unassigned in Unicode 15.1 (added in 16.0)
    [InlineData("\uD83A\uDD00", "lower", "'\\U0001e922'")]  // Adlam
    [InlineData("\uD83A\uDD22", "upper", "'\\U0001e900'")]
    public void StrCaseMethod_HandPickedCase_GivesCPython313Result(string input, string method, string expected) =>
        Assert.Equal(expected, Py.Ascii(Py.CallMethod(input, method)));

    [Fact]
    public void CaseMapping_AsciiText_SameAsThroughTheCharacterTable()
    {
        // ASCII strings skip the table; U+3000 (uncased, unchanged) sends the same text through it.
        var sb = new StringBuilder("they're bill's ab1C_d e'f");
        for (char c = '\0'; c < 0x80; c++) sb.Append(c).Append('a').Append(c).Append(' ');
        string ascii = sb.ToString();
        foreach (var f in new Func<string, string>[] { Py.StrUpper, Py.StrLower, Py.StrCasefold, Py.StrTitle, Py.StrCapitalize, Py.StrSwapcase })
            Assert.Equal(f(ascii) + "\u3000", f(ascii + "\u3000"));
    }
}
