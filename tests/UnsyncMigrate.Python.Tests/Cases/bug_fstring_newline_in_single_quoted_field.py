f'{x
}'
f'{
x}'
f'{x # comment
}'
f'{x=
}'
f"{x:
}"
f'{x!r
}'
f'{a,
b}'
