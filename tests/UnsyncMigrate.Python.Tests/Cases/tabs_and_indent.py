if a:
	x = 1
	if b:
		y = 2
	else:
	    z = 3
if c:
        pass
def f():
  if x:
        return 1
  return 2
class A:
 def m(self):
  pass
x = [1,
  2,
      3]
