a + b - c * d / e // f % g ** h @ i
a << b >> c & d ^ e | f
-a; +a; ~a; not a
- - a; not not a; -~+a
a and b and c
a or b or c
a and b or c and d
not a or b
a < b <= c > d >= e == f != g
a is b; a is not b; a in b; a not in b
a if b else c
a if b else c if d else e
a ** -b
-a ** b
(a + b) * c
a ** b ** c
x = (1)
x = ((a))
