"""Uses libraries the runtime has and lacks, in every position a reference can take:
scan and migrate must list the same UM2002 uses for it (LibraryUseAgreementTests)."""
import logging
import os.path
import json
import pandas as pd
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Optional

import requests
from unsync import unsync

from app import jobs
from app.jobs import Job, schedule

log = logging.getLogger(__name__)


@dataclass
class Row:
    name: str
    tags: list = field(default_factory=list)
    home: Optional[str] = None


class Fetcher(jobs.Base):
    def __init__(self, url: str):
        super().__init__(url)
        self.session = requests.Session()

    @property
    def host(self) -> str:
        return os.path.basename(self.url)

    def fetch(self, timeout=requests.codes.ok):
        return self.session.get(self.url, timeout=timeout).json()


@unsync
async def load(path):
    frame = pd.read_csv(path)
    return [r for r in frame.itertuples() if pd.notna(r)]


def parse(text):
    root = ET.fromstring(text)
    tags = {t.tag: eval(t.text) for t in root}
    handler = (lambda m: log.warning(m))
    handler(json.dumps(tags))
    return sorted(tags, key=lambda k: os.path.splitext(k)[0])


def main():
    rows = [Row("a"), Row("b", ["x"])]
    print(json.dumps({"rows": len(rows)}), os.path.join("a", "b"))
    modules = [os, json, pd]
    schedule(Job("x"), modules)
    logging.basicConfig(level=logging.INFO)
    print(parse("<r><a>1</a></r>"), pd.concat([]))


if __name__ == "__main__":
    main()
