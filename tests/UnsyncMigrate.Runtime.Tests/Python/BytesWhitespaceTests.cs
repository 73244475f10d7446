using UnsyncMigrate.Runtime.Python;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>
/// bytes methods know only ASCII whitespace (C's isspace), unlike str: results recorded from
/// CPython 3.13.
/// </summary>
public class BytesWhitespaceTests
{
    [Theory]
    [InlineData("00ff", "b'\\x00\\xff'")]
    [InlineData(" 00 11 ", "b'\\x00\\x11'")]
    [InlineData("00\u000B", "b'\\x00'")]
    [InlineData("aB\u0009Cd\u000D\u000A", "b'\\xab\\xcd'")]
    [InlineData("\u001C00", "non-hexadecimal number found in fromhex() arg at position 0")]
    [InlineData("0 0", "non-hexadecimal number found in fromhex() arg at position 1")]  // whitespace only between pairs
    [InlineData("\u00A000", "non-hexadecimal number found in fromhex() arg at position 0")]
    [InlineData("00\u3000", "non-hexadecimal number found in fromhex() arg at position 2")]
    [InlineData("0", "non-hexadecimal number found in fromhex() arg at position 1")]
    [InlineData("000", "non-hexadecimal number found in fromhex() arg at position 3")]
    [InlineData("0g", "non-hexadecimal number found in fromhex() arg at position 1")]
    [InlineData("\u00E90", "non-hexadecimal number found in fromhex() arg at position 0")]
    [InlineData("00 0", "non-hexadecimal number found in fromhex() arg at position 4")]
    [InlineData("\uD83D\uDE00", "non-hexadecimal number found in fromhex() arg at position 0")]
    public void FromHex_Text_GivesCPython313Result(string text, string expected)
    {
        string actual;
        try
        {
            actual = Py.Repr(PyBytes.FromHex(text));
        }
        catch (ValueError e)
        {
            actual = e.Message;
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void SplitAndStrip_NonAsciiOrSeparatorControls_AreNotWhitespace()
    {
        Assert.Equal("[b'a\\x1cb\\x85c\\xa0d', b'e']", Py.Repr(Py.CallMethod(Latin1("a\u001Cb\u0085c\u00A0d e\v"), "split")));
        Assert.Equal("b'\\x1c a \\x1c'", Py.Repr(Py.CallMethod(Latin1("\u001C a \u001C"), "strip")));
        Assert.Equal("b'a'", Py.Repr(Py.CallMethod(Latin1(" \t a \f"), "strip")));
    }

    static PyBytes Latin1(string s) => PyBytes.FromAscii(s);
}
