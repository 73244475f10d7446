namespace UnsyncMigrate.Translation.Tests;

// Integers past 64 bits, floor division and modulo signs, true division.
// Expected output: what CPython 3.13 printed for each snippet.
public partial class ConstructTests
{
    static readonly Snippet[] Numbers =
    [
        new(nameof(BigInts_PastSixtyFourBits), """
            a = 9223372036854775807
            print(a + 1, a * 2, -a - 2, a * a)
            x = 2 ** 100
            print(x, x // 7, x % 7, -x // 7, -x % 7, x >> 90, 1 << 70)
            print(int('123456789012345678901234567890') + 1, hex(2 ** 70), abs(-(2 ** 80)))
            f = 1
            for i in range(1, 26):
                f *= i
            print(f, f == 15511210043330985984000000, f > a, len(str(f)))
            print((2 ** 64) // (2 ** 32), (2 ** 64 + 5) - 2 ** 64, type(2 ** 64 - 2 ** 64 + 1).__name__)
            """, "9223372036854775808 18446744073709551614 -9223372036854775809 85070591730234615847396907784232501249\n1267650600228229401496703205376 181092942889747057356671886482 2 -181092942889747057356671886483 5 1024 1180591620717411303424\n123456789012345678901234567891 0x400000000000000000 1208925819614629174706176\n15511210043330985984000000 True True 26\n4294967296 5 int\n"),
        new(nameof(FloorDivAndModulo_FollowPythonSigns), """
            print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
            print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
            print(-7.5 // 2, -7.5 % 2, 7.5 % -2, divmod(-7, 2), divmod(7, -2))
            print(-1 % 10 ** 20, -(10 ** 20) // 3)
            """, "3 -4 -4 3\n1 2 -2 -1\n-4.0 0.5 -0.5 (-4, 1) (-4, -1)\n99999999999999999999 -33333333333333333334\n"),
        new(nameof(TrueDivision_AlwaysFloat), """
            print(7 / 2, 1 / 3, 6 / 3, -1 / 3, 10 / 4, 2 ** -1, 2 ** 0.5)
            print(10 ** 20 / 10 ** 18, 1e300 * 10, round(2.675, 2), round(2.5), round(3.5), round(-0.5))
            try:
                print(1 / 0)
            except ZeroDivisionError as e:
                print('ZeroDivisionError:', e)
            try:
                print(1 // 0)
            except ZeroDivisionError as e:
                print('ZeroDivisionError:', e)
            """, "3.5 0.3333333333333333 2.0 -0.3333333333333333 2.5 0.5 1.4142135623730951\n100.0 1e+301 2.67 2 4 0\nZeroDivisionError: division by zero\nZeroDivisionError: integer division or modulo by zero\n"),
    ];

    [Fact]
    public void BigInts_PastSixtyFourBits() => Check();

    [Fact]
    public void FloorDivAndModulo_FollowPythonSigns() => Check();

    [Fact]
    public void TrueDivision_AlwaysFloat() => Check();
}
