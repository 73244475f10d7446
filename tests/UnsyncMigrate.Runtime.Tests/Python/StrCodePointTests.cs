using UnsyncMigrate.Runtime.Python;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>str methods count and match code points, not UTF-16 chars (a Python str indexes code points).</summary>
public class StrCodePointTests
{
    [Fact]
    public void Strip_CharsSharingAHighSurrogate_StripsWholeCodePoints()
    {
        // U+10428 and U+10400 are both \uD801 + a low half.
        Assert.Equal("\uD801\uDC28x", Py.StrStrip("\uD801\uDC28x\uD801\uDC00", "\uD801\uDC00"));
        Assert.Equal("\uD801\uDC28x\uD801\uDC00", Py.StrLStrip("\uD801\uDC28x\uD801\uDC00", "\uD801\uDC00\uD801"));
        Assert.Equal("\uD801\uDC28x", Py.StrStrip("\uD801\uD801\uDC28x\uD801", "\uD801"));
    }

    [Theory]
    [InlineData("\uD83D\uDE00\tx", 8L, "\uD83D\uDE00       x")]
    [InlineData("\uD801\uDC28\uD801\uDC28\ty\n\uD83D\uDE00\t", 4L, "\uD801\uDC28\uD801\uDC28  y\n\uD83D\uDE00   ")]
    public void ExpandTabs_NonBmpText_CountsColumnsInCodePoints(string text, long tabsize, string expected) =>
        Assert.Equal(expected, Py.CallMethod(text, "expandtabs", [tabsize]));

    [Fact]
    public void ExpandTabs_LoneSurrogate_IsOneColumn()
    {
        // Not theory data: xunit's serialization turns a lone surrogate into U+FFFD.
        Assert.Equal("\uD801       x", Py.CallMethod("\uD801\tx", "expandtabs"));
    }
}
