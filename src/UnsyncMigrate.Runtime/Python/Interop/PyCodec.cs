using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// Python values across the process boundary (what pickle does for unsync's process pool):
/// JSON with tags for the types JSON lacks. A value of another type cannot cross and fails at
/// the call, as an unpicklable argument does in Python.
/// </summary>
public static class PyCodec
{
    static readonly Dictionary<Type, (string Name, string[] Fields)> s_byType = [];
    static readonly Dictionary<string, Func<IPyObject>> s_byName = new(StringComparer.Ordinal);

    /// <summary>
    /// Lets instances of a translated class cross to worker processes (as pickle does): the
    /// object's fields travel, and the worker builds a blank instance and sets them.
    /// </summary>
    public static void RegisterClass<T>(string qualifiedName, Func<T> createBlank, params string[] fields) where T : IPyObject
    {
        lock (s_byName)
        {
            s_byType[typeof(T)] = (qualifiedName, fields);
            s_byName[qualifiedName] = () => createBlank();
        }
    }

    public static string Encode(object? value)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
            Write(w, value);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    public static object? Decode(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Read(doc.RootElement);
    }

    internal static string EncodeResult(object? value) => Encode(PyTuple.Of("ok", value));

    internal static string EncodeException(object? exception)
    {
        var e = exception as PyBaseException;
        return Encode(PyTuple.Of("error", e?.PyTypeName ?? "Exception", e?.Args ?? PyTuple.Empty));
    }

    /// <summary>A worker's reply: the value, or the exception re-raised with its Python class and args.</summary>
    internal static object? DecodeResult(string json)
    {
        var t = (PyTuple)Decode(json)!;
        if ((string)t[0]! == "ok") return t[1];
        string type = (string)t[1]!;
        var args = ((PyTuple)t[2]!).ToArray();
        foreach (var (name, pyType) in PyExceptionTypes.All)
            if (name == type) throw (Exception)pyType.Call(args, null)!;
        throw new RemoteError(type, args);
    }

    static void Write(Utf8JsonWriter w, object? v)
    {
        switch (v)
        {
            case null: w.WriteNullValue(); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long l: w.WriteNumberValue(l); break;
            case int i: w.WriteNumberValue(i); break;
            case string s: w.WriteStringValue(s); break;
            case double d: Tag(w, "float", () => w.WriteStringValue(d.ToString("R", CultureInfo.InvariantCulture))); break;
            case BigInteger big: Tag(w, "int", () => w.WriteStringValue(big.ToString(CultureInfo.InvariantCulture))); break;
            case PyBytes bytes: Tag(w, "bytes", () => w.WriteStringValue(Py.Str(Py.CallMethod(bytes, "hex")))); break;
            case PyList list: Tag(w, "list", () => Array(w, list)); break;
            case PyTuple tuple: Tag(w, "tuple", () => Array(w, tuple)); break;
            case PySet set: Tag(w, "set", () => Array(w, set)); break;
            case PyDict dict:
                Tag(w, "dict", () =>
                {
                    w.WriteStartArray();
                    foreach (var key in dict)
                    {
                        Write(w, key);
                        Write(w, dict[key]);
                    }
                    w.WriteEndArray();
                });
                break;
            case IPyObject obj when s_byType.TryGetValue(obj.GetType(), out var cls):
                Tag(w, "obj", () =>
                {
                    w.WriteStartArray();
                    w.WriteStringValue(cls.Name);
                    foreach (var f in cls.Fields)
                    {
                        w.WriteStringValue(f);
                        Write(w, obj.TryGetAttr(f, out var fv) ? fv : null);
                    }
                    // Attributes the object was given beyond its fields travel too, as in its pickled __dict__.
                    if (obj is PyObjectBase withAttributes)
                        foreach (var (name, value) in withAttributes.OwnAttributes())
                        {
                            w.WriteStringValue(name);
                            Write(w, value);
                        }
                    w.WriteEndArray();
                });
                break;
            default:
                throw new TypeError($"cannot pickle '{Py.TypeName(v)}' object");
        }
    }

    static void Array(Utf8JsonWriter w, IEnumerable<object?> items)
    {
        w.WriteStartArray();
        foreach (var x in items) Write(w, x);
        w.WriteEndArray();
    }

    static void Tag(Utf8JsonWriter w, string tag, Action body)
    {
        w.WriteStartObject();
        w.WritePropertyName(tag);
        body();
        w.WriteEndObject();
    }

    static object? Read(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Null: return null;
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.Number: return e.GetInt64();
            case JsonValueKind.String: return e.GetString();
            case JsonValueKind.Object:
                {
                    var prop = e.EnumerateObject().First();
                    var v = prop.Value;
                    switch (prop.Name)
                    {
                        case "float": return double.Parse(v.GetString()!, CultureInfo.InvariantCulture);
                        case "int": return Py.Norm(BigInteger.Parse(v.GetString()!, CultureInfo.InvariantCulture));
                        case "bytes": return PyBytes.From(Py.CallMethod(PyType.Bytes, "fromhex", [v.GetString()]), null);
                        case "list": return new PyList(v.EnumerateArray().Select(Read));
                        case "tuple": return new PyTuple(v.EnumerateArray().Select(Read).ToArray());
                        case "set": return Py.Set(new PyList(v.EnumerateArray().Select(Read)));
                        case "obj":
                            {
                                var items = v.EnumerateArray().ToList();
                                string name = items[0].GetString()!;
                                Func<IPyObject>? create;
                                lock (s_byName) s_byName.TryGetValue(name, out create);
                                if (create == null) throw new TypeError($"cannot unpickle '{name}' object");
                                var obj = create();
                                // Restoring state is not assignment: a frozen dataclass accepts it (as pickle's object.__setattr__).
                                using (Lib.PyDataclass.Restoring(obj))
                                    for (int i = 1; i + 1 < items.Count; i += 2) obj.TrySetAttr(items[i].GetString()!, Read(items[i + 1]));
                                return obj;
                            }
                        case "dict":
                            {
                                var d = new PyDict();
                                var items = v.EnumerateArray().ToList();
                                for (int i = 0; i + 1 < items.Count; i += 2) d[Read(items[i])] = Read(items[i + 1]);
                                return d;
                            }
                    }
                    break;
                }
        }
        throw new ValueError("unexpected value in a worker message");
    }
}

/// <summary>An exception raised in a worker whose Python class has no C# counterpart here.</summary>
public sealed class RemoteError(string typeName, object?[] args) : PyException(args)
{
    public override string PyTypeName => typeName;
}
