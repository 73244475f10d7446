if x:
\
    y = 2
if x:
\
    y = 3
  \

