match x:
    case f'x': pass
    case f'{y}' | 'a' f'b': pass
    case [f'a', *_]: pass
    case {f'k': v}: pass
    case C(a=f'{z}'): pass
