using UnsyncMigrate.Runtime.Python;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>
/// int() and float() of a str read decimal digits of any script and Unicode whitespace as CPython
/// 3.13 does, and strip only C's whitespace; bytes take neither.
/// </summary>
public class NumberTextTests
{
    [Theory]
    [InlineData("\u001C12", "!ValueError", "!ValueError")]  // \x1c is whitespace, but the number parsers strip only C's
    [InlineData("12\u001F", "!ValueError", "!ValueError")]
    [InlineData(" 12 ", "12", "12.0")]
    [InlineData("12\u000B", "12", "12.0")]
    [InlineData("\u008512", "12", "12.0")]
    [InlineData("\u300012\u3000", "12", "12.0")]
    [InlineData("\u00A012", "12", "12.0")]
    [InlineData("1\u30002", "!ValueError", "!ValueError")]
    [InlineData("\u0661\u0662", "12", "12.0")]  // Arabic-Indic digits
    [InlineData("\u0661_\u0662", "12", "12.0")]
    [InlineData("-\u0969\u0966", "-30", "-30.0")]
    [InlineData("\uD835\uDFCE1", "1", "1.0")]  // a non-BMP decimal digit
    [InlineData("\u00B2", "!ValueError", "!ValueError")]  // a digit, not a decimal
    [InlineData("\u0085 1.5e3\u2028", "!ValueError", "1500.0")]
    [InlineData("\u0661.\u0665", "!ValueError", "1.5")]
    [InlineData("\u0130nf", "!ValueError", "!ValueError")]  // no case folding of non-ASCII letters
    [InlineData("12\u007F", "!ValueError", "!ValueError")]
    public void IntAndFloat_UnicodeDigitsAndWhitespace_ParseAsCPython313(string text, string intResult, string floatResult)
    {
        Assert.Equal(intResult, Outcome(() => Py.Int(text)));
        Assert.Equal(floatResult, Outcome(() => Py.Float(text)));
    }

    static string Outcome(Func<object?> f)
    {
        try
        {
            return Py.Ascii(f());
        }
        catch (ValueError)
        {
            return "!ValueError";
        }
    }

    [Fact]
    public void Int_BytesWithNonAsciiSpace_RaisesWithTheBytesRepr()
    {
        var e = Assert.Throws<ValueError>(() => Py.Int(new PyBytes([0xA0, (byte)'1', (byte)'2'])));
        Assert.Equal("invalid literal for int() with base 10: b'\\xa012'", e.Message);
        Assert.Equal(12L, Py.Int(new PyBytes(" 12 "u8.ToArray())));
    }
}
