using System.Diagnostics;
using System.Text;
using UnsyncMigrate.Python.Text;
using Xunit.Abstractions;

namespace UnsyncMigrate.Python.Tests.Text;

public class UnicodeNamesTests(ITestOutputHelper output)
{
    /// Expectations from CPython 3.13: ord(eval('"\\N{%s}"' % name)), -1 where it is a SyntaxError
    /// ("unknown Unicode character name").
    [Theory]
    [InlineData("LATIN SMALL LETTER A", 0x61)]
    [InlineData("latin small letter a", 0x61)]
    [InlineData("Latin Small Letter A", 0x61)]
    [InlineData("LATIN CAPITAL LETTER A WITH MACRON", 0x100)]
    [InlineData("DIGIT ZERO", 0x30)]
    [InlineData("SPACE", 0x20)]
    [InlineData("EURO SIGN", 0x20AC)]
    [InlineData("GRINNING FACE", 0x1F600)]
    [InlineData("grinning face", 0x1F600)]
    [InlineData("FACE WITH TEARS OF JOY", 0x1F602)]
    [InlineData("SNAKE", 0x1F40D)]
    [InlineData("PILE OF POO", 0x1F4A9)]
    [InlineData("GREEK SMALL LETTER ALPHA", 0x3B1)]
    [InlineData("CYRILLIC CAPITAL LETTER ZHE", 0x416)]
    [InlineData("HEBREW LETTER ALEF", 0x5D0)]
    [InlineData("ARABIC LETTER ALEF", 0x627)]
    [InlineData("DEVANAGARI LETTER KA", 0x915)]
    [InlineData("HIRAGANA LETTER A", 0x3042)]
    [InlineData("KATAKANA LETTER KA", 0x30AB)]
    [InlineData("BOX DRAWINGS LIGHT HORIZONTAL", 0x2500)]
    [InlineData("MUSICAL SYMBOL G CLEF", 0x1D11E)]
    [InlineData("MATHEMATICAL BOLD CAPITAL A", 0x1D400)]
    [InlineData("EGYPTIAN HIEROGLYPH A001", 0x13000)]
    [InlineData("CUNEIFORM SIGN A", 0x12000)]
    [InlineData("REPLACEMENT CHARACTER", 0xFFFD)]
    [InlineData("ZERO WIDTH SPACE", 0x200B)]
    [InlineData("NO-BREAK SPACE", 0xA0)]
    [InlineData("TIBETAN LETTER -A", 0xF60)]
    [InlineData("tibetan letter -a", 0xF60)]
    [InlineData("HANGUL JUNGSEONG O-E", 0x1180)]
    [InlineData("HANGUL JUNGSEONG OE", 0x116C)]
    [InlineData("TIBETAN MARK TSA -PHRU", 0xF39)]
    [InlineData("LINE FEED", 0xA)]
    [InlineData("line feed", 0xA)]
    [InlineData("NEW LINE", 0xA)]
    [InlineData("LF", 0xA)]
    [InlineData("BEL", 0x7)]
    [InlineData("ALERT", 0x7)]
    [InlineData("BELL", 0x1F514)]
    [InlineData("NULL", 0x0)]
    [InlineData("NUL", 0x0)]
    [InlineData("NBSP", 0xA0)]
    [InlineData("BYTE ORDER MARK", 0xFEFF)]
    [InlineData("BOM", 0xFEFF)]
    [InlineData("ZWNBSP", 0xFEFF)]
    [InlineData("ZWJ", 0x200D)]
    [InlineData("VS16", 0xFE0F)]
    [InlineData("VS256", 0xE01EF)]
    [InlineData("LATIN CAPITAL LETTER GHA", 0x1A2)]
    [InlineData("LATIN CAPITAL LETTER OI", 0x1A2)]
    [InlineData("WEIERSTRASS ELLIPTIC FUNCTION", 0x2118)]
    [InlineData("SCRIPT CAPITAL P", 0x2118)]
    [InlineData("PADDING CHARACTER", 0x80)]
    [InlineData("SINGLE-SHIFT-2", 0x8E)]
    [InlineData("PRIVATE USE-1", 0x91)]
    [InlineData("END OF LINE", 0xA)]
    [InlineData("CHARACTER TABULATION", 0x9)]
    [InlineData("KEYCAP DIGIT ONE", -1)]
    [InlineData("KEYCAP NUMBER SIGN", -1)]
    [InlineData("LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", -1)]
    [InlineData("CJK UNIFIED IDEOGRAPH-4E00", 0x4E00)]
    [InlineData("CJK UNIFIED IDEOGRAPH-9FFF", 0x9FFF)]
    [InlineData("CJK UNIFIED IDEOGRAPH-A000", -1)]
    [InlineData("CJK UNIFIED IDEOGRAPH-3400", 0x3400)]
    [InlineData("CJK UNIFIED IDEOGRAPH-4DBF", 0x4DBF)]
    [InlineData("CJK UNIFIED IDEOGRAPH-4DC0", -1)]
    [InlineData("CJK UNIFIED IDEOGRAPH-20000", 0x20000)]
    [InlineData("CJK UNIFIED IDEOGRAPH-2A6DF", 0x2A6DF)]
    [InlineData("CJK UNIFIED IDEOGRAPH-2A6E0", -1)]
    [InlineData("CJK UNIFIED IDEOGRAPH-2EBF0", 0x2EBF0)]
    [InlineData("CJK UNIFIED IDEOGRAPH-2EE5D", 0x2EE5D)]
    [InlineData("CJK UNIFIED IDEOGRAPH-2EE5E", -1)]
    [InlineData("CJK UNIFIED IDEOGRAPH-31350", 0x31350)]
    [InlineData("CJK UNIFIED IDEOGRAPH-323AF", 0x323AF)]
    [InlineData("CJK UNIFIED IDEOGRAPH-323B0", -1)]
    [InlineData("CJK UNIFIED IDEOGRAPH-04E00", 0x4E00)]
    [InlineData("CJK UNIFIED IDEOGRAPH-4e00", -1)]
    [InlineData("cjk unified ideograph-4E00", -1)]
    [InlineData("CJK UNIFIED IDEOGRAPH-4E0", -1)]
    [InlineData("CJK UNIFIED IDEOGRAPH-004E00", -1)]
    [InlineData("CJK UNIFIED IDEOGRAPH-", -1)]
    [InlineData("CJK COMPATIBILITY IDEOGRAPH-F900", 0xF900)]
    [InlineData("cjk compatibility ideograph-f900", 0xF900)]
    [InlineData("CJK COMPATIBILITY IDEOGRAPH-2FA1D", 0x2FA1D)]
    [InlineData("NUSHU CHARACTER-1B170", 0x1B170)]
    [InlineData("nushu character-1b170", 0x1B170)]
    [InlineData("KHITAN SMALL SCRIPT CHARACTER-18B00", 0x18B00)]
    [InlineData("TANGUT IDEOGRAPH-17000", -1)]
    [InlineData("TANGUT COMPONENT-001", 0x18800)]
    [InlineData("HANGUL SYLLABLE GA", 0xAC00)]
    [InlineData("HANGUL SYLLABLE GAG", 0xAC01)]
    [InlineData("HANGUL SYLLABLE A", 0xC544)]
    [InlineData("HANGUL SYLLABLE I", 0xC774)]
    [InlineData("HANGUL SYLLABLE HIH", 0xD7A3)]
    [InlineData("HANGUL SYLLABLE GGWAELH", 0xAF73)]
    [InlineData("HANGUL SYLLABLE PWILH", 0xD4DB)]
    [InlineData("HANGUL SYLLABLE ", -1)]
    [InlineData("HANGUL SYLLABLE G", -1)]
    [InlineData("HANGUL SYLLABLE GAX", -1)]
    [InlineData("hangul syllable GA", -1)]
    [InlineData("HANGUL SYLLABLE ga", -1)]
    [InlineData("Hangul Syllable GA", -1)]
    [InlineData("HANGUL SYLLABLE YEON", 0xC5F0)]
    [InlineData("HANGUL SYLLABLE SSANG", 0xC30D)]
    [InlineData("HANGUL SYLLABLE", -1)]
    [InlineData("HANGUL CHOSEONG KIYEOK", 0x1100)]
    [InlineData("HANGUL LETTER A", 0x314F)]
    [InlineData("LATIN SMALL LETTER A ", -1)]
    [InlineData(" LATIN SMALL LETTER A", -1)]
    [InlineData("LATIN  SMALL LETTER A", -1)]
    [InlineData("LATIN_SMALL_LETTER_A", -1)]
    [InlineData("LATIN SMALL LETTER", -1)]
    [InlineData("NOT A CHARACTER NAME", -1)]
    [InlineData("A", -1)]
    [InlineData("latin small letter \u00e9", -1)]
    [InlineData("LATIN SMALL LETTER DOTLESS \u0131", -1)]
    [InlineData("\u0131ATIN SMALL LETTER A", -1)]
    [InlineData("SQUARE ERA NAME REIWA", 0x32FF)]
    [InlineData("COMBINING GRAPHEME JOINER", 0x34F)]
    [InlineData("CGJ", 0x34F)]
    [InlineData("ARABIC LETTER MARK", 0x61C)]
    [InlineData("ALM", 0x61C)]
    [InlineData("HIGH OCTET PRESET", 0x81)]
    [InlineData("SHY", 0xAD)]
    [InlineData("MEDIUM MATHEMATICAL SPACE", 0x205F)]
    [InlineData("MMSP", 0x205F)]
    [InlineData("LEFT-TO-RIGHT MARK", 0x200E)]
    [InlineData("LRM", 0x200E)]
    [InlineData("WJ", 0x2060)]
    [InlineData("FVS4", 0x180F)]
    [InlineData("MVS", 0x180E)]
    [InlineData("PDF", 0x202C)]
    [InlineData("LEFTWARDS TRIANGLE-HEADED ARROW WITH DOUBLE VERTICAL STROKE", 0x2B7A)]
    [InlineData("YI SYLLABLE ITERATION MARK", 0xA015)]
    [InlineData("BYZANTINE MUSICAL SYMBOL FTHORA SKLIRON CHROMA VASIS", 0x1D0C5)]
    [InlineData("BYZANTINE MUSICAL SYMBOL FHTORA SKLIRON CHROMA VASIS", 0x1D0C5)]
    [InlineData("MICR ON US SYMBOL", 0x2448)]
    [InlineData("KANNADA LETTER LLLA", 0xCDE)]
    [InlineData("SYRIAC SUBLINEAR COLON SKEWED LEFT", 0x709)]
    [InlineData("LAO LETTER FO FON", 0xE9D)]
    [InlineData("LAO LETTER FO TAM", 0xE9D)]
    [InlineData("CUNEIFORM SIGN NU11 TENU", 0x122D4)]
    [InlineData("COPTIC SMALL LETTER ALEF", -1)]
    [InlineData("TULU-TIGALARI LETTER A", -1)]
    [InlineData("KAWI LETTER A", 0x11F04)]
    [InlineData("ARABIC SMALL LOW WORD SAKTA", 0x10EFD)]
    [InlineData("CJK STROKE T", 0x31C0)]
    [InlineData("IDEOGRAPHIC DESCRIPTION CHARACTER SUBTRACTION", 0x31EF)]
    [InlineData("ZNAMENNY NEUME KRYUK", 0x1CF50)]
    [InlineData("LATIN SMALL LETTER O WITH MIDDLE TILDE", -1)]
    [InlineData("KANGXI RADICAL ONE", 0x2F00)]
    [InlineData("HALFWIDTH KATAKANA LETTER A", 0xFF71)]
    [InlineData("FULLWIDTH LATIN CAPITAL LETTER A", 0xFF21)]
    [InlineData("SUPERSCRIPT TWO", 0xB2)]
    [InlineData("VULGAR FRACTION ONE HALF", 0xBD)]
    [InlineData("ROMAN NUMERAL ONE", 0x2160)]
    [InlineData("BLACK HEART SUIT", 0x2665)]
    [InlineData("REGIONAL INDICATOR SYMBOL LETTER U", 0x1F1FA)]
    [InlineData("EMOJI MODIFIER FITZPATRICK TYPE-1-2", 0x1F3FB)]
    [InlineData("VARIATION SELECTOR-16", 0xFE0F)]
    [InlineData("VARIATION SELECTOR-256", 0xE01EF)]
    [InlineData("TAG LATIN SMALL LETTER A", 0xE0061)]
    [InlineData("CANCEL TAG", 0xE007F)]
    [InlineData("LANGUAGE TAG", 0xE0001)]
    [InlineData("OBJECT REPLACEMENT CHARACTER", 0xFFFC)]
    [InlineData("MODIFIER LETTER APOSTROPHE", 0x2BC)]
    [InlineData("APOSTROPHE", 0x27)]
    [InlineData("QUOTATION MARK", 0x22)]
    [InlineData("REVERSE SOLIDUS", 0x5C)]
    [InlineData("RIGHT CURLY BRACKET", 0x7D)]
    [InlineData("DELETE", 0x7F)]
    [InlineData("DEL", 0x7F)]
    [InlineData("SP", 0x20)]
    [InlineData("ESC", 0x1B)]
    [InlineData("ESCAPE", 0x1B)]
    [InlineData("LATIN SMALL LIGATURE FFI", 0xFB03)]
    [InlineData("SIGN WRITING HAND-FIST INDEX", -1)]
    [InlineData("CIRCLED DIGIT ONE", 0x2460)]
    [InlineData("DINGBAT NEGATIVE CIRCLED DIGIT ONE", 0x2776)]
    [InlineData("NOT EQUAL TO", 0x2260)]
    [InlineData("INFINITY", 0x221E)]
    [InlineData("LATIN CAPITAL LETTER A WITH GRAVE", 0xC0)]
    [InlineData("latin capital letter a with grave", 0xC0)]
    public void LookupMatchesCPython(string name, int expected)
    {
        bool found = UnicodeNames.TryLookup(name, out int cp);
        Assert.Equal(expected >= 0, found);
        if (found)
            Assert.Equal(expected, cp);
        bool foundUtf8 = UnicodeNames.TryLookup(Encoding.UTF8.GetBytes(name), out int cp8);
        Assert.Equal(found, foundUtf8);
        Assert.Equal(cp, cp8);
    }

