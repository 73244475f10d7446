using UnsyncMigrate.Runtime.Python;

namespace UnsyncMigrate.Translation.Tests;

/// <summary>
/// What the translation does for programs that log (their output is compared with CPython's in
/// ConstructTests.Logging.cs): every logging name a program uses is the runtime's (no UM2002),
/// what the runtime cannot know is reported (UM2012), and only such programs track the handled exception.
/// </summary>
public class LoggingTranslationTests
{
    const string Program = """
        import logging
        import logging as lg
        from logging import getLogger, StreamHandler, Formatter
        import sys

        class Mine(logging.Handler):
            def emit(self, record):
                print(self.format(record))

        class Quiet(logging.Filter):
            def filter(self, record):
                return record.levelno > logging.DEBUG

        logging.basicConfig(level=logging.INFO, format=logging.BASIC_FORMAT, force=True)
        log = getLogger(__name__)
        log.addHandler(StreamHandler(sys.stdout))
        log.handlers[0].setFormatter(Formatter('%(message)s', datefmt='%H'))
        log.addHandler(logging.NullHandler())
        log.addHandler(logging.FileHandler('x.log', delay=True))
        log.addFilter(Quiet())
        logging.addLevelName(25, 'NOTICE')
        print(logging.getLevelName(25), logging.root.level, logging.lastResort, lg.WARN, logging.FATAL, logging.NOTSET)
        try:
            1 / 0
        except ZeroDivisionError:
            logging.exception('failed')
        logging.debug('d'); logging.info('i'); logging.warning('w'); logging.error('e'); logging.critical('c'); logging.log(30, 'l')
        logging.disable(logging.CRITICAL)
        logging.shutdown()
        print(logging.LogRecord('n', 20, 'p', 1, 'm', None, None).getMessage())
        """;

    [Fact]
    public void LoggingProgram_EveryLibraryName_ProvidedByTheRuntime()
    {
        var (_, output) = GeneratedCode.Translate(Program);
        Assert.NotEmpty(output.LibraryUses);
        Assert.Empty(output.LibraryUses.Where(u => !PyLibrary.Provides(u.Path)).Select(u => $"{u.Line}: {u.Path}"));
    }

    [Fact]
    public void ExceptClauses_OfAProgramImportingLogging_MakeTheHandledExceptionKnown()
    {
        var (code, _) = GeneratedCode.Translate(Program);
        Assert.Contains("Py.Handling(", code);
        var (plain, _) = GeneratedCode.Translate("try:\n    1 / 0\nexcept ZeroDivisionError:\n    print('no logging')\n");
        Assert.DoesNotContain("Py.Handling(", plain);
    }

    [Fact]
    public void CallerFieldsAndStackInfo_InALoggingProgram_ReportedAsUM2012()
    {
        var notes = GeneratedCode.Translate("""
            import logging
            logging.basicConfig(format='%(asctime)s %(module)s:%(lineno)d %(message)s')
            fmt = logging.Formatter('{funcName} {message}', style='{')
            logging.warning('here', stack_info=True)
            logging.warning('100%(levelname)s', stack_info=False)
            """).Output.Notes.Select(n => $"{n.Line}:{n.Column} {n.Code} {n.Message[..n.Message.IndexOf(':')]}");
        Assert.Equal(
        [
            "2:27 UM2012 logging field 'module' is unknown to the runtime (it knows no Python frames)",
            "3:24 UM2012 logging field 'funcName' is unknown to the runtime (it knows no Python frames)",
            "4:24 UM2012 stack_info=True is ignored",
        ], notes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CallerFieldText_InAProgramWithoutLogging_NotReported() =>
        Assert.Empty(GeneratedCode.Translate("print('%(lineno)d')\n").Output.Notes);
}
