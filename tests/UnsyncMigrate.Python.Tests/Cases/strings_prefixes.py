'single'
"double"
'''triple single'''
"""triple double"""
'''multi
line'''
u'unicode kind'
r'raw \n'
R"raw \d"
b'bytes'
B"BYTES"
br'raw bytes \x'
Rb'raw bytes'
bR"x"
RB'\\'
rb"\""
'' ""
b''
'it''s' "concat"
'a' 'b' 'c'
u'kind' 'is taken from first'
'not u' u'second'
b'a' b'b'
r'\'' '\\'
("implicit"
 "continuation"
 'across lines')
x = 'a' \
    'b'
"quote ' inside"
'quote " inside'
"""embedded "quotes" and ''' """
'''embedded """ '''
