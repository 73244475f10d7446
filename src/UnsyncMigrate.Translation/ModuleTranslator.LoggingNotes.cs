using System.Text.RegularExpressions;
using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Translation;

// What logging prints that the runtime cannot know: where a record was logged (the runtime has
// no Python frames), and the stack of stack_info=True. Said once per place (UM2012), in programs
// that import logging, rather than printed differently without a word.
internal sealed partial class ModuleTranslator
{
    // A format string's caller fields: %(lineno)d, {funcName}, ${module}...
    static readonly Regex s_callerField = new(@"(%\(|\{|\$\{?)(pathname|filename|module|funcName|lineno|stack_info)\b");

    void NoteLoggingCallerFields()
    {
        if (!_program.ImportsLogging) return;
        var stack = new Stack<Node>([_module.Tree]);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            switch (n)
            {
                case ExprConstant { Value: string s } when s_callerField.Match(s) is { Success: true } m:
                    Note(n, "UM2012", $"logging field '{m.Groups[2].Value}' is unknown to the runtime (it knows no Python frames): " +
                                      "a record has pathname/filename/module '(unknown file)', funcName '(unknown function)', lineno 0, " +
                                      "stack_info None, as CPython when it cannot find the caller");
                    break;
                case Keyword { Arg: "stack_info", Value: not ExprConstant { Value: false or null } }:
                    Note(n, "UM2012", "stack_info=True is ignored: the runtime knows no Python frames, so no 'Stack (most recent call last):' text is logged");
                    break;
            }
            foreach (var c in n.ChildNodes()) stack.Push(c);
        }
    }
}
