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
}
