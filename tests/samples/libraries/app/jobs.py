import collections
import datetime as dt
import subprocess
from os import getcwd, environ
from pathlib import Path


class Base:
    created = dt.datetime.now()

    def __init__(self, url):
        self.url = url
        self.root = Path(getcwd()) / environ.get("HOME", "")


class Job:
    counts = collections.Counter()

    def __init__(self, name):
        self.name = name

    def run(self):
        done = subprocess.run(["echo", self.name], capture_output=True)
        return done.returncode


def schedule(job, modules):
    for m in modules:
        print(m.__name__, job.name, dt.timedelta(seconds=1))
