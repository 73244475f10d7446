using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Translation.Typing;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static UnsyncMigrate.Translation.Cs;

namespace UnsyncMigrate.Translation;

/// <summary>Generated C# and the static type of that C# (Dynamic: object).</summary>
internal readonly record struct TypedExpr(ExpressionSyntax Syntax, PyType Type);

// Typed emission: expressions whose Python type is known become native C# (long, double,
// string, bool, the runtime's containers, the program's classes); values cross from object
// into typed slots through checked conversions.
internal sealed partial class ModuleTranslator
{
    // The last call bound at compile time, and the C# type of its result (see DirectCall).
    ExpressionSyntax? _directResult;
    PyType _directType = PyType.Dynamic;

    ExpressionSyntax Expression(Expr e, FunctionCtx ctx) => Typed(e, ctx).Syntax;

    TypeSyntax CsTypeOf(PyType t) => t.CsType(ClassRef) ?? Cs.Object;

    /// <summary>The value a typed local or field starts with (Python would raise on a read before assignment).</summary>
    static ExpressionSyntax DefaultValue(PyType t) => t.Kind switch
    {
        PyKind.Int => LongLit(0),
        PyKind.Float => DoubleLit(0),
        PyKind.Bool => Cs.False,
        _ when t.IsStatic => PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, LiteralExpression(SyntaxKind.DefaultLiteralExpression)),
        _ => Cs.Null,
    };

    /// <summary>The value converted for a slot of type <paramref name="want"/>: checked when it comes from object.</summary>
    ExpressionSyntax Coerce(TypedExpr v, PyType want)
    {
        if (!want.IsStatic || v.Type.SameCsType(want)) return v.Syntax;
        if (want.Kind == PyKind.Class && v.Type.Kind == PyKind.Class && PyType.Join(v.Type, want) == want) return v.Syntax; // upcast
        var boxed = v.Type.IsStatic ? Cast(Cs.Object, v.Syntax) : v.Syntax;
        return want.Kind switch
        {
            PyKind.Int => Py("AsInt", boxed),
            PyKind.Float => Py("AsFloat", boxed),
            PyKind.Str => Py("AsStr", boxed),
            PyKind.Bool => Py("AsBool", boxed),
            _ => Call(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Id("Py"),
                GenericName("As").AddTypeArgumentListArguments(CsTypeOf(want))), boxed, Str(want.PyName)),
        };
    }

    ExpressionSyntax ValueAs(Expr e, PyType want, FunctionCtx ctx) => Coerce(Typed(e, ctx), want);

    /// <summary>A number as double (an int operand of float arithmetic).</summary>
    ExpressionSyntax AsDouble(Expr e, FunctionCtx ctx)
    {
        var t = TypeOf(e, ctx);
        return t.Kind == PyKind.Int ? Cast(Cs.Double, ValueAs(e, PyType.Int, ctx)) : ValueAs(e, PyType.Float, ctx);
    }

    TypedExpr Typed(Expr e, FunctionCtx ctx)
    {
        switch (e)
        {
            case ExprConstant { Value: long or double or string or bool } c:
                return new(Constant(c), TypeOf(c, ctx));
            case ExprName n when TypeOf(n, ctx) is { IsStatic: true } nt:
                return new(LoadName(n.Id, ctx, n), nt);
            case ExprAttribute a when TypeOf(a, ctx) is { IsStatic: true } at && FieldOwner(a, ctx) is { } owner:
                if (a.Value is ExprName self && ctx.Class != null && IsSelf(self.Id, ctx)) return new(AttributeLoad(a, ctx), at);
                return new(Member(Paren(ValueAs(a.Value, TypeOf(a.Value, ctx), ctx)), CSharpNames.Identifier(a.Attr)), at);
            case ExprBinOp b:
                return TypedBinary(b, ctx) ?? new(ExpressionCore(e, ctx), PyType.Dynamic);
            case ExprUnaryOp { Op: UnaryOperator.Not } u:
                return new(Not(Condition(u.Operand, ctx)), PyType.Bool);
            case ExprUnaryOp { Op: UnaryOperator.USub or UnaryOperator.UAdd } u when TypeOf(u.Operand, ctx) is { IsNumber: true } ut:
                {
                    if (u.Op == UnaryOperator.USub && u.Operand is ExprConstant { Value: long k and > long.MinValue }) return new(LongLit(-k), ut);
                    if (u.Op == UnaryOperator.USub && u.Operand is ExprConstant { Value: double dk } && double.IsFinite(dk)) return new(DoubleLit(-dk), ut);
                    var operand = ValueAs(u.Operand, ut, ctx);
                    if (u.Op == UnaryOperator.UAdd) return new(operand, ut);
                    var neg = PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, Paren(operand));
                    return new(ut.Kind == PyKind.Int ? CheckedExpression(SyntaxKind.CheckedExpression, neg) : ParenthesizedExpression(neg), ut);
                }
            case ExprCompare cmp:
                return new(Condition(cmp, ctx), PyType.Bool);
            case ExprIfExp ie when TypeOf(ie, ctx) is { IsStatic: true } it:
                return new(ParenthesizedExpression(ConditionalExpression(Condition(ie.Test, ctx), ValueAs(ie.Body, it, ctx), ValueAs(ie.Orelse, it, ctx))), it);
            case ExprJoinedStr or ExprFormattedValue:
                return new(ExpressionCore(e, ctx), PyType.Str);
            case ExprList or ExprTuple or ExprSet:
                return new(ExpressionCore(e, ctx), TypeOf(e, ctx));
            case ExprDict when TypeOf(e, ctx) is { IsStatic: true } dt:
                return new(ExpressionCore(e, ctx), dt);
            case ExprListComp or ExprSetComp or ExprDictComp:
                {
                    var ct = TypeOf(e, ctx);
                    // A comprehension's value is never null: say so, or the nullable cast warns in the generated project.
                    var value = PostfixUnaryExpression(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression, ExpressionCore(e, ctx));
                    return new(Cast(CsTypeOf(ct), value), ct);
                }
            case ExprCall call:
                return TypedCall(call, ctx);
            default:
                return new(ExpressionCore(e, ctx), PyType.Dynamic);
        }
    }

    /// <summary>Native arithmetic when both operand types are known; Python's rules kept (checked ints, floor division, float repr unchanged).</summary>
    TypedExpr? TypedBinary(ExprBinOp b, FunctionCtx ctx)
    {
        var t = TypeOf(b, ctx);
        PyType l = TypeOf(b.Left, ctx), r = TypeOf(b.Right, ctx);
        if (t.Kind == PyKind.Int && l.Kind == PyKind.Int && r.Kind == PyKind.Int)
        {
            ExpressionSyntax x = ValueAs(b.Left, PyType.Int, ctx), y = ValueAs(b.Right, PyType.Int, ctx);
            return b.Op switch
            {
                Operator.Add => new(Checked(SyntaxKind.AddExpression, x, y), t),
                Operator.Sub => new(Checked(SyntaxKind.SubtractExpression, x, y), t),
                Operator.Mult => new(Checked(SyntaxKind.MultiplyExpression, x, y), t),
                Operator.FloorDiv => new(Py("IntFloorDiv", x, y), t),
                Operator.Mod => new(Py("IntMod", x, y), t),
                _ => null,
            };
        }
        if (t.Kind == PyKind.Float && b.Op == Operator.Div && l.Kind == PyKind.Int && r.Kind == PyKind.Int)
            return new(Py("IntTrueDiv", ValueAs(b.Left, PyType.Int, ctx), ValueAs(b.Right, PyType.Int, ctx)), t);
        if (t.Kind == PyKind.Float && l.IsNumber && r.IsNumber)
        {
            ExpressionSyntax x = AsDouble(b.Left, ctx), y = AsDouble(b.Right, ctx);
            return b.Op switch
            {
                Operator.Add => new(ParenthesizedExpression(BinaryExpression(SyntaxKind.AddExpression, Paren(x), Paren(y))), t),
                Operator.Sub => new(ParenthesizedExpression(BinaryExpression(SyntaxKind.SubtractExpression, Paren(x), Paren(y))), t),
                Operator.Mult => new(ParenthesizedExpression(BinaryExpression(SyntaxKind.MultiplyExpression, Paren(x), Paren(y))), t),
                Operator.Div => new(Py("FloatDiv", x, y), t),
                _ => null,
            };
        }
        if (t.Kind == PyKind.Str && b.Op == Operator.Add && l.Kind == PyKind.Str && r.Kind == PyKind.Str)
            return new(ParenthesizedExpression(BinaryExpression(SyntaxKind.AddExpression, Paren(ValueAs(b.Left, l, ctx)), Paren(ValueAs(b.Right, r, ctx)))), t);
        return null;
    }

    /// <summary>checked(x op y); operands already checked are unwrapped (the context covers them lexically).</summary>
    static ExpressionSyntax Checked(SyntaxKind op, ExpressionSyntax x, ExpressionSyntax y)
    {
        static ExpressionSyntax Inner(ExpressionSyntax e) => e is CheckedExpressionSyntax c ? ParenthesizedExpression(c.Expression) : Paren(e);
        return CheckedExpression(SyntaxKind.CheckedExpression, BinaryExpression(op, Inner(x), Inner(y)));
    }

    TypedExpr TypedCall(ExprCall call, FunctionCtx ctx)
    {
        if (call.Func is ExprName fn && call.Keywords.Count == 0 && call.Args.Count == 1 && call.Args[0] is not ExprStarred && IsBuiltin(fn.Id, ctx))
        {
            var arg = call.Args[0];
            var at = TypeOf(arg, ctx);
            switch (fn.Id)
            {
                case "len": return new(Py("Len", Expression(arg, ctx)), PyType.Int);
                case "str": return new(at.Kind == PyKind.Str ? Expression(arg, ctx) : Py("Str", Expression(arg, ctx)), PyType.Str);
                case "repr": return new(Py("Repr", Expression(arg, ctx)), PyType.Str);
                case "int" when at.Kind == PyKind.Int: return new(ValueAs(arg, at, ctx), PyType.Int);
                case "int" when at.Kind == PyKind.Float: return new(Py("FloatToLong", ValueAs(arg, at, ctx)), PyType.Int);
                case "float" when at.Kind == PyKind.Float: return new(ValueAs(arg, at, ctx), PyType.Float);
                case "float" when at.Kind == PyKind.Int: return new(Cast(Cs.Double, ValueAs(arg, at, ctx)), PyType.Float);
                case "bool": return new(Condition(arg, ctx), PyType.Bool);
            }
        }
        var syntax = CallExpr(call, ctx);
        return ReferenceEquals(syntax, _directResult) ? new(syntax, _directType) : new(syntax, PyType.Dynamic);
    }

    /// <summary>Records a call bound at compile time: its C# result type is the callee's declared type.</summary>
    ExpressionSyntax Direct(ExpressionSyntax call, PyType type)
    {
        _directResult = call;
        _directType = type.IsStatic ? type : PyType.Dynamic;
        return call;
    }

    /// <summary>The C# return type of a function's method (object unless inference typed it).</summary>
    PyType DeclaredReturn(FuncSig sig) => sig.Def != null && sig.PyName != "<lambda>" && _types.Return(sig.Def) is { IsStatic: true } t ? t : PyType.Dynamic;

    /// <summary>A process target's argument as decoded from the parent (object), converted for the body's parameter.</summary>
    public ExpressionSyntax ProcessArgument(FuncSig sig, string param, ExpressionSyntax decoded) =>
        Coerce(new TypedExpr(decoded, PyType.Dynamic), DeclaredParam(sig, param));

    /// <summary>The C# type of a function's parameter (object unless inference typed it).</summary>
    PyType DeclaredParam(FuncSig sig, string param) => sig.Def != null && sig.PyName != "<lambda>" && _types.Var(sig.Def, param) is { IsStatic: true } t ? t : PyType.Dynamic;
}
