from unsync import unsync


def make_worker():
    @unsync(cpu_bound=True)
    def nested(x):
        return x
    return nested


@unsync(cpu_bound=True)
def crunch(fn):
    return fn(1)


heavy = unsync(cpu_bound=True)


@heavy
def heavy_instance(x):
    return x


@heavy
def heavy_other(x):
    return x
