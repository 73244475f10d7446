u'plain' f'{x}'
f'{x}' u'a'
u'a' 'b' f'{x}' 'c'
'a' u'b' f'{x}'
x = (u'implicit'
     'b'
     f'{y}')
