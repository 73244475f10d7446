using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Python.Lexing;

namespace UnsyncMigrate.Python.Parsing;

// Assignment, deletion and loop targets: parsed as expressions, then checked and given
// their Store/Del context, with CPython's messages for what cannot be a target.
internal sealed partial class Parser
{
    enum TargetUse { Assign, Delete, For, With, Comprehension }

    // star_targets (for loops and comprehensions): stops before 'in'.
    Expr ParseStarTargets()
    {
        var s0 = Peek();
        var first = ParseStarTarget();
        if (Kind() != TokenKind.Comma) return ToStore(first, TargetUse.For);
        var elts = new List<Expr> { first };
        while (Accept(TokenKind.Comma))
        {
            if (Kind() is TokenKind.In or TokenKind.Equal or TokenKind.Colon) break;
            elts.Add(ParseStarTarget());
        }
        var tuple = new ExprTuple(elts.ToArray(), ExprContext.Load, s0.Line, s0.Col, Last.EndLine, Last.EndCol);
        return ToStore(tuple, TargetUse.For);
    }

    Expr ParseStarTarget()
    {
        if (Kind() == TokenKind.Star)
        {
            var star = Advance();
            if (Kind() == TokenKind.Star) throw InvalidSyntax();
            var inner = ParseTargetPrimary();
            return new ExprStarred(inner, ExprContext.Load, star.Line, star.Col, Last.EndLine, Last.EndCol);
        }
        return ParseTargetPrimary();
    }

    /// <summary>A target: an atom with trailers (<c>a</c>, <c>a.b</c>, <c>a[i]</c>, <c>(a, b)</c>, <c>[a, *b]</c>).</summary>
    Expr ParseTargetPrimary() => ParsePrimary();

    Expr ToStore(Expr e, TargetUse use)
    {
        var ctx = use == TargetUse.Delete ? ExprContext.Del : ExprContext.Store;
        switch (e)
        {
            case ExprName n: return n.WithCtx(ctx);
            case ExprAttribute a: return a.WithCtx(ctx);
            case ExprSubscript s: return s.WithCtx(ctx);
            case ExprStarred st:
                if (use == TargetUse.Delete) throw ErrorAt(st, "cannot delete starred");
                return new ExprStarred(ToStore(st.Value, use), ctx, st.Lineno, st.ColOffset, st.EndLineno, st.EndColOffset);
            case ExprTuple t:
                return new ExprTuple(t.Elts.Select(x => ToStore(x, use)).ToArray(), ctx, t.Lineno, t.ColOffset, t.EndLineno, t.EndColOffset);
            case ExprList l:
                return new ExprList(l.Elts.Select(x => ToStore(x, use)).ToArray(), ctx, l.Lineno, l.ColOffset, l.EndLineno, l.EndColOffset);
        }
        string what = Describe(e);
        if (use == TargetUse.Delete) throw ErrorAt(e, $"cannot delete {what}");
        if (use == TargetUse.Assign && e is ExprCall or ExprCompare or ExprBinOp or ExprBoolOp or ExprUnaryOp && e is not ExprUnaryOp { Op: UnaryOperator.Not })
            throw ErrorAt(e, $"cannot assign to {what} here. Maybe you meant '==' instead of '='?");
        throw ErrorAt(e, $"cannot assign to {what}");
    }

    Expr ToAnnotationTarget(Expr e, Token start)
    {
        switch (e)
        {
            case ExprName or ExprAttribute or ExprSubscript:
                return ToStore(e, TargetUse.Assign);
            case ExprTuple:
                throw ErrorAt(e, "only single target (not tuple) can be annotated");
            case ExprList:
                throw ErrorAt(e, "only single target (not list) can be annotated");
            default:
                throw ErrorAt(e, "illegal target for annotation");
        }
    }

    Expr ToAugTarget(Expr e)
    {
        if (e is ExprName or ExprAttribute or ExprSubscript) return ToStore(e, TargetUse.Assign);
        throw ErrorAt(e, $"'{Describe(e)}' is an illegal expression for augmented assignment");
    }

    /// <summary>CPython's name for an expression kind in error messages (_PyPegen_get_expr_name).</summary>
    static string Describe(Expr e) => e switch
    {
        ExprAttribute => "attribute",
        ExprSubscript => "subscript",
        ExprStarred => "starred",
        ExprName => "name",
        ExprList => "list",
        ExprTuple => "tuple",
        ExprLambda => "lambda",
        ExprCall => "function call",
        ExprBoolOp or ExprBinOp or ExprUnaryOp => "expression",
        ExprGeneratorExp => "generator expression",
        ExprYield or ExprYieldFrom => "yield expression",
        ExprAwait => "await expression",
        ExprListComp => "list comprehension",
        ExprSetComp => "set comprehension",
        ExprDictComp => "dict comprehension",
        ExprDict => "dict literal",
        ExprSet => "set display",
        ExprJoinedStr or ExprFormattedValue => "f-string expression",
        ExprConstant { Value: null } => "None",
        ExprConstant { Value: true } => "True",
        ExprConstant { Value: false } => "False",
        ExprConstant { Value: PyEllipsis } => "ellipsis",
        ExprConstant => "literal",
        ExprCompare => "comparison",
        ExprIfExp => "conditional expression",
        ExprNamedExpr => "named expression",
        _ => "expression",
    };
}
