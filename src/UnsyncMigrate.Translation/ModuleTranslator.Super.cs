using Microsoft.CodeAnalysis.CSharp.Syntax;
using UnsyncMigrate.Python.Ast;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static UnsyncMigrate.Translation.Cs;

namespace UnsyncMigrate.Translation;

// super() where C#'s base call cannot say it: in classes dispatching along the MRO (the next
// class depends on type(self), as cooperative calls through a diamond need), and where the
// next class is a built-in one (object.__init__, an exception's __init__/__str__).
internal sealed partial class ModuleTranslator
{
    /// <summary>
    /// <c>super().name(...)</c> (<paramref name="call"/> set) or <c>super().name</c> in a class
    /// dispatching along the MRO: the runtime takes the class after this one in type(self).__mro__.
    /// </summary>
    ExpressionSyntax? SuperAlongMro(ExprAttribute a, ExprCall? call, FunctionCtx ctx)
    {
        if (a.Value is not ExprCall { Keywords.Count: 0 } super || !IsBuiltinRef(super.Func, "super", ctx) || ctx.Class is not { UsesMroDispatch: true } owner) return null;
        if (SuperTarget(super, owner, ctx) is not var (from, self)) return GapExpr(super, "super() outside a method");
        if (call == null) return Call(Member(Id("PyType"), "SuperGetAttr"), from, self, Str(a.Attr));
        var args = Args(call, ctx);
        return Call(Member(Id("PyType"), "SuperCall"), from, self, Str(a.Attr), args.Array, args.Kwargs);
    }

    /// <summary>
    /// <c>super().name(...)</c> in a class of single inheritance that C#'s <c>base.name(...)</c> cannot
    /// say: a staticmethod or classmethod of a base (a classmethod binds the class super() is
    /// given), or a method no program base defines, which the built-in class next in the MRO
    /// has (object's <c>__init__</c>, <c>__repr__</c>, <c>__init_subclass__</c>, an exception's <c>__str__</c>...).
    /// </summary>
    ExpressionSyntax? SuperAtRunTime(ExprAttribute a, ExprCall call, FunctionCtx ctx)
    {
        if (!IsPlainSuper(a.Value, ctx) || ctx.Class is not { UsesMroDispatch: false } owner || ctx.SuperSelf == null) return null;
        if (owner.Base?.FindMethod(a.Attr) is { IsStatic: false, IsClassMethod: false }) return null;
        if (owner.IsException && a.Attr == "__init__") return null; // Py.InitException
        var args = Args(call, ctx);
        return Call(Member(Id("PyType"), "SuperCall"), Member(Id(ClassRef(owner)), "__pyclass"), LoadName(ctx.SuperSelf, ctx, a.Value), Str(a.Attr), args.Array, args.Kwargs);
    }

    /// <summary>
    /// Once the class exists, Python calls <c>__init_subclass__</c> of the first base along its MRO
    /// that defines one (object's takes no keywords) with the class statement's keywords.
    /// </summary>
    StatementSyntax? InitSubclass(ClassInfo info)
    {
        if (info.SubclassKeywords.Count == 0 && !info.Mro.Skip(1).Any(m => m.Methods.ContainsKey("__init_subclass__") || m.DecoratedMethods.ContainsKey("__init_subclass__"))) return null;
        var kwargs = info.SubclassKeywords.Count == 0 ? Cs.Null
            : Rt.Kwargs(info.SubclassKeywords.Where(k => k.Arg != null).Select(k => (k.Arg!, Expression(k.Value, ModuleCtx))),
                info.SubclassKeywords.Where(k => k.Arg == null).Select(k => Expression(k.Value, ModuleCtx)));
        return Stmt(Call(Member(Id("PyType"), "InitSubclass"), Member(Id(info.CsName), "__pyclass"), kwargs));
    }

    /// <summary>The class super() starts after and the instance it binds: the method's class and first parameter, or super(cls, obj)'s.</summary>
    (ExpressionSyntax From, ExpressionSyntax Self)? SuperTarget(ExprCall super, ClassInfo owner, FunctionCtx ctx) => super.Args.Count switch
    {
        0 when ctx.SuperSelf != null => (Member(Id(ClassRef(owner)), "__pyclass"), LoadName(ctx.SuperSelf, ctx, super)),
        2 => (Cast(ParseTypeName("PyType"), Expression(super.Args[0], ctx)), Expression(super.Args[1], ctx)),
        _ => null,
    };
}
