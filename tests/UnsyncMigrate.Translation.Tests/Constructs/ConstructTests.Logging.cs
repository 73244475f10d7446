namespace UnsyncMigrate.Translation.Tests;

// logging: loggers, handlers, formatters, filters, basicConfig, lastResort, records from threads.
// Expected output: what CPython 3.13 printed for each snippet, stdout and stderr. A traceback
// logged with exc_info is compared by its first and last lines: the runtime prints no frames.
public partial class ConstructTests
{
    static readonly Snippet[] Logging =
    [
        new(nameof(Logging_BasicConfigOnStdout_FormatsLazilyAsCPython), """
            import logging
            import sys
            logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format='%(levelname)-8s|%(name)s|%(levelno)03d|%(message)s')
            log = logging.getLogger(__name__)
            print('before')
            log.debug('x=%s y=%r', 1, 'a')
            log.info('%(a)s-%(b)d', {'a': 'A', 'b': 2})
            log.warning('100%% literal, no args')
            log.warning('100% literal, no args')
            print('between')
            log.error('%d items', 3)
            log.critical([1, 2])
            log.log(25, 'custom %s', 'level')
            logging.addLevelName(25, 'NOTICE')
            log.log(25, 'named now')
            print(logging.getLevelName(25), logging.getLevelName('NOTICE'), logging.getLevelName(10), logging.getLevelName('INFO'), logging.getLevelName(33), logging.getLevelName('WARN'))
            log.setLevel('WARNING')
            print(log.level, log.getEffectiveLevel(), log.isEnabledFor(logging.INFO), log.isEnabledFor(logging.ERROR))
            log.info('hidden')
            log.fatal('fatal is critical')
            logging.info('module level %s', 'info')
            logging.log(logging.WARNING, 'module log')
            print(logging.DEBUG, logging.INFO, logging.WARNING, logging.WARN, logging.ERROR, logging.CRITICAL, logging.FATAL, logging.NOTSET)
            print(log.name, logging.root.name, logging.getLogger() is logging.root, logging.getLogger('root') is logging.root, logging.root.level)
            print('after')
            """, "before\nDEBUG   |__main__|010|x=1 y='a'\nINFO    |__main__|020|A-2\nWARNING |__main__|030|100%% literal, no args\nWARNING |__main__|030|100% literal, no args\nbetween\nERROR   |__main__|040|3 items\nCRITICAL|__main__|050|[1, 2]\nLevel 25|__main__|025|custom level\nNOTICE  |__main__|025|named now\nNOTICE 25 DEBUG 20 Level 33 30\n30 30 False True\nCRITICAL|__main__|050|fatal is critical\nINFO    |root|020|module level info\nWARNING |root|030|module log\n10 20 30 30 40 50 50 0\n__main__ root True True 10\nafter\n", ""),
        new(nameof(Logging_DottedHierarchy_PropagatesToAncestorsHandlers), """
            import logging
            import sys
            h = logging.StreamHandler(sys.stdout)
            h.setFormatter(logging.Formatter('%(name)s:%(levelname)s:%(message)s'))
            abc = logging.getLogger('a.b.c')
            print(abc.parent is logging.root, abc.parent.name)
            a = logging.getLogger('a')
            print(abc.parent is a, a.parent is logging.root)
            ab = logging.getLogger('a.b')
            print(abc.parent is ab, ab.parent is a, a.getChild('b') is ab, a.getChild('b.c') is abc)
            a.addHandler(h)
            a.setLevel(logging.INFO)
            print(abc.level, abc.getEffectiveLevel(), abc.hasHandlers(), logging.getLogger('zz').hasHandlers())
            abc.info('reaches a')
            abc.debug('not enabled')
            ab.setLevel(logging.DEBUG)
            abc.debug('enabled through a.b')
            hb = logging.StreamHandler(sys.stdout)
            hb.setFormatter(logging.Formatter('B %(message)s'))
            ab.addHandler(hb)
            abc.warning('twice')
            ab.propagate = False
            abc.warning('only b')
            ab.removeHandler(hb)
            abc.warning('to lastResort')
            print(repr(a), repr(abc), repr(logging.root), repr(h))
            print(len(a.handlers), a.handlers[0] is h, a.propagate, ab.propagate, a.disabled)
            a.disabled = True
            a.warning('disabled')
            a.disabled = False
            h.setLevel(logging.ERROR)
            a.warning('below handler level')
            a.error('handler level ok')
            print(repr(h), h.level, h.formatter is not None)
            """, "True root\nTrue True\nTrue True True True\n0 20 True False\na.b.c:INFO:reaches a\na.b.c:DEBUG:enabled through a.b\nB twice\na.b.c:WARNING:twice\nB only b\n<Logger a (INFO)> <Logger a.b.c (DEBUG)> <RootLogger root (WARNING)> <StreamHandler <stdout> (NOTSET)>\n1 True True False False\na:ERROR:handler level ok\n<StreamHandler <stdout> (ERROR)> 40 True\n", "to lastResort\n"),
        new(nameof(Logging_HandlerAndFilterSubclasses_ExceptionsExtraAndStyles), """
            import logging
            import sys

            class ListHandler(logging.Handler):
                def __init__(self, tag):
                    super().__init__(logging.DEBUG)
                    self.tag = tag
                    self.lines = []
                def emit(self, record):
                    text = self.format(record)
                    lines = text.splitlines()
                    self.lines.append(text)
                    print(self.tag, record.levelname, record.getMessage(), '|', lines[0], '|', lines[-1], '|', len(lines) > 1)

            class OnlyOdd(logging.Filter):
                def filter(self, record):
                    return record.args and record.args[0] % 2 == 1

            log = logging.getLogger('app')
            log.setLevel(logging.DEBUG)
            lh = ListHandler('L')
            lh.setFormatter(logging.Formatter('{levelname}/{name}/{message}', style='{'))
            log.addHandler(lh)
            log.propagate = False

            def fail(n):
                if n > 1:
                    raise ValueError(f'bad {n}')
                return n

            try:
                fail(5)
            except ValueError:
                log.exception('failed with %d', 5)
            try:
                fail(7)
            except ValueError as e:
                log.error('as error', exc_info=True)
                log.warning('exception object', exc_info=e)
            log.info('no exception', exc_info=True)
            log.info('exc_info false', exc_info=False)

            odd = OnlyOdd()
            lh.addFilter(odd)
            for i in range(4):
                log.info('n=%d', i)
            lh.removeFilter(odd)
            log.addFilter(lambda r: 'secret' not in r.getMessage())
            log.info('a secret')
            log.info('public')

            sh = logging.StreamHandler(sys.stdout)
            sh.setFormatter(logging.Formatter('$levelname $name ${message} [$user]', style='$'))
            log.removeHandler(lh)
            log.addHandler(sh)
            log.info('with extra', extra={'user': 'ann'})
            sh.setFormatter(logging.Formatter('%(message)s %(user)s %(n)05.1f'))
            log.warning('extra %s', 'fields', extra={'user': 'bob', 'n': 2.25})
            try:
                log.info('x', extra={'message': 'clash'})
            except KeyError as e:
                print('KeyError', e)
            only_b = logging.Filter('b.c')
            rec = logging.LogRecord('b.c.d', logging.INFO, 'p', 1, 'm', None, None)
            print(only_b.filter(rec), logging.Filter('b.cd').filter(rec), logging.Filter().filter(rec), rec.getMessage(), rec.levelname)
            sh.setFormatter(logging.Formatter('%(message)s'))
            log.addHandler(logging.NullHandler())
            log.info('still once')
            print(len(lh.lines), isinstance(lh, logging.Handler), isinstance(sh, logging.Handler), isinstance(odd, logging.Filter), type(lh).__mro__[1].__name__)
            """, "L ERROR failed with 5 | ERROR/app/failed with 5 | ValueError: bad 5 | True\nL ERROR as error | ERROR/app/as error | ValueError: bad 7 | True\nL WARNING exception object | WARNING/app/exception object | ValueError: bad 7 | True\nL INFO no exception | INFO/app/no exception | NoneType: None | True\nL INFO exc_info false | INFO/app/exc_info false | INFO/app/exc_info false | False\nL INFO n=1 | INFO/app/n=1 | INFO/app/n=1 | False\nL INFO n=3 | INFO/app/n=3 | INFO/app/n=3 | False\nL INFO public | INFO/app/public | INFO/app/public | False\nINFO app with extra [ann]\nextra fields bob 002.2\nKeyError \"Attempt to overwrite 'message' in LogRecord\"\nTrue False True m INFO\nstill once\n8 True True True Handler\n", ""),
        new(nameof(Logging_LastResortAndBasicConfig_StderrAndErrorsAsCPython), """
            import logging
            import sys
            log = logging.getLogger('quiet')
            log.info('dropped: no handler and below WARNING')
            log.warning('last resort %s', 'bare')
            print('printed')
            log.error('to stderr too')
            logging.warning('implicit basicConfig')
            print(len(logging.root.handlers), repr(logging.root.handlers[0]))
            logging.basicConfig(stream=sys.stdout, format='ignored %(message)s')
            logging.error('still the stderr handler')
            logging.basicConfig(stream=sys.stdout, format='%(levelname)s %(name)s %(message)s', level='INFO', force=True)
            log.info('now on stdout')
            logging.info('root too')
            for kwargs in [dict(stream=sys.stdout, filename='x.log'), dict(handlers=[], stream=sys.stdout), dict(bogus=1, force=True), dict(style='#', force=True)]:
                try:
                    logging.basicConfig(**kwargs)
                except ValueError as e:
                    print('ValueError:', e)
            for bad in ['LOUD', 3.5]:
                try:
                    log.setLevel(bad)
                except (ValueError, TypeError) as e:
                    print(type(e).__name__ + ':', e)
            try:
                logging.Formatter('no fields')
            except ValueError as e:
                print('ValueError:', e)
            try:
                log.log('INFO', 'x')
            except TypeError as e:
                print('TypeError:', e)
            logging.disable(logging.INFO)
            log.info('disabled')
            log.warning('not disabled')
            logging.disable(logging.NOTSET)
            log.info('enabled again')
            logging.basicConfig(handlers=[logging.StreamHandler(sys.stdout)], force=True, format='{levelname}:{message}', style='{')
            logging.warning('braces')
            """, "printed\n1 <StreamHandler <stderr> (NOTSET)>\nINFO quiet now on stdout\nINFO root root too\nValueError: Unrecognised argument(s): bogus\nValueError: Style must be one of: %,{,$\nValueError: Unknown level: 'LOUD'\nTypeError: Level not an integer or a valid string: 3.5\nValueError: Invalid format 'no fields' for '%' style\nTypeError: level must be an integer\nWARNING:braces\n", "last resort bare\nto stderr too\nWARNING:root:implicit basicConfig\nERROR:root:still the stderr handler\nnot disabled\n"),
        new(nameof(Logging_FromThreadsAndLoop_EveryRecordWhole), """
            import logging
            import threading
            from unsync import unsync

            class Collect(logging.Handler):
                def __init__(self):
                    super().__init__()
                    self.lines = []
                def emit(self, record):
                    self.lines.append(self.format(record))

            log = logging.getLogger('work')
            log.setLevel(logging.DEBUG)
            collect = Collect()
            collect.setFormatter(logging.Formatter('%(levelname)s %(name)s %(message)s'))
            log.addHandler(collect)

            @unsync
            def on_thread(i):
                for j in range(50):
                    log.debug('thread %d step %d', i, j)
                return i

            @unsync
            async def on_loop(i):
                log.info('loop %d', i)
                return i

            def plain(i):
                for j in range(50):
                    log.warning('os thread %d step %d', i, j)

            tasks = [on_thread(i) for i in range(4)] + [on_loop(i) for i in range(3)]
            threads = [threading.Thread(target=plain, args=(i,)) for i in range(3)]
            for t in threads:
                t.start()
            print(sorted(t.result() for t in tasks))
            for t in threads:
                t.join()
            print(len(collect.lines), len(set(collect.lines)))
            print(sorted(collect.lines)[:2], sorted(collect.lines)[-1])
            print([sum(l.startswith(level) for l in collect.lines) for level in ('DEBUG', 'INFO', 'WARNING')])
            """, "[0, 0, 1, 1, 2, 2, 3]\n353 353\n['DEBUG work thread 0 step 0', 'DEBUG work thread 0 step 1'] WARNING work os thread 2 step 9\n[200, 3, 150]\n", ""),
        new(nameof(Logging_ExceptionInAsyncAndThreadFunctions_HandledExceptionFollowsTheClause), """
            import asyncio
            import logging
            import sys
            from unsync import unsync

            logging.basicConfig(stream=sys.stdout, format='%(levelname)s %(message)s', level=logging.INFO)
            log = logging.getLogger('app')

            class Last(logging.Formatter):
                def formatException(self, ei):
                    return 'EXC ' + super().formatException(ei).splitlines()[-1]

            logging.root.handlers[0].setFormatter(Last('%(levelname)s %(message)s'))

            @unsync
            async def fetch(i):
                try:
                    await asyncio.sleep(0.01)
                    if i % 2:
                        raise KeyError(i)
                    return i
                except KeyError:
                    await asyncio.sleep(0.01)
                    log.exception('fetch %d failed', i)
                    return -1

            @unsync
            def work(i):
                try:
                    return 10 // i
                except ZeroDivisionError as e:
                    log.error('work %d: %s', i, e, exc_info=True)
                    return None

            print([fetch(i).result() for i in range(3)])
            print([work(i).result() for i in range(2)])
            try:
                try:
                    raise ValueError('inner')
                except ValueError:
                    log.exception('nested inner')
                    raise RuntimeError('outer')
            except RuntimeError:
                log.exception('nested outer')
            log.error('after', exc_info=True)
            """, "ERROR fetch 1 failed\nEXC KeyError: 1\n[0, -1, 2]\nERROR work 0: integer division or modulo by zero\nEXC ZeroDivisionError: integer division or modulo by zero\n[None, 10]\nERROR nested inner\nEXC ValueError: inner\nERROR nested outer\nEXC RuntimeError: outer\nERROR after\nEXC NoneType: None\n", ""),
    ];

    [Fact]
    public void Logging_BasicConfigOnStdout_FormatsLazilyAsCPython() => Check();

    [Fact]
    public void Logging_DottedHierarchy_PropagatesToAncestorsHandlers() => Check();

    [Fact]
    public void Logging_HandlerAndFilterSubclasses_ExceptionsExtraAndStyles() => Check();

    [Fact]
    public void Logging_LastResortAndBasicConfig_StderrAndErrorsAsCPython() => Check();

    [Fact]
    public void Logging_FromThreadsAndLoop_EveryRecordWhole() => Check();

    [Fact]
    public void Logging_ExceptionInAsyncAndThreadFunctions_HandledExceptionFollowsTheClause() => Check();
}
