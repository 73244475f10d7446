using UnsyncMigrate.Runtime.Python;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>The character table generated from CPython 3.13 (gen_unicode_ctype.py) loads and agrees with the runtime's constants.</summary>
public class UnicodeCTypeTests
{
    [Fact]
    public void CharacterTable_Load_IsPython313sUnicode()
    {
        Assert.Equal("15.1.0", UnicodeCType.Instance.UnicodeVersion);
    }

    [Fact]
    public void WhitespaceChars_EveryCodePoint_AgreesWithTheCharacterTable()
    {
        var db = UnicodeCType.Instance;
        for (int cp = 0; cp <= 0x10FFFF; cp++)
            Assert.True(db.HasAny(cp, CharFlags.Space) == (cp < 0x10000 && Array.IndexOf(PyStr.WhitespaceChars, (char)cp) >= 0), $"U+{cp:X4}");
    }
}
