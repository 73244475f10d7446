namespace UnsyncMigrate.Translation.Tests;

// Classes, inheritance, super(), __mro__, @dataclass, static/class methods, properties, dunders.
// Expected output: what CPython 3.13 printed for each snippet.
public partial class ConstructTests
{
    static readonly Snippet[] Classes =
    [
        new(nameof(Inheritance_SuperAndOverrides), """
            class Shape:
                sides = 0

                def __init__(self, name):
                    self.name = name

                def area(self):
                    return 0

                def describe(self):
                    return f'{self.name}: sides={self.sides} area={self.area()}'

                def __repr__(self):
                    return f'{type(self).__name__}({self.name!r})'

            class Rect(Shape):
                sides = 4

                def __init__(self, w, h, name='rect'):
                    super().__init__(name)
                    self.w = w
                    self.h = h

                def area(self):
                    return self.w * self.h

            class Square(Rect):
                def __init__(self, side):
                    super().__init__(side, side, name='square')

                def describe(self):
                    return 'Square! ' + super().describe()

            shapes = [Shape('blob'), Rect(2, 3), Square(4)]
            for s in shapes:
                print(s.describe())
            print(shapes, isinstance(shapes[2], Rect), isinstance(shapes[1], Square), issubclass(Square, Shape))
            print([type(s).__mro__[-2].__name__ for s in shapes], Square.__mro__)
            """, "blob: sides=0 area=0\nrect: sides=4 area=6\nSquare! square: sides=4 area=16\n[Shape('blob'), Rect('rect'), Square('square')] True False True\n['Shape', 'Shape', 'Shape'] (<class '__main__.Square'>, <class '__main__.Rect'>, <class '__main__.Shape'>, <class 'object'>)\n"),
        new(nameof(SuperCall_WithStarArgsAndKwargs), """
            class Base:
                def __init__(self, name, *parts, sep='-', **meta):
                    self.label = name + ': ' + sep.join(parts)
                    self.meta = meta

                def show(self, *extra, **kw):
                    return f'{self.label} {extra} {sorted(kw.items())} {sorted(self.meta.items())}'

            class Child(Base):
                def __init__(self, name, *parts, upper=False, **kw):
                    super().__init__(name.upper() if upper else name, *parts, **kw)

                def show(self, *extra, **kw):
                    return 'child ' + super().show(*extra, 'x', **kw)

            c = Child('job', 'a', 'b', upper=True, sep='+', owner='me')
            print(c.label, c.meta)
            print(c.show(1, 2, flag=True))
            args = ('p', 'q')
            print(Child('n', *args, **{'sep': '/'}).label)
            """, "JOB: a+b {'owner': 'me'}\nchild JOB: a+b (1, 2, 'x') [('flag', True)] [('owner', 'me')]\nn: p/q\n"),
        new(nameof(TypeMro_AndBases), """
            class A:
                pass

            class B(A):
                pass

            class C(B):
                pass

            class MyError(ValueError):
                pass

            print([k.__name__ for k in C.__mro__], B.__bases__, A.__base__, C.__base__.__name__)
            print(type(C()) is C, type(C()) == B, type(C()).__mro__[1] is B, [t.__name__ for t in MyError.__mro__])
            print(type(MyError('x')).__name__, int.__mro__, bool.__mro__)
            """, "['C', 'B', 'A', 'object'] (<class '__main__.A'>,) <class 'object'> B\nTrue False True ['MyError', 'ValueError', 'Exception', 'BaseException', 'object']\nMyError (<class 'int'>, <class 'object'>) (<class 'bool'>, <class 'int'>, <class 'object'>)\n"),
        new(nameof(Dataclass_ReprAndEquality), """
            from dataclasses import dataclass, field

            @dataclass
            class Point:
                x: int
                y: int = 0

            @dataclass
            class Bag:
                name: str
                items: list = field(default_factory=list)
                tags: dict = field(default_factory=dict)

            p = Point(1, 2)
            print(p, Point(3), p == Point(1, 2), p == Point(2, 1), p != Point(1, 2), p == (1, 2))
            b1 = Bag('a')
            b2 = Bag('a')
            b1.items.append(Point(0, y=5))
            print(b1, b2, b1 == b2, b1.items is b2.items)
            print([Point(i, i * i) for i in range(3)], {'p': Point(-1)})
            p.x = 10
            print(p, repr(p), str(p))
            """, "Point(x=1, y=2) Point(x=3, y=0) True False False False\nBag(name='a', items=[Point(x=0, y=5)], tags={}) Bag(name='a', items=[], tags={}) False False\n[Point(x=0, y=0), Point(x=1, y=1), Point(x=2, y=4)] {'p': Point(x=-1, y=0)}\nPoint(x=10, y=2) Point(x=10, y=2) Point(x=10, y=2)\n"),
        new(nameof(Dataclass_OrderAndFrozen), """
            from dataclasses import dataclass

            @dataclass(order=True)
            class Version:
                major: int
                minor: int = 0

            @dataclass(frozen=True)
            class Key:
                a: str
                b: int

            print(sorted([Version(1, 2), Version(0, 9), Version(1, 0)]), Version(1) < Version(1, 1))
            k = Key('x', 1)
            print(k, {k: 'v'}[Key('x', 1)], hash(k) == hash(Key('x', 1)))
            try:
                k.a = 'y'
            except Exception as e:
                print(type(e).__name__, e)
            """, "[Version(major=0, minor=9), Version(major=1, minor=0), Version(major=1, minor=2)] True\nKey(a='x', b=1) v True\nFrozenInstanceError cannot assign to field 'a'\n"),
        new(nameof(StaticClassMethodsAndProperties), """
            class Temp:
                scale = 'C'

                def __init__(self, degrees):
                    self._degrees = degrees

                @property
                def degrees(self):
                    return self._degrees

                @property
                def fahrenheit(self):
                    return self._degrees * 9 / 5 + 32

                @staticmethod
                def valid(d):
                    return d > -273.15

                @classmethod
                def freezing(cls):
                    return cls(0)

                @classmethod
                def describe(cls):
                    return cls.__name__ + ' in ' + cls.scale

            t = Temp.freezing()
            print(t.degrees, t.fahrenheit, Temp(100).fahrenheit, Temp.valid(-300), t.valid(5), Temp.describe(), t.describe())
            """, "0 32.0 212.0 False True Temp in C Temp in C\n"),
        new(nameof(PropertySetter), """
            class Account:
                def __init__(self):
                    self._balance = 0

                @property
                def balance(self):
                    return self._balance

                @balance.setter
                def balance(self, value):
                    if value < 0:
                        raise ValueError('negative')
                    self._balance = value

            a = Account()
            a.balance = 5
            print(a.balance)
            try:
                a.balance = -1
            except ValueError as e:
                print('error', e)
            """, "5\nerror negative\n"),
        new(nameof(Dunders_EqLtLenStrIter), """
            class Money:
                def __init__(self, cents):
                    self.cents = cents

                def __eq__(self, other):
                    return isinstance(other, Money) and self.cents == other.cents

                def __lt__(self, other):
                    return self.cents < other.cents

                def __hash__(self):
                    return hash(self.cents)

                def __add__(self, other):
                    return Money(self.cents + other.cents)

                def __str__(self):
                    return f'${self.cents / 100:.2f}'

                def __repr__(self):
                    return f'Money({self.cents})'

            class Wallet:
                def __init__(self, *coins):
                    self.coins = list(coins)

                def __len__(self):
                    return len(self.coins)

                def __iter__(self):
                    return iter(self.coins)

                def __contains__(self, m):
                    return m in self.coins

            w = Wallet(Money(250), Money(5), Money(100))
            print(len(w), sorted(w), str(max(w)), Money(5) in w, Money(7) in w, Money(1) + Money(2))
            print(Money(3) == Money(3), Money(3) != Money(4), len({Money(1), Money(1)}), [str(m) for m in w], bool(Wallet()))
            """, "3 [Money(5), Money(100), Money(250)] $2.50 True False $0.03\nTrue True 1 ['$2.50', '$0.05', '$1.00'] False\n"),
        new(nameof(ClassMethod_CalledThroughSubclass), """
            class Base:
                label = 'base'

                @classmethod
                def make(cls):
                    return cls()

                @classmethod
                def name(cls):
                    return cls.__name__ + ':' + cls.label

            class Sub(Base):
                label = 'sub'

            print(type(Sub.make()).__name__, Sub.name(), Base.name(), Sub().name())
            """, "Sub Sub:sub Base:base Sub:sub\n"),
        new(nameof(Dataclass_ConstructedInItsOwnMethodAndAboveIt), """
            from dataclasses import dataclass
            def origin():
                return Point(0, 0)
            @dataclass
            class Point:
                x: int
                y: int = 5
                def shifted(self, dx):
                    return Point(self.x + dx, y=self.y)
            print(origin(), origin().shifted(2), Point(1).shifted(1).x * 2)
            """, "Point(x=0, y=0) Point(x=2, y=0) 4\n"),
        new(nameof(RedefinedMethod_LastDefWins), """
            class A:
                def f(self):
                    return 1
                def f(self, x=2):
                    return x
                @property
                def p(self):
                    return self._p
                @p.setter
                def p(self, v):
                    self._p = v * 2
            a = A()
            a.p = 5
            print(a.f(), a.p)
            """, "2 10\n"),
        new(nameof(ExceptionClass_StrAndRepr_UsedByStrReprAndPrint), """
            class AppError(Exception):
                def __init__(self, code):
                    super().__init__(code)
                    self.code = code

                def __str__(self):
                    return f"app error {self.code}"

                def __repr__(self):
                    return f"AppError({self.code!r})"


            class DbError(AppError):
                def __str__(self):
                    return "db: " + super().__str__()


            class Plain(ValueError):
                def __str__(self):
                    return "plain: " + super().__str__()


            class Bad(Exception):
                def __str__(self):
                    return 42


            try:
                raise AppError(7)
            except AppError as e:
                print(str(e), repr(e), e.args)
            print(AppError(3))
            print([AppError(4)], [DbError(5)])
            print(DbError(6), f"{DbError(8)}")
            print(Plain("x", "y"))
            try:
                str(Bad())
            except TypeError as e:
                print("TypeError:", e)
            """, "app error 7 AppError(7) (7,)\napp error 3\n[AppError(4)] [AppError(5)]\ndb: app error 6 db: app error 8\nplain: ('x', 'y')\nTypeError: __str__ returned non-string (type int)\n"),
    ];

    [Fact]
    public void Inheritance_SuperAndOverrides() => Check();

    [Fact]
    public void RedefinedMethod_LastDefWins() => Check();

    [Fact]
    public void Dataclass_ConstructedInItsOwnMethodAndAboveIt() => Check();

    [Fact]
    public void SuperCall_WithStarArgsAndKwargs() => Check();

    [Fact]
    public void TypeMro_AndBases() => Check();

    [Fact]
    public void Dataclass_ReprAndEquality() => Check();

    [Fact]
    public void Dataclass_OrderAndFrozen() => Check();

    [Fact]
    public void StaticClassMethodsAndProperties() => Check();

    [Fact]
    public void PropertySetter() => Check();

    [Fact]
    public void Dunders_EqLtLenStrIter() => Check();

    [Fact]
    public void ClassMethod_CalledThroughSubclass() => Check();

    [Fact]
    public void ExceptionClass_StrAndRepr_UsedByStrReprAndPrint() => Check();
}
