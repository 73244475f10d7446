using System.Runtime.InteropServices;
using System.Text;
using UnsyncMigrate.Python.Text;

namespace UnsyncMigrate.Python.Tests.Text;

public class SourceDecoderTests
{
    public static TheoryData<string> CaseNames()
    {
        var d = new TheoryData<string>();
        foreach (var c in SourceDecoderCases.All)
            d.Add(c.Name);
        return d;
    }

    /// Every crafted file gets the oracle's verdict (SourceDecoderCases.g.cs, from CPython 3.13).
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MatchesCPython(string name)
    {
        var c = SourceDecoderCases.All.Single(x => x.Name == name);
        byte[] input = Convert.FromHexString(c.Hex);
        bool ok = SourceDecoder.TryDecode(input, out var utf8, out var error);
        if (c.Ok)
        {
            Assert.True(ok, error?.ToString());
            Assert.Null(error);
            Assert.Equal(Encoding.UTF8.GetBytes(c.TextOrMessage), utf8.ToArray());
        }
        else
        {
            Assert.False(ok);
            Assert.NotNull(error);
            Assert.Equal("DecodeError", error.Kind);
            Assert.Equal(c.TextOrMessage, error.Message);
            Assert.Equal(c.Line, error.Line);
            Assert.Equal(c.Column, error.Column);
        }
    }

    [Fact]
    public void Utf8WithoutBomReturnsTheInputItself()
    {
        byte[] input = "x = 'héllo'\n"u8.ToArray();
        Assert.True(SourceDecoder.TryDecode(input, out var utf8, out _));
        Assert.True(MemoryMarshal.TryGetArray(utf8, out var seg));
        Assert.Same(input, seg.Array);
        Assert.Equal(0, seg.Offset);
        Assert.Equal(input.Length, seg.Count);
    }

    [Fact]
    public void ShebangAndUtf8CookieStillNoCopy()
    {
        byte[] input = "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nx = 'é'\n"u8.ToArray();
        Assert.True(SourceDecoder.TryDecode(input, out var utf8, out _));
        Assert.True(MemoryMarshal.TryGetArray(utf8, out var seg));
        Assert.Same(input, seg.Array);
    }

    [Fact]
    public void BomIsSlicedOffWithoutCopy()
    {
        byte[] input = [0xEF, 0xBB, 0xBF, (byte)'x', (byte)'\n'];
        Assert.True(SourceDecoder.TryDecode(input, out var utf8, out _));
        Assert.True(MemoryMarshal.TryGetArray(utf8, out var seg));
        Assert.Same(input, seg.Array);
        Assert.Equal(3, seg.Offset);
        Assert.Equal("x\n", Encoding.UTF8.GetString(utf8.Span));
    }

    [Fact]
    public void AsciiOnlyLatin1FileIsNotCopied()
    {
        byte[] input = "# coding: latin-1\nx = 1\n"u8.ToArray();
        Assert.True(SourceDecoder.TryDecode(input, out var utf8, out _));
        Assert.True(MemoryMarshal.TryGetArray(utf8, out var seg));
        Assert.Same(input, seg.Array);
    }

    [Fact]
    public void SliceOfLargerBufferIsRespected()
    {
        var raw = new List<byte>();
        raw.AddRange("junk"u8.ToArray());
        raw.Add(0x80);
        raw.AddRange("# coding: cp1252\ns = '"u8.ToArray());
        raw.Add(0x80);
        raw.AddRange("'\njunk"u8.ToArray());
        byte[] buffer = raw.ToArray();
        var slice = new ReadOnlyMemory<byte>(buffer, 5, buffer.Length - 5 - 4);
        Assert.True(SourceDecoder.TryDecode(slice, out var utf8, out var error), error?.ToString());
        Assert.Equal("# coding: cp1252\ns = '€'\n", Encoding.UTF8.GetString(utf8.Span));
    }

