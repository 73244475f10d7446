using UnsyncMigrate.Analysis.Tests.Support;

namespace UnsyncMigrate.Analysis.Tests;

/// <summary>Name resolution as Python does it: scopes, rebinding, imports between modules, receivers of methods.</summary>
public class ResolutionTests
{
    [Fact]
    public void RebindingIsSeenWhereItTakesEffect()
    {
        var r = Py.Scan("""
            from unsync import unsync

            def fetch(x):
                return x

            fetch(0)
            fetch = unsync(fetch)
            fetch(1).result()

            def main():
                return fetch(2)
            """);
        Assert.Equal(["fetch@3 thread call-wrapper at 7"], r.Functions());
        Assert.Equal(["8 fetch thread result", "11 fetch thread stored"], r.Calls());
    }

    [Fact]
    public void LocalNamesShadowTheWrapper()
    {
        var r = Py.Scan("""
            from unsync import unsync

            @unsync
            def work(x):
                return x

            def shadowed_by_local():
                work = print
                work(1)

            def shadowed_by_parameter(work):
                work(2)

            def comprehension_variable(items):
                return [work(3) for work in items]

            class Holder:
                work = len

                def method(self):
                    return work(4)

            def uses_global():
                return work(5)
            """);
        Assert.Equal(["21 work thread stored", "24 work thread stored"], r.Calls());
    }

    [Fact]
    public void GlobalDeclarationBindsTheModuleName()
    {
        var r = Py.Scan("""
            from unsync import unsync

            def slow():
                pass

            def setup():
                global job
                job = unsync(slow)

            setup()
            job().result()
            """);
        Assert.Equal(["slow@3 thread call-wrapper at 8"], r.Functions());
        Assert.Equal(["11 slow thread result"], r.Calls());
    }

    [Fact]
    public void NonlocalAndClosures()
    {
        var r = Py.Scan("""
            from unsync import unsync

            def outer():
                @unsync
                def task():
                    pass

                def inner():
                    return task()

                return inner
            """);
        Assert.Equal(["9 outer.<locals>.task thread stored"], r.Calls());
    }

    [Fact]
    public void ImportsBetweenModules()
    {
        var r = Py.Scan(
            ("helpers.py", "from unsync import unsync\n\n@unsync\ndef fetch(x):\n    return x\n"),
            ("main.py", """
                import helpers
                import helpers as h
                from helpers import fetch
                from helpers import fetch as get

                helpers.fetch(1).result()
                h.fetch(2).result()
                fetch(3).result()
                get(4).result()

                def later():
                    import helpers as late
                    return late.fetch(5)
                """));
        Assert.Equal(["fetch@4 thread decorator"], r.Functions());
        Assert.Equal("helpers.py", r.Functions[0].File);
        Assert.Equal([
            "6 fetch thread result", "7 fetch thread result", "8 fetch thread result", "9 fetch thread result", "13 fetch thread stored",
        ], r.Calls());
    }

    [Fact]
    public void PackagesAbsoluteAndRelative()
    {
        var r = Py.Scan(
            ("app/__init__.py", "from .jobs import run as run_job\n"),
            ("app/jobs.py", "from unsync import unsync\n\n@unsync\nasync def run():\n    pass\n"),
            ("app/sub/__init__.py", ""),
            ("app/sub/use.py", """
                from .. import jobs
                from ..jobs import run
                from . import helper

                def go():
                    jobs.run().result()
                    run().result()
                    helper.other()
                """),
            ("app/sub/helper.py", "from ..jobs import run\n\ndef other():\n    return run()\n"),
            ("main.py", """
                import app.jobs
                from app import run_job
                from app import jobs
                from app.sub import use

                app.jobs.run().result()
                run_job().result()
                jobs.run()
                """));
        Assert.Equal(["run@4 async-loop decorator"], r.Functions());
        Assert.Equal([
            "app/sub/helper.py:4 run async-loop stored",
            "app/sub/use.py:6 run async-loop result",
            "app/sub/use.py:7 run async-loop result",
            "6 run async-loop result",
            "7 run async-loop result",
            "8 run async-loop discarded",
        ], r.Calls());
    }

    [Fact]
    public void StarImportFromAProgramModule()
    {
        var r = Py.Scan(
            ("tasks.py", "from unsync import unsync\n\n@unsync\ndef a():\n    pass\n\n@unsync\ndef _private():\n    pass\n"),
            ("main.py", "from tasks import *\n\na().result()\n_private()\n"));
        Assert.Equal(["3 a thread result"], r.Calls());
    }

