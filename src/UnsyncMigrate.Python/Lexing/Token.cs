namespace UnsyncMigrate.Python.Lexing;

/// <summary>Token kinds of Python 3.13's tokenizer (hard keywords get their own kinds).</summary>
public enum TokenKind : byte
{
    EndMarker,
    Name,
    Number,
    String,
    FStringStart,
    FStringMiddle,
    FStringEnd,
    Newline,
    Indent,
    Dedent,

    // Operators and delimiters.
    LPar, RPar, LSqb, RSqb, LBrace, RBrace,
    Colon, Comma, Semi, Dot, Ellipsis, At, RArrow, ColonEqual, Exclamation,
    Plus, Minus, Star, Slash, DoubleSlash, Percent, DoubleStar, VBar, Amper, CircumFlex, Tilde,
    LeftShift, RightShift,
    Less, Greater, LessEqual, GreaterEqual, EqEqual, NotEqual,
    Equal,
    PlusEqual, MinEqual, StarEqual, SlashEqual, DoubleSlashEqual, PercentEqual, DoubleStarEqual,
    AmperEqual, VBarEqual, CircumflexEqual, LeftShiftEqual, RightShiftEqual, AtEqual,

    // Hard keywords.
    False, None, True, And, As, Assert, Async, Await, Break, Class, Continue, Def, Del, Elif, Else,
    Except, Finally, For, From, Global, If, Import, In, Is, Lambda, Nonlocal, Not, Or, Pass, Raise,
    Return, Try, While, With, Yield,
}

/// <summary>
/// One token: its kind and where it lies, as byte offsets into the UTF-8 source and as
/// CPython positions (1-based lines, 0-based UTF-8 byte columns).
/// </summary>
public readonly record struct Token(TokenKind Kind, int Start, int End, int Line, int Col, int EndLine, int EndCol)
{
    public override string ToString() => $"{Kind} {Line}:{Col}-{EndLine}:{EndCol}";
}