    /// utf-7 and friends exist in CPython but are not implemented: a DecodeError that says so
    /// (CPython would decode these files).
    [Theory]
    [InlineData("utf-7")]
    [InlineData("unicode_escape")]
    [InlineData("raw-unicode-escape")]
    [InlineData("idna")]
    [InlineData("big5hkscs")]
    [InlineData("shift_jis_2004")]
    public void UnsupportedCodecsSaySo(string codec)
    {
        byte[] input = Encoding.ASCII.GetBytes($"# coding: {codec}\nx = 1\n");
        Assert.False(SourceDecoder.TryDecode(input, out _, out var error));
        Assert.Equal("DecodeError", error!.Kind);
        Assert.Contains("not supported", error.Message);
    }

    [Fact]
    public void LargeUtf8FileDecodesAndIsFast()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 20000; i++)
            sb.Append("def f").Append(i).Append("(x):\n    return 'é€𝄞' * x  # comment\n");
        byte[] input = Encoding.UTF8.GetBytes(sb.ToString());
        Assert.True(SourceDecoder.TryDecode(input, out var utf8, out _));
        Assert.Equal(input.Length, utf8.Length);
    }
}

public class PythonCodecsTests
{
    [Theory]
    [InlineData("utf-8", "utf_8")]
    [InlineData("UTF8", "utf_8")]
    [InlineData("utf", "utf_8")]
    [InlineData("cp65001", "utf_8")]
    [InlineData("--utf-8--", "utf_8")]
    [InlineData("latin-1", "latin_1")]
    [InlineData("iso-8859-1", "latin_1")]
    [InlineData("ISO8859-1", "latin_1")]
    [InlineData("l1", "latin_1")]
    [InlineData("iso8859.1", "latin_1")]
    [InlineData("us-ascii", "ascii")]
    [InlineData("646", "ascii")]
    [InlineData("ANSI_X3.4-1968", "ascii")]
    [InlineData("windows-1252", "cp1252")]
    [InlineData("cp1252", "cp1252")]
    [InlineData("koi8-r", "koi8_r")]
    [InlineData("iso-8859-15", "iso8859_15")]
    [InlineData("latin9", "iso8859_15")]
    [InlineData("IBM437", "cp437")]
    [InlineData("x-mac-japanese", "shift_jis")]
    [InlineData("sjis", "shift_jis")]
    [InlineData("eucjp", "euc_jp")]
    [InlineData("utf-8-sig", "utf_8_sig")]
    [InlineData("base64", "base64_codec")]
    [InlineData("tis620", "tis_620")]
    public void LooksUpLikeCodecsLookup(string name, string module)
    {
        Assert.Equal(module, PythonCodecs.Lookup(name)?.Module);
    }

    [Fact]
    public void BuiltInUtf8CodecsMatchTheRegistry()
    {
        foreach (var (name, builtIn) in new[] { ("utf-8", SourceDecoder.Utf8Codec), ("utf-8-sig", SourceDecoder.Utf8SigCodec) })
        {
            var reg = PythonCodecs.Lookup(name)!;
            Assert.Equal((reg.Module, reg.Kind, reg.ErrorName, reg.Arg), (builtIn.Module, builtIn.Kind, builtIn.ErrorName, builtIn.Arg));
        }
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("utf.8")]
    [InlineData("latin.1")]
    [InlineData("cp-1252")]
    [InlineData("cp_1252")]
    [InlineData("latin-9")]
    [InlineData("mbcs")]
    [InlineData("aliases")]
    [InlineData("")]
    public void UnknownNames(string name)
    {
        Assert.Null(PythonCodecs.Lookup(name));
    }

    [Theory]
    [InlineData("utf-8", "utf-8")]
    [InlineData("UTF_8", "utf-8")]
    [InlineData("utf-8-unix", "utf-8")]
    [InlineData("utf8", "utf8")]
    [InlineData("Latin_1", "iso-8859-1")]
    [InlineData("iso-latin-1-x", "iso-8859-1")]
    [InlineData("latin-1-windows-more-than-12", "iso-8859-1")]
    [InlineData("cp1252", "cp1252")]
    public void GetNormalName(string name, string expected)
    {
        Assert.Equal(expected, SourceDecoder.GetNormalName(name));
    }
}
