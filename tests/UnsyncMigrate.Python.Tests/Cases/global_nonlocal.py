global a
global a, b, c
def f():
    global x
    x = 1
    def g():
        nonlocal_ = 1
    y = 1
    def h():
        nonlocal y
        nonlocal y, z
