x	=	1
if	x:
	pass
s = '	'
f(a,	b)
