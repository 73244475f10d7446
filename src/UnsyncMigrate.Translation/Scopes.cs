using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Translation;

/// <summary>The names a Python function (or module) binds, by Python's scoping rules.</summary>
internal sealed class ScopeInfo
{
    public readonly List<string> Locals = [];
    public readonly HashSet<string> LocalSet = [];
    public readonly HashSet<string> Globals = [];
    public readonly HashSet<string> Nonlocals = [];

    public void Bind(string name)
    {
        if (Globals.Contains(name) || Nonlocals.Contains(name)) return;
        if (LocalSet.Add(name)) Locals.Add(name);
    }

    /// <summary>Collects the bindings of a body (not descending into nested functions, classes or comprehensions).</summary>
    public static ScopeInfo Collect(IEnumerable<Stmt> body, IEnumerable<string> parameters)
    {
        var scope = new ScopeInfo();
        var collector = new Collector(scope);
        // Declarations first: 'global x' anywhere in the body applies to the whole body.
        foreach (var s in body) collector.FindDeclarations(s);
        foreach (var p in parameters) scope.Bind(p);
        foreach (var s in body) collector.Visit(s);
        return scope;
    }

    sealed class Collector(ScopeInfo scope) : AstVisitor
    {
        public void FindDeclarations(Node n)
        {
            switch (n)
            {
                case StmtGlobal g: foreach (var x in g.Names) scope.Globals.Add(x); return;
                case StmtNonlocal nl: foreach (var x in nl.Names) scope.Nonlocals.Add(x); return;
                case StmtFunctionDef or StmtAsyncFunctionDef or StmtClassDef: return;
            }
            foreach (var c in n.ChildNodes()) if (c is Stmt or ExceptHandler or MatchCase) FindDeclarations(c);
        }

        void Target(Expr e)
        {
            switch (e)
            {
                case ExprName n: scope.Bind(n.Id); break;
                case ExprTuple t: foreach (var x in t.Elts) Target(x); break;
                case ExprList l: foreach (var x in l.Elts) Target(x); break;
                case ExprStarred s: Target(s.Value); break;
            }
        }

        public override void VisitStmtAssign(StmtAssign node)
        {
            foreach (var t in node.Targets) Target(t);
            base.VisitStmtAssign(node);
        }

        public override void VisitStmtAugAssign(StmtAugAssign node)
        {
            Target(node.Target);
            base.VisitStmtAugAssign(node);
        }

        public override void VisitStmtAnnAssign(StmtAnnAssign node)
        {
            Target(node.Target);
            base.VisitStmtAnnAssign(node);
        }

        public override void VisitStmtFor(StmtFor node)
        {
            Target(node.Target);
            base.VisitStmtFor(node);
        }

        public override void VisitStmtAsyncFor(StmtAsyncFor node)
        {
            Target(node.Target);
            base.VisitStmtAsyncFor(node);
        }

        public override void VisitWithItem(WithItem node)
        {
            if (node.OptionalVars != null) Target(node.OptionalVars);
            base.VisitWithItem(node);
        }

        public override void VisitExceptHandler(ExceptHandler node)
        {
            if (node.Name != null) scope.Bind(node.Name);
            base.VisitExceptHandler(node);
        }

        public override void VisitStmtImport(StmtImport node)
        {
            foreach (var a in node.Names) scope.Bind(a.Asname ?? a.Name.Split('.')[0]);
        }

        public override void VisitStmtImportFrom(StmtImportFrom node)
        {
            foreach (var a in node.Names) if (a.Name != "*") scope.Bind(a.Asname ?? a.Name);
        }

        public override void VisitStmtDelete(StmtDelete node)
        {
            foreach (var t in node.Targets) Target(t);
        }

        public override void VisitStmtFunctionDef(StmtFunctionDef node)
        {
            scope.Bind(node.Name);
            foreach (var d in node.DecoratorList) Visit(d);
        }

        public override void VisitStmtAsyncFunctionDef(StmtAsyncFunctionDef node)
        {
            scope.Bind(node.Name);
            foreach (var d in node.DecoratorList) Visit(d);
        }

        public override void VisitStmtClassDef(StmtClassDef node)
        {
            scope.Bind(node.Name);
            foreach (var d in node.DecoratorList) Visit(d);
            foreach (var b in node.Bases) Visit(b);
        }

        public override void VisitExprNamedExpr(ExprNamedExpr node)
        {
            Target(node.Target);
            base.VisitExprNamedExpr(node);
        }

        // Comprehension targets are their own scope; walrus inside them still binds here.
        public override void VisitComprehension(Comprehension node)
        {
            Visit(node.Iter);
            foreach (var i in node.Ifs) Visit(i);
        }

        public override void VisitExprLambda(ExprLambda node) { }
    }
}
