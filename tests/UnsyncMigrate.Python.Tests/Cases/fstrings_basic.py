f''
f'plain'
f'{x}'
f'{x}{y}'
f'a{x}b{y}c'
f"{x!r}"
f"{x!s}"
f"{x!a}"
f'{x:>10}'
f'{x:{width}}'
f'{x:{width}.{precision}}'
f'{x:{width}.{precision}f} tail'
f'{x!r:^20}'
f'{{}}'
f'{{{x}}}'
f'{{x}}'
F'upper'
rf'\d{x}'
fR'\n{x}'
Rf"{x}\t"
f'{x:%Y-%m-%d}'
f'{3.14:.2f}'
f'{a["k"]}'
f'{ x }'
f'{x,y}'
f'{x, y}'
f'{*a,}'
f'{yield}' if 0 else 0
f'{(lambda x: x)}'
f'{x if y else z}'
f'{x:}'
f'{x!r:}'
f'{"nested"}'
f"{'single'}"
f'{f"{x}"}'
f'{f"{f'{x}'}"}'
f"{f'{f"{f'{x}'}"}'}"
f'{x:{y:{z}}}' if 0 else 0
f'{"\n".join(a)}'
f'''{
x
}'''
f'''multi
line {x}
end'''
f"""{x:
}""" if 0 else 0
f'{x}' 'plain' f'{y}'
'plain' f'{x}'
f'a' 'b'
'a' f'b'
f'{x}' f'{y}'
u'' f'{x}'
f'\{x}' if 0 else 0
f'{x:\n}' if 0 else 0
f'{a:=}'
f'{a:=^10}'
