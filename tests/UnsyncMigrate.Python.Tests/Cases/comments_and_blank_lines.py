# leading comment


#!not a shebang
x = 1  # trailing

    # indented comment
if x:
    # comment in block

    y = 2
        # deeper comment
    z = 3
# dedent comment
w = 4
