"""The CPU-bound example from the unsync course (issue 6).

A plain function that only burns CPU, wrapped with unsync(cpu_bound=True): every call runs in a
worker process of unsync's process pool. Ten calls are started, then their results gathered.
stdout is deterministic (the results only): bench/cpu-bound.sh times the whole process.
"""
from unsync import unsync


@unsync(cpu_bound=True)
def cpu_bound_function(operations):
    for i in range(int(operations)):
        pass
    return 'Run in parallel faster'


def main():
    tasks = [cpu_bound_function(5e7) for _ in range(10)]
    results = [t.result() for t in tasks]
    print(results)


if __name__ == '__main__':
    main()
