import asyncio
import time

from unsync import unsync


@unsync
async def greet(name, delay):
    await asyncio.sleep(delay)
    return f"Hello, {name}!"


@unsync
def measure(text):
    time.sleep(0.01)
    return len(text)


if __name__ == "__main__":
    futures = [greet(n, 0.01 * (i + 1)) for i, n in enumerate(["ada", "grace"])]
    messages = [f.result() for f in futures]
    print(messages)
    print("lengths:", [measure(m).result() for m in messages])
