using UnsyncMigrate.Python;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Python.Serialization;

namespace UnsyncMigrate.Cli.Ast;

/// <summary>
/// One output line of <c>ast</c>, byte for byte as <c>pyast_dump.py</c> prints it (without the
/// trailing newline): <c>{"path":P,"ok":true,"ast":TREE}</c> or
/// <c>{"path":P,"ok":false,"error":{"type":T,"msg":M,"line":L,"col":C,"end_line":EL,"end_col":EC}}</c>.
/// </summary>
public static class AstLine
{
    public static void WriteSuccess(AstJsonWriter w, string path, ModModule module)
    {
        w.BeginObject();
        w.Property("path"); w.WriteString(path);
        w.Property("ok"); w.WriteBool(true);
        w.Property("ast"); module.WriteJson(w);
        w.EndObject();
    }

    public static void WriteError(AstJsonWriter w, string path, SyntaxDiagnostic d) =>
        WriteError(w, path, d.Kind, d.Message, d.Line, d.Column, d.EndLine, d.EndColumn);

    public static void WriteError(AstJsonWriter w, string path, string type, string msg,
                                  int? line = null, int? col = null, int? endLine = null, int? endCol = null)
    {
        w.BeginObject();
        w.Property("path"); w.WriteString(path);
        w.Property("ok"); w.WriteBool(false);
        w.Property("error");
        w.BeginObject();
        w.Property("type"); w.WriteString(type);
        w.Property("msg"); w.WriteString(msg);
        w.Property("line"); w.WriteInt(line);
        w.Property("col"); w.WriteInt(col);
        w.Property("end_line"); w.WriteInt(endLine);
        w.Property("end_col"); w.WriteInt(endCol);
        w.EndObject();
        w.EndObject();
    }
}