    [Fact]
    public void TableIsUnicode151WithAliases()
    {
        Assert.Equal("15.1.0", UnicodeNames.UnicodeVersion);
        // 34,828 character names (without the algorithmic CJK unified / Hangul ones) + 473 aliases.
        Assert.Equal(34828 + 473, UnicodeNames.Count);
    }

    [Fact]
    public void EveryHangulSyllableRoundTrips()
    {
        // Names built the Unicode way (L + V + T short names); CPython accepts all 11,172.
        string[] l = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
        string[] v = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"];
        string[] t = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"];
        for (int s = 0; s < 11172; s++)
        {
            string name = "HANGUL SYLLABLE " + l[s / 588] + v[s % 588 / 28] + t[s % 28];
            Assert.True(UnicodeNames.TryLookup(name, out int cp), name);
            Assert.Equal(0xAC00 + s, cp);
        }
    }

    [Fact]
    public void ConcurrentFirstUseIsSafe()
    {
        var results = new int[8];
        Parallel.For(0, 8, i => results[i] = UnicodeNames.TryLookup("SNAKE", out int cp) ? cp : -1);
        Assert.All(results, r => Assert.Equal(0x1F40D, r));
    }

    [Fact]
    public void LookupsAreFast()
    {
        UnicodeNames.TryLookup("A", out _);
        var sw = Stopwatch.StartNew();
        int hits = 0;
        for (int i = 0; i < 200_000; i++)
        {
            if (UnicodeNames.TryLookup((i & 1) == 0 ? "LATIN SMALL LETTER A WITH ACUTE" : "greek small letter alpha", out _))
                hits++;
        }
        sw.Stop();
        Assert.Equal(200_000, hits);
        output.WriteLine($"200k lookups: {sw.Elapsed.TotalMilliseconds:F1} ms");
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5));
    }
}
