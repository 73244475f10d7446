b'abc' b'def'
(b'multi'
 b'line')
b'\x80\x81' br'\x80'
x = [b'', b'\x00', b'\\']
b"""triple
bytes"""
