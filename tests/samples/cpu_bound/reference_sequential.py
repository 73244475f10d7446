"""Plain CPython reference for cpu_bound.py: the same function without unsync, called ten times
one after the other in this one process. Same stdout as cpu_bound.py."""

def cpu_bound_function(operations):
    for i in range(int(operations)):
        pass
    return 'Run in parallel faster'


def main():
    tasks = [cpu_bound_function(5e7) for _ in range(10)]
    results = [t for t in tasks]
    print(results)


if __name__ == '__main__':
    main()
