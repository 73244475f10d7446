_NAMES = []


def register(name):
    _NAMES.append(name)
    return name


def names():
    return list(_NAMES)
