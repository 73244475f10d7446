x = 1
if x:
    y = 'a' \
        'b'
    s = '''multi
line'''
    t = f'''{x
}
z'''
    z = (1,
         2)
def f():
    return 1
