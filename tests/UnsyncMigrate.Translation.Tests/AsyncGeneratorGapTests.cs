using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace UnsyncMigrate.Translation.Tests;

/// <summary>
/// The async generators that are not translated: each is a UM2001 gap and the program still
/// compiles (its body a stub that raises when called).
/// </summary>
public class AsyncGeneratorGapTests
{
    const string Program = """
        import asyncio
        from unsync import unsync


        @unsync
        async def decorated():
            yield 1


        async def in_handler():
            try:
                yield 1
            except KeyError:
                pass


        async def in_context(lock):
            async with lock:
                yield 1


        async def in_finally():
            try:
                pass
            finally:
                yield 2


        async def fine():
            try:
                yield 1
            finally:
                print('fine')


        @unsync
        async def main():
            async def nested():
                with open('x') as f:
                    yield f
            async for v in fine():
                print(v)


        main().result()
        """;

    [Fact]
    public void AsyncGenerator_UnsyncOrYieldWhereCSharpCannot_IsAGapAndCompiles()
    {
        var (_, output) = GeneratedCode.Translate(Program);
        Assert.Equal(
        [
            "6:0 @unsync on an async generator (unsync sees no coroutine function: it calls it on its thread pool, so the Unfuture's result() is the async generator and 'async for' over the Unfuture raises TypeError)",
            "10:0 async generator with yield inside try/except, with or finally",
            "17:0 async generator with yield inside try/except, with or finally",
            "22:0 async generator with yield inside try/except, with or finally",
            "38:4 async generator with yield inside try/except, with or finally",
        ], output.Gaps.Select(g => $"{g.Line}:{g.Column} {g.Construct}").OrderBy(g => int.Parse(g.Split(':')[0])).ToArray());
        Assert.Empty(GeneratedCode.CompileErrors(output));
    }
}
