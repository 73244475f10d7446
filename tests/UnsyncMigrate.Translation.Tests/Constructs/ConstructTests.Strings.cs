namespace UnsyncMigrate.Translation.Tests;

// %-formatting, str.format and string methods.
// Expected output: what CPython 3.13 printed for each snippet.
public partial class ConstructTests
{
    static readonly Snippet[] Strings =
    [
        new(nameof(PercentFormatting), """
            print('%d items, %s, %r, %5.2f|%-6s|%06d|%x|%X|%o|%e|%%' % (3, 'ok', 'ok', 3.14159, 'ab', 42, 255, 255, 8, 12345.678))
            print('%(name)s is %(age)d' % {'name': 'Ann', 'age': 7})
            print('%s' % [1, 2], '%s and %s' % ('a', 'b'), '%+d %+d' % (5, -5), '%.3s' % 'abcdef', '%5s|' % 'x')
            """, "3 items, ok, 'ok',  3.14|ab    |000042|ff|FF|10|1.234568e+04|%\nAnn is 7\n[1, 2] a and b +5 -5 abc     x|\n"),
        new(nameof(StrFormat), """
            print('{} + {} = {}'.format(1, 2, 3))
            print('{0}{1}{0}'.format('ab', 'cd'), '{name}!'.format(name='hi'))
            print('[{:>6}] [{:<6}] [{:^6}] [{:*^7}]'.format('a', 'b', 'c', 'd'))
            print('{:08.3f} {:,} {:x} {:#b} {:.2%} {:e} {:+d}'.format(3.14159, 1234567, 255, 5, 0.256, 1234.5, 7))
            print('{0!r} {0!s} {0[0]} {1[k]}'.format('q', {'k': 'v'}), '{:.1f}'.format(2.25), format(12, '04d'))
            print(f'{3.0:g} {1e-7:g} {12345678.0:g} {0.1 + 0.2} {1/3:.4} {10:>4}')
            """, "1 + 2 = 3\nabcdab hi!\n[     a] [b     ] [  c   ] [***d***]\n0003.142 1,234,567 ff 0b101 25.60% 1.234500e+03 +7\n'q' q q v 2.2 0012\n3 1e-07 1.23457e+07 0.30000000000000004 0.3333   10\n"),
        new(nameof(StringMethods), """
            s = '  Hello, World  '
            print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), s.strip().lower(), s.strip().upper())
            t = 'a,b,,c'
            print(t.split(','), t.split(',', 1), t.rsplit(',', 1), 'a b  c'.split(), '-'.join(['x', 'y', 'z']))
            print('hello'.replace('l', 'L'), 'hello'.replace('l', 'L', 1), 'hello'.find('l'), 'hello'.rfind('l'), 'hello'.find('z'))
            print('hello'.index('e'), 'hello'.count('l'), 'hello'.startswith('he'), 'hello'.endswith(('x', 'lo')))
            print('hello world'.title(), 'hello'.capitalize(), 'HeLLo'.swapcase(), 'ab'.center(6, '*'), 'ab'.ljust(4) + '|', 'ab'.rjust(4), '42'.zfill(5))
            print('123'.isdigit(), 'abc'.isalpha(), ' '.isspace(), 'abc1'.isalnum(), 'Abc'.islower(), 'ABC'.isupper())
            print('k=v=w'.partition('='), 'k=v=w'.rpartition('='), 'a\nb\r\nc'.splitlines(), 'xxabcxx'.strip('x'))
            print('prefix_name'.removeprefix('prefix_'), 'file.txt'.removesuffix('.txt'), 'abc'[::-1], 'abcdef'[1:4], 'abc' * 2)
            print(len('héllo'), ord('a'), chr(98), str(12) + 'x', 'a' < 'b', 'ß'.lower(), 'abc'.encode())
            """, "'Hello, World' 'Hello, World  ' '  Hello, World' hello, world HELLO, WORLD\n['a', 'b', '', 'c'] ['a', 'b,,c'] ['a,b,', 'c'] ['a', 'b', 'c'] x-y-z\nheLLo heLlo 2 3 -1\n1 2 True True\nHello World Hello hEllO **ab** ab  |   ab 00042\nTrue True True True False True\n('k', '=', 'v=w') ('k=v', '=', 'w') ['a', 'b', 'c'] abc\nname file cba bcd abcabc\n5 97 b 12x True \u00df b'abc'\n"),
    ];

    [Fact]
    public void PercentFormatting() => Check();

    [Fact]
    public void StrFormat() => Check();

    [Fact]
    public void StringMethods() => Check();
}