    [Fact]
    public void MethodsThroughSelfClsAndSuper()
    {
        var r = Py.Scan("""
            from unsync import unsync

            class Base:
                @unsync
                def save(self):
                    pass

                def plain(self):
                    pass

            class Child(Base):
                @unsync
                async def load(self):
                    pass

                def run(self):
                    self.save().result()
                    self.load().result()
                    self.plain()
                    super().save().result()

                @classmethod
                def build(cls):
                    return cls.load(None)
            """);
        Assert.Equal([
            "17 Base.save thread result", "18 Child.load async-loop result", "20 Base.save thread result", "24 Child.load async-loop stored",
        ], r.Calls());
    }

    [Fact]
    public void ReceiversWhoseClassIsEvident()
    {
        var r = Py.Scan("""
            from typing import Optional
            from unsync import unsync

            class Worker:
                @unsync
                def run(self):
                    pass

            class Other:
                def run(self):
                    pass

            def by_annotation(w: Worker, s: "Worker", o: Optional[Worker], u: Worker | None, x):
                w.run()
                s.run()
                o.run()
                u.run()
                x.run()

            w = Worker()
            w.run().result()
            both = [Worker(), Other()]
            for item in both:
                item.run()
            both[1].run()
            both[0].run()
            [i.run() for i in (Worker(), Worker())]
            Other().run()
            Worker.run(w)
            """);
        Assert.Equal([
            "14 Worker.run thread discarded", "15 Worker.run thread discarded", "16 Worker.run thread discarded",
            "17 Worker.run thread discarded", "21 Worker.run thread result", "24 Worker.run thread discarded",
            "26 Worker.run thread discarded", "27 Worker.run thread stored", "29 Worker.run thread discarded",
        ], r.Calls());
        // x has no evident class: not a call site, but listed for review.
        var match = Assert.Single(r.NameMatches);
        Assert.Equal(18, match.Line);
        Assert.Equal(["Worker.run"], match.Candidates);
    }

    [Fact]
    public void MethodResolutionOrderDecides()
    {
        var r = Py.Scan("""
            from unsync import unsync

            class A:
                @unsync
                def m(self):
                    pass

            class B(A):
                def m(self):
                    pass

            class C(A):
                pass

            class D(C, B):
                pass

            B().m()
            C().m()
            D().m()
            """);
        Assert.Equal(["19 A.m thread discarded"], r.Calls());
    }

    [Fact]
    public void ExternalBaseStopsTheLookup()
    {
        var r = Py.Scan("""
            import threading
            from unsync import unsync

            class Mixin:
                @unsync
                def start(self):
                    pass

            class T(threading.Thread, Mixin):
                pass

            class U(Mixin, threading.Thread):
                pass

            T().start()
            U().start()
            """);
        Assert.Equal(["16 Mixin.start thread discarded"], r.Calls());
    }

    [Fact]
    public void InstanceAttributes()
    {
        var r = Py.Scan("""
            from unsync import unsync

            class Client:
                @unsync
                def get(self):
                    pass

            class Service:
                def __init__(self):
                    self.client = Client()

                def refresh(self):
                    return self.client.get().result()
            """);
        Assert.Equal(["13 Client.get thread result"], r.Calls());
    }

    [Fact]
    public void ReturnedWrappersAndAliases()
    {
        var r = Py.Scan("""
            from unsync import unsync

            def build(n):
                @unsync
                async def run(x):
                    return x * n
                return run

            @unsync
            def slow():
                pass

            fast = slow
            pick = slow if True else None
            runner = build(2)
            runner(1).result()
            build(3)(4).result()
            fast()
            pick().result()
            """);
        Assert.Equal([
            "16 build.<locals>.run async-loop result", "17 build.<locals>.run async-loop result",
            "18 slow thread discarded", "19 slow thread result",
        ], r.Calls());
    }

    [Fact]
    public void WrappersPassedToProgramFunctions()
    {
        var r = Py.Scan("""
            from unsync import unsync

            @unsync
            def fetch(x):
                return x

            def run_all(fn, items):
                return [fn(i) for i in items]

            def wait(fut):
                return fut.result(timeout=1)

            futures = run_all(fetch, [1, 2])
            wait(fetch(3))
            """);
        Assert.Equal(["8 fetch thread stored", "14 fetch thread argument"], r.Calls());
        Assert.Contains(r.Operations, o => o.Line == 11 && o.Kind == Model.UnfutureOperationKind.ResultWithTimeout && o.Source == "fetch");
    }

    [Fact]
    public void OriginalFunctionAndWrappingCallsAreNotCallSites()
    {
        var r = Py.Scan("""
            from unsync import unsync

            def count(n):
                return n

            parallel = unsync(cpu_bound=True)(count)
            count(3)
            fut = parallel(3)
            fut.then(parallel)
            fut.result()
            """);
        Assert.Equal(["8 count process stored"], r.Calls());
    }
}
