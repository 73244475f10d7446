namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// What CPython 3.13's character database (Objects/unicodectype.c) says of one code point, as
/// str methods use it. The bit order is FLAGS in gen_unicode_ctype.py, which writes the table.
/// </summary>
[Flags]
internal enum CharFlags : ushort
{
    None = 0,
    /// <summary>Cased (Uppercase, Lowercase or Lt): title() and the final-sigma rule.</summary>
    Cased = 1 << 0,
    /// <summary>Case_Ignorable: skipped by the final-sigma rule.</summary>
    CaseIgnorable = 1 << 1,
    /// <summary>The Uppercase property (isupper; swapcase lowers these).</summary>
    Upper = 1 << 2,
    /// <summary>The Lowercase property (islower; swapcase uppers these).</summary>
    Lower = 1 << 3,
    /// <summary>Category Lt (istitle, isupper, islower).</summary>
    Title = 1 << 4,
    /// <summary>Categories Lu Ll Lt Lm Lo (isalpha).</summary>
    Alpha = 1 << 5,
    /// <summary>Has a decimal digit value (isdecimal; int() and float() read it).</summary>
    Decimal = 1 << 6,
    /// <summary>Has a digit value (isdigit).</summary>
    Digit = 1 << 7,
    /// <summary>Has a numeric value (isnumeric).</summary>
    Numeric = 1 << 8,
    /// <summary>Not in Cc Cf Cs Co Cn Zl Zp Zs, or the space (isprintable, repr).</summary>
    Printable = 1 << 9,
    /// <summary>Whitespace (isspace, split(), strip()).</summary>
    Space = 1 << 10,
    /// <summary>A line boundary of splitlines().</summary>
    LineBreak = 1 << 11,
    /// <summary>XID_Start or "_": may start an identifier.</summary>
    IdentifierStart = 1 << 12,
    /// <summary>XID_Continue: may continue an identifier.</summary>
    IdentifierContinue = 1 << 13,
}
