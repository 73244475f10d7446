using UnsyncMigrate.Runtime.Python;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>
/// The str predicates (isalpha ... isidentifier), whitespace and line boundaries on hand-picked
/// cases, each with what CPython 3.13 gave (the ascii() of the result, recorded once), and repr's
/// idea of printable.
/// </summary>
public class StrCharClassTests
{
    [Theory]
    [InlineData("\u01C5", "istitle", "True")]
    [InlineData("\u01C5", "isupper", "False")]
    [InlineData("\u01C5", "islower", "False")]
    [InlineData("\uD801\uDC00", "isupper", "True")]
    [InlineData("\uD801\uDC28", "islower", "True")]
    [InlineData("\u00B2", "isdigit", "True")]
    [InlineData("\u00B2", "isdecimal", "False")]
    [InlineData("\u00B2", "isnumeric", "True")]
    [InlineData("\u00BD", "isdigit", "False")]
    [InlineData("\u00BD", "isdecimal", "False")]
    [InlineData("\u00BD", "isnumeric", "True")]
    [InlineData("\u0663", "isdigit", "True")]
    [InlineData("\u0663", "isdecimal", "True")]
    [InlineData("\u0663", "isnumeric", "True")]
    [InlineData("\u216B", "isnumeric", "True")]
    [InlineData("\u216B", "isalnum", "True")]
    [InlineData("\uD835\uDFD9", "isdecimal", "True")]  // non-BMP decimal digit
    [InlineData("\u001C", "isspace", "True")]
    [InlineData("\u200B", "isspace", "False")]
    [InlineData("\u0085\u3000", "isspace", "True")]
    [InlineData("\u001Ca\u0085b\u3000c \u3000", "split", "['a', 'b', 'c']")]
    [InlineData("\u001Ca\u0085b\u3000c \u3000", "rsplit", "['a', 'b', 'c']")]
    [InlineData("\u001Ca\u0085b\u3000c \u3000", "strip", "'a\\x85b\\u3000c'")]
    [InlineData("a\u000Ab\u000Dc\u000D\u000Ad\u000Be\u000Cf\u001Cg\u001Dh\u001Ei\u0085j\u2028k\u2029l\u001Fm", "splitlines", "['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l\\x1fm']")]  // every line boundary; \x1f is not one
    [InlineData("\u24B6\u24D1", "isupper", "False")]  // the Uppercase property, not category Lu
    [InlineData("\u02B0", "islower", "True")]  // modifier letter with Other_Lowercase
    [InlineData("\u02B0a", "istitle", "False")]
    [InlineData("A\u01C5B", "isupper", "False")]
    [InlineData("\u01C4\u01C6", "istitle", "True")]
    [InlineData("\u01C5a \u01C4", "istitle", "True")]
    [InlineData("\u2118x", "isidentifier", "True")]  // Other_ID_Start
    [InlineData("x\u00B7", "isidentifier", "True")]
    [InlineData("\u2160x", "isidentifier", "True")]
    [InlineData("1x", "isidentifier", "False")]
    [InlineData("_\uD835\uDFCE", "isidentifier", "True")]
    [InlineData("\u00AD", "isprintable", "False")]
    [InlineData("\uD83D\uDE00", "isprintable", "True")]
    [InlineData("\uDB40\uDC01", "isprintable", "False")]
    [InlineData("", "isprintable", "True")]
    [InlineData("\u1C89", "isprintable", "False")]
    [InlineData("\u1C89", "isalpha", "False")]
    [InlineData("\uD803\uDD50", "isupper", "False")]
    public void StrMethod_HandPickedCase_GivesCPython313Result(string input, string method, string expected) =>
        Assert.Equal(expected, Py.Ascii(Py.CallMethod(input, method)));

    [Fact]
    public void IsUpperIsLower_AsciiText_SameAsThroughTheCharacterTable()
    {
        // ASCII strings take a shortcut; U+3000 (uncased) sends the same text through the table.
        for (char a = '\0'; a < 0x80; a++)
            for (char b = '\0'; b < 0x80; b++)
            {
                string s = new([a, b]);
                Assert.Equal(Py.StrIsUpper(s + "\u3000"), Py.StrIsUpper(s));
                Assert.Equal(Py.StrIsLower(s + "\u3000"), Py.StrIsLower(s));
            }
    }

    [Fact]
    public void Repr_CharacterAssignedAfterUnicode15_1_IsEscaped()
    {
        // U+1C89 CYRILLIC CAPITAL LETTER TJE is new in Unicode 16, which .NET may already know.
        Assert.Equal("'\\u1c89'", Py.Repr("\u1C89"));
        Assert.Equal("'\\x85\\xa0\\xad'", Py.Repr("\u0085\u00A0\u00AD"));
    }
}
