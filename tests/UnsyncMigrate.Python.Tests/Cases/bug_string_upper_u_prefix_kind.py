U'a'
U"b" 'c'
u'd'
