if a:
    pass
elif b:
    x = 1
elif c: y = 2
else:
    z = 3

while x:
    x -= 1
    if x == 5:
        break
    continue
else:
    done()

for i in range(10):
    print(i)
else:
    pass

for a, b in pairs: pass
for (a, *b) in c: pass
for x, in y: pass
for i in *a, *b: pass

with open(f) as g:
    pass
with a, b as c, d as (e, f):
    pass
with (a as b, c as d,):
    pass
with (a, b):
    pass
with (yield):
    pass
with a as b[0], c as d.e:
    pass

try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise
except Exception as e:
    pass
except:
    pass
else:
    pass
finally:
    pass

try:
    pass
finally:
    cleanup()
