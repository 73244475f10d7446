using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Python.Lexing;

namespace UnsyncMigrate.Python.Parsing;

// Statements: simple statements, compound statements and blocks.
internal sealed partial class Parser
{
    void ParseStatement(List<Stmt> into)
    {
        switch (Kind())
        {
            case TokenKind.If: into.Add(ParseIf()); return;
            case TokenKind.While: into.Add(ParseWhile()); return;
            case TokenKind.For: into.Add(ParseFor(null)); return;
            case TokenKind.Try: into.Add(ParseTry()); return;
            case TokenKind.With: into.Add(ParseWith(null)); return;
            case TokenKind.Def: into.Add(ParseFunctionDef([], null)); return;
            case TokenKind.Class: into.Add(ParseClassDef([])); return;
            case TokenKind.At: into.Add(ParseDecorated()); return;
            case TokenKind.Async:
                {
                    var asyncTok = Advance();
                    switch (Kind())
                    {
                        case TokenKind.Def: into.Add(ParseFunctionDef([], asyncTok)); return;
                        case TokenKind.For: into.Add(ParseFor(asyncTok)); return;
                        case TokenKind.With: into.Add(ParseWith(asyncTok)); return;
                        default: throw InvalidSyntax();
                    }
                }
            case TokenKind.Indent:
                if (_matchWithoutColon >= 0 && _p - 1 == _matchWithoutColon)
                {
                    // The INDENT has no column in CPython: it reports where its tokenizer stands.
                    var indent = Peek();
                    throw new PythonSyntaxException("SyntaxError", "expected ':'", indent.Line, indent.EndCol, indent.Line, -1);
                }
                throw ErrorAt(Peek(), "unexpected indent");
            case TokenKind.Name:
                if (IsName(0, "match") && TryParseMatch() is { } match) { into.Add(match); return; }
                break;
        }
        ParseSimpleStatements(into);
    }

    void ParseSimpleStatements(List<Stmt> into)
    {
        while (true)
        {
            into.Add(ParseSimpleStatement());
            if (Accept(TokenKind.Semi))
            {
                if (Kind() == TokenKind.Newline) break;
                continue;
            }
            break;
        }
        if (Kind() != TokenKind.Newline) throw InvalidStatementEnd();
        _p++;
    }

    PythonSyntaxException InvalidStatementEnd()
    {
        // CPython's "invalid_*" rules give better messages for a few common mistakes.
        var t = Peek();
        if (t.Kind == TokenKind.Indent) return ErrorAt(t, "unexpected indent");
        return InvalidSyntax();
    }

    Stmt ParseSimpleStatement()
    {
        var start = Peek();
        switch (start.Kind)
        {
            case TokenKind.Pass: _p++; return new StmtPass(start.Line, start.Col, start.EndLine, start.EndCol);
            case TokenKind.Break: _p++; return new StmtBreak(start.Line, start.Col, start.EndLine, start.EndCol);
            case TokenKind.Continue: _p++; return new StmtContinue(start.Line, start.Col, start.EndLine, start.EndCol);
            case TokenKind.Return:
                {
                    _p++;
                    Expr? value = StartsExpression(Kind()) ? ParseStarExpressions() : null;
                    return new StmtReturn(value, start.Line, start.Col, Last.EndLine, Last.EndCol);
                }
            case TokenKind.Raise: return ParseRaise();
            case TokenKind.Global:
            case TokenKind.Nonlocal:
                {
                    _p++;
                    var names = new List<string>();
                    do names.Add(NameText(Expect(TokenKind.Name))); while (Accept(TokenKind.Comma));
                    return start.Kind == TokenKind.Global
                        ? new StmtGlobal(names.ToArray(), start.Line, start.Col, Last.EndLine, Last.EndCol)
                        : new StmtNonlocal(names.ToArray(), start.Line, start.Col, Last.EndLine, Last.EndCol);
                }
            case TokenKind.Del: return ParseDel();
            case TokenKind.Assert:
                {
                    _p++;
                    var test = ParseExpression();
                    Expr? msg = Accept(TokenKind.Comma) ? ParseExpression() : null;
                    return new StmtAssert(test, msg, start.Line, start.Col, Last.EndLine, Last.EndCol);
                }
            case TokenKind.Import: return ParseImport();
            case TokenKind.From: return ParseFromImport();
            case TokenKind.Name:
                if (IsName(0, "type") && Kind(1) == TokenKind.Name && Kind(2) is TokenKind.Equal or TokenKind.LSqb)
                    return ParseTypeAlias();
                break;
        }
        return ParseExpressionStatement();
    }

    static bool StartsExpression(TokenKind k) => k switch
    {
        TokenKind.Newline or TokenKind.Semi or TokenKind.EndMarker or TokenKind.RPar or TokenKind.RSqb
            or TokenKind.RBrace or TokenKind.Colon or TokenKind.Comma or TokenKind.Equal or TokenKind.Dedent
            or TokenKind.Indent => false,
        _ => true,
    };

    Stmt ParseExpressionStatement()
    {
        var start = Peek();
        Expr first = Kind() == TokenKind.Yield ? ParseYieldExpression() : ParseStarExpressions();
        var k = Kind();
        if (k == TokenKind.Colon)
        {
            _p++;
            var target = ToAnnotationTarget(first, start);
            var annotation = ParseExpression();
            Expr? value = null;
            if (Accept(TokenKind.Equal))
                value = Kind() == TokenKind.Yield ? ParseYieldExpression() : ParseStarExpressions();
            int simple = target is ExprName && start.Kind != TokenKind.LPar ? 1 : 0;
            return new StmtAnnAssign(target, annotation, value, simple, start.Line, start.Col, Last.EndLine, Last.EndCol);
        }
        if (k == TokenKind.Equal)
        {
            var targets = new List<Expr> { ToStore(first, TargetUse.Assign) };
            Expr value;
            while (true)
            {
                _p++; // '='
                value = Kind() == TokenKind.Yield ? ParseYieldExpression() : ParseStarExpressions();
                if (Kind() != TokenKind.Equal) break;
                if (value is ExprYield or ExprYieldFrom)
                    throw ErrorAt((PositionedNode)value, "assignment to yield expression not possible");
                targets.Add(ToStore(value, TargetUse.Assign));
            }
            return new StmtAssign(targets.ToArray(), value, null, start.Line, start.Col, Last.EndLine, Last.EndCol);
        }
        if (AugmentedOperator(k) is Operator op)
        {
            _p++;
            var target = ToAugTarget(first);
            var value = Kind() == TokenKind.Yield ? ParseYieldExpression() : ParseStarExpressions();
            return new StmtAugAssign(target, op, value, start.Line, start.Col, Last.EndLine, Last.EndCol);
        }
        if (k == TokenKind.ColonEqual && first is ExprName)
            throw InvalidSyntax();
        if (first is ExprName { Id: "print" or "exec" } && StartsExpression(k) && k is not (TokenKind.LPar or TokenKind.LSqb or TokenKind.Dot))
            throw ErrorAt(start, $"Missing parentheses in call to '{((ExprName)first).Id}'. Did you mean {((ExprName)first).Id}(...)?");
        return new StmtExpr(first, start.Line, start.Col, Last.EndLine, Last.EndCol);
    }

    static Operator? AugmentedOperator(TokenKind k) => k switch
    {
        TokenKind.PlusEqual => Operator.Add,
        TokenKind.MinEqual => Operator.Sub,
        TokenKind.StarEqual => Operator.Mult,
        TokenKind.AtEqual => Operator.MatMult,
        TokenKind.SlashEqual => Operator.Div,
        TokenKind.PercentEqual => Operator.Mod,
        TokenKind.AmperEqual => Operator.BitAnd,
        TokenKind.VBarEqual => Operator.BitOr,
        TokenKind.CircumflexEqual => Operator.BitXor,
        TokenKind.LeftShiftEqual => Operator.LShift,
        TokenKind.RightShiftEqual => Operator.RShift,
        TokenKind.DoubleStarEqual => Operator.Pow,
        TokenKind.DoubleSlashEqual => Operator.FloorDiv,
        _ => null,
    };

    Stmt ParseRaise()
    {
        var start = Advance();
        Expr? exc = null, cause = null;
        if (StartsExpression(Kind()))
        {
            exc = ParseExpression();
            if (Accept(TokenKind.From)) cause = ParseExpression();
        }
        return new StmtRaise(exc, cause, start.Line, start.Col, Last.EndLine, Last.EndCol);
    }

    Stmt ParseDel()
    {
        var start = Advance();
        var targets = new List<Expr>();
        while (true)
        {
            if (Kind() == TokenKind.Star) throw ErrorAt(Peek(), "cannot delete starred");
            var e = ParseTargetPrimary();
            targets.Add(ToStore(e, TargetUse.Delete));
            if (!Accept(TokenKind.Comma)) break;
            if (!StartsExpression(Kind())) break;
        }
        if (Kind() is not (TokenKind.Newline or TokenKind.Semi)) throw InvalidSyntax();
        return new StmtDelete(targets.ToArray(), start.Line, start.Col, Last.EndLine, Last.EndCol);
    }

    Stmt ParseImport()
    {
        var start = Advance();
        var names = new List<Alias>();
        do
        {
            var first = Peek();
            string name = ParseDottedName();
            string? asname = null;
            if (Accept(TokenKind.As)) asname = NameText(Expect(TokenKind.Name));
            names.Add(new Alias(name, asname, first.Line, first.Col, Last.EndLine, Last.EndCol));
        }
        while (Accept(TokenKind.Comma));
        return new StmtImport(names.ToArray(), start.Line, start.Col, Last.EndLine, Last.EndCol);
    }

    string ParseDottedName()
    {
        var first = Expect(TokenKind.Name);
        if (Kind() != TokenKind.Dot) return NameText(first);
        var sb = new System.Text.StringBuilder(NameText(first));
        while (Accept(TokenKind.Dot)) sb.Append('.').Append(NameText(Expect(TokenKind.Name)));
        return sb.ToString();
    }

    Stmt ParseFromImport()
    {
        var start = Advance();
        int level = 0;
        while (true)
        {
            if (Accept(TokenKind.Dot)) level++;
            else if (Accept(TokenKind.Ellipsis)) level += 3;
            else break;
        }
        string? module = null;
        if (Kind() == TokenKind.Name) module = ParseDottedName();
        else if (level == 0) throw InvalidSyntax();
        Expect(TokenKind.Import);
        var names = new List<Alias>();
        if (Kind() == TokenKind.Star)
        {
            var star = Advance();
            names.Add(new Alias("*", null, star.Line, star.Col, star.EndLine, star.EndCol));
        }
        else
        {
            bool parens = Accept(TokenKind.LPar);
            while (true)
            {
                var n = Expect(TokenKind.Name);
                string? asname = null;
                if (Accept(TokenKind.As)) asname = NameText(Expect(TokenKind.Name));
                names.Add(new Alias(NameText(n), asname, n.Line, n.Col, Last.EndLine, Last.EndCol));
                if (!Accept(TokenKind.Comma)) break;
                if (parens && Kind() == TokenKind.RPar) break;
                if (!parens && Kind() is TokenKind.Newline or TokenKind.Semi)
                    throw ErrorAt(Last, "trailing comma not allowed without surrounding parentheses");
            }
            if (parens) Expect(TokenKind.RPar, "')'");
        }
        return new StmtImportFrom(module, names.ToArray(), level, start.Line, start.Col, Last.EndLine, Last.EndCol);
    }

    Stmt ParseTypeAlias()
    {
        var start = Advance(); // 'type'
        var nameTok = Advance();
        var name = new ExprName(NameText(nameTok), ExprContext.Store, nameTok.Line, nameTok.Col, nameTok.EndLine, nameTok.EndCol);
        var typeParams = Kind() == TokenKind.LSqb ? ParseTypeParams() : Array.Empty<TypeParam>();
        Expect(TokenKind.Equal);
        var value = ParseExpression();
        return new StmtTypeAlias(name, typeParams, value, start.Line, start.Col, Last.EndLine, Last.EndCol);
    }

    // ---- blocks ----------------------------------------------------------------

    /// <summary>A block after ':': an indented suite, or simple statements on the same line.</summary>
    Stmt[] ParseBlock(string what, Token header)
    {
        var body = new List<Stmt>();
        if (Kind() == TokenKind.Newline)
        {
            _p++;
            if (Kind() != TokenKind.Indent)
            {
                throw ExpectedBlock(Peek(), $"expected an indented block after {what} on line {header.Line}");
            }
            _p++;
            Enter();
            while (Kind() != TokenKind.Dedent && Kind() != TokenKind.EndMarker)
                ParseStatement(body);
            Exit();
            Accept(TokenKind.Dedent);
        }
        else
        {
            ParseSimpleStatements(body);
        }
        return body.ToArray();
    }

    Token ExpectColon() => Expect(TokenKind.Colon, "':'");

    // ---- compound statements ---------------------------------------------------

    Stmt ParseIf()
    {
        // elif chains are parsed iteratively (thousands of elifs must not recurse).
        var clauses = new List<(Token Start, Expr Test, Stmt[] Body)>();
        Stmt[] orelse = [];
        var head = Advance();
        var test = ParseNamedExpression();
        ExpectColon();
        clauses.Add((head, test, ParseBlock("'if' statement", head)));
        while (Kind() == TokenKind.Elif)
        {
            var e = Advance();
            var t = ParseNamedExpression();
            ExpectColon();
            clauses.Add((e, t, ParseBlock("'elif' statement", e)));
            if (clauses.Count > MaxNesting)
                throw new PythonSyntaxException("MemoryError", "Parser stack overflowed - Python source too complex to parse", null, null);
        }
        if (Kind() == TokenKind.Else)
        {
            var e = Advance();
            ExpectColon();
            orelse = ParseBlock("'else' statement", e);
        }
        // Every If of the chain (the elifs are nested Ifs) ends where the whole statement ends.
        var end = LastSignificant;
        Stmt result = null!;
        for (int i = clauses.Count - 1; i >= 0; i--)
        {
            var (start, t, body) = clauses[i];
            result = new StmtIf(t, body, orelse, start.Line, start.Col, end.EndLine, end.EndCol);
            orelse = [result];
        }
        return result;
    }

    Stmt ParseWhile()
    {
        var head = Advance();
        var test = ParseNamedExpression();
        ExpectColon();
        var body = ParseBlock("'while' statement", head);
        Stmt[] orelse = [];
        if (Kind() == TokenKind.Else)
        {
            var e = Advance();
            ExpectColon();
            orelse = ParseBlock("'else' statement", e);
        }
        var end = LastSignificant;
        return new StmtWhile(test, body, orelse, head.Line, head.Col, end.EndLine, end.EndCol);
    }

    Stmt ParseFor(Token? asyncTok)
    {
        var forTok = Advance();
        var start = asyncTok ?? forTok;
        var target = ParseStarTargets();
        Expect(TokenKind.In, "'in'");
        var iter = ParseStarExpressions();
        ExpectColon();
        var body = ParseBlock("'for' statement", forTok);
        Stmt[] orelse = [];
        if (Kind() == TokenKind.Else)
        {
            var e = Advance();
            ExpectColon();
            orelse = ParseBlock("'else' statement", e);
        }
        var end = LastSignificant;
        return asyncTok != null
            ? new StmtAsyncFor(target, iter, body, orelse, null, start.Line, start.Col, end.EndLine, end.EndCol)
            : new StmtFor(target, iter, body, orelse, null, start.Line, start.Col, end.EndLine, end.EndCol);
    }

    Stmt ParseWith(Token? asyncTok)
    {
        var withTok = Advance();
        var start = asyncTok ?? withTok;
        List<WithItem>? items = null;
        if (Kind() == TokenKind.LPar)
        {
            // 'with' '(' ','.with_item+ ','? ')' ':' — else the parenthesis belongs to an expression.
            int save = _p;
            try
            {
                _p++;
                var list = new List<WithItem>();
                while (true)
                {
                    list.Add(ParseWithItem());
                    if (!Accept(TokenKind.Comma)) break;
                    if (Kind() == TokenKind.RPar) break;
                }
                Expect(TokenKind.RPar);
                if (Kind() != TokenKind.Colon) throw InvalidSyntax();
                items = list;
            }
            catch (PythonSyntaxException)
            {
                _p = save;
                items = null;
            }
        }
        if (items == null)
        {
            items = [];
            do items.Add(ParseWithItem()); while (Accept(TokenKind.Comma));
        }
        ExpectColon();
        var body = ParseBlock("'with' statement", withTok);
        var end = LastSignificant;
        return asyncTok != null
            ? new StmtAsyncWith(items.ToArray(), body, null, start.Line, start.Col, end.EndLine, end.EndCol)
            : new StmtWith(items.ToArray(), body, null, start.Line, start.Col, end.EndLine, end.EndCol);
    }

    WithItem ParseWithItem()
    {
        var context = ParseExpression();
        Expr? vars = null;
        if (Accept(TokenKind.As))
        {
            vars = ToStore(ParseStarTarget(), TargetUse.With);
            if (Kind() is not (TokenKind.Comma or TokenKind.Colon or TokenKind.RPar)) throw InvalidSyntax();
        }
        return new WithItem(context, vars);
    }

    Stmt ParseTry()
    {
        var head = Advance();
        ExpectColon();
        var body = ParseBlock("'try' statement", head);
        var handlers = new List<ExceptHandler>();
        bool? star = null;
        while (Kind() == TokenKind.Except)
        {
            var exTok = Advance();
            bool isStar = Accept(TokenKind.Star);
            if (star.HasValue && star.Value != isStar)
                throw ErrorAt(exTok, "cannot have both 'except' and 'except*' on the same 'try'");
            star = isStar;
            Expr? type = null;
            string? name = null;
            if (Kind() != TokenKind.Colon)
            {
                type = ParseExpression();
                if (Kind() == TokenKind.Comma)
                    throw ErrorAt(type, "multiple exception types must be parenthesized");
                if (Accept(TokenKind.As)) name = NameText(Expect(TokenKind.Name));
            }
            else if (isStar)
            {
                throw ErrorAt(Peek(), "expected one or more exception types");
            }
            ExpectColon();
            var hbody = ParseBlock(isStar ? "'except*' statement" : "'except' statement", exTok);
            handlers.Add(new ExceptHandler(type, name, hbody, exTok.Line, exTok.Col, LastSignificant.EndLine, LastSignificant.EndCol));
        }
        Stmt[] orelse = [], finalbody = [];
        if (handlers.Count > 0 && Kind() == TokenKind.Else)
        {
            var e = Advance();
            ExpectColon();
            orelse = ParseBlock("'else' statement", e);
        }
        if (Kind() == TokenKind.Finally)
        {
            var f = Advance();
            ExpectColon();
            finalbody = ParseBlock("'finally' statement", f);
        }
        if (handlers.Count == 0 && finalbody.Length == 0)
            throw ErrorAt(Peek(), "expected 'except' or 'finally' block");
        var end = LastSignificant;
        return star == true
            ? new StmtTryStar(body, handlers.ToArray(), orelse, finalbody, head.Line, head.Col, end.EndLine, end.EndCol)
            : new StmtTry(body, handlers.ToArray(), orelse, finalbody, head.Line, head.Col, end.EndLine, end.EndCol);
    }

    Stmt ParseDecorated()
    {
        var decorators = new List<Expr>();
        while (Accept(TokenKind.At))
        {
            decorators.Add(ParseNamedExpression());
            Expect(TokenKind.Newline);
        }
        switch (Kind())
        {
            case TokenKind.Def: return ParseFunctionDef(decorators.ToArray(), null);
            case TokenKind.Class: return ParseClassDef(decorators.ToArray());
            case TokenKind.Async when Kind(1) == TokenKind.Def:
                var a = Advance();
                return ParseFunctionDef(decorators.ToArray(), a);
            default: throw InvalidSyntax();
        }
    }

    Stmt ParseFunctionDef(Expr[] decorators, Token? asyncTok)
    {
        var defTok = Advance();
        var start = asyncTok ?? defTok;
        var name = NameText(Expect(TokenKind.Name));
        var typeParams = Kind() == TokenKind.LSqb ? ParseTypeParams() : Array.Empty<TypeParam>();
        Expect(TokenKind.LPar, "'('");
        var args = ParseParameters(TokenKind.RPar, allowAnnotations: true);
        Expect(TokenKind.RPar, "')'");
        Expr? returns = null;
        if (Accept(TokenKind.RArrow)) returns = ParseExpression();
        ExpectColon();
        var body = ParseBlock("function definition", defTok);
        var end = LastSignificant;
        return asyncTok != null
            ? new StmtAsyncFunctionDef(name, args, body, decorators, returns, null, typeParams, start.Line, start.Col, end.EndLine, end.EndCol)
            : new StmtFunctionDef(name, args, body, decorators, returns, null, typeParams, start.Line, start.Col, end.EndLine, end.EndCol);
    }

    Stmt ParseClassDef(Expr[] decorators)
    {
        var classTok = Advance();
        var name = NameText(Expect(TokenKind.Name));
        var typeParams = Kind() == TokenKind.LSqb ? ParseTypeParams() : Array.Empty<TypeParam>();
        Expr[] bases = [];
        Keyword[] keywords = [];
        if (Kind() == TokenKind.LPar)
        {
            var open = Advance();
            (bases, keywords) = ParseCallArguments(open, allowGenerator: false);
            Expect(TokenKind.RPar, "')'");
        }
        ExpectColon();
        var body = ParseBlock("class definition", classTok);
        var end = LastSignificant;
        return new StmtClassDef(name, bases, keywords, body, decorators, typeParams, classTok.Line, classTok.Col, end.EndLine, end.EndCol);
    }

    TypeParam[] ParseTypeParams()
    {
        Expect(TokenKind.LSqb);
        var list = new List<TypeParam>();
        while (Kind() != TokenKind.RSqb)
        {
            var start = Peek();
            if (Accept(TokenKind.Star))
            {
                var n = Expect(TokenKind.Name);
                if (Kind() == TokenKind.Colon) throw ErrorAt(Peek(), "cannot use bound with TypeVarTuple");
                Expr? def = null;
                if (Accept(TokenKind.Equal)) def = Kind() == TokenKind.Star ? ParseStarExpression() : ParseExpression();
                list.Add(new TypeParamTypeVarTuple(NameText(n), def, start.Line, start.Col, Last.EndLine, Last.EndCol));
            }
            else if (Accept(TokenKind.DoubleStar))
            {
                var n = Expect(TokenKind.Name);
                if (Kind() == TokenKind.Colon) throw ErrorAt(Peek(), "cannot use bound with ParamSpec");
                Expr? def = Accept(TokenKind.Equal) ? ParseExpression() : null;
                list.Add(new TypeParamParamSpec(NameText(n), def, start.Line, start.Col, Last.EndLine, Last.EndCol));
            }
            else
            {
                var n = Expect(TokenKind.Name);
                Expr? bound = Accept(TokenKind.Colon) ? ParseExpression() : null;
                Expr? def = Accept(TokenKind.Equal) ? ParseExpression() : null;
                list.Add(new TypeParamTypeVar(NameText(n), bound, def, start.Line, start.Col, Last.EndLine, Last.EndCol));
            }
            if (!Accept(TokenKind.Comma)) break;
        }
        if (list.Count == 0) throw ErrorAt(Peek(), "Type parameter list cannot be empty");
        Expect(TokenKind.RSqb, "']'");
        return list.ToArray();
    }

    /// <summary>
    /// Parameters of a def (up to ')') or a lambda (up to ':'), with CPython's ordering
    /// rules: positional-only before '/', defaults once started must continue, a bare '*'
    /// needs keyword-only parameters after it, nothing after '**kwargs'.
    /// </summary>
    Arguments ParseParameters(TokenKind close, bool allowAnnotations)
    {
        var posonly = new List<Arg>();
        var args = new List<Arg>();
        var defaults = new List<Expr>();
        var kwonly = new List<Arg>();
        var kwDefaults = new List<Expr?>();
        Arg? vararg = null, kwarg = null;
        bool seenSlash = false, seenStar = false, seenDefault = false;
        while (Kind() != close)
        {
            var t = Peek();
            if (kwarg != null) throw ErrorAt(t, "arguments cannot follow var-keyword argument");
            if (t.Kind == TokenKind.Slash)
            {
                if (seenSlash) throw ErrorAt(t, "/ may appear only once");
                if (seenStar) throw ErrorAt(t, "/ must be ahead of *");
                if (args.Count == 0) throw InvalidSyntax();
                _p++;
                seenSlash = true;
                posonly.AddRange(args);
                args.Clear();
            }
            else if (t.Kind == TokenKind.Star)
            {
                if (seenStar) throw ErrorAt(t, "* argument may appear only once");
                _p++;
                seenStar = true;
                if (Kind() == TokenKind.Name) vararg = ParseParam(allowAnnotations, starAnnotation: true);
                else if (Kind() == TokenKind.Comma && (Kind(1) == close || Kind(1) == TokenKind.DoubleStar) || Kind() == close)
                    throw ErrorAt(Peek(), "named arguments must follow bare *");
                else if (Kind() != TokenKind.Comma) throw InvalidSyntax();
            }
            else if (t.Kind == TokenKind.DoubleStar)
            {
                _p++;
                kwarg = ParseParam(allowAnnotations, starAnnotation: false);
                if (Kind() == TokenKind.Equal) throw ErrorAt(Peek(), "var-keyword argument cannot have default value");
            }
            else if (t.Kind == TokenKind.Name)
            {
                var p = ParseParam(allowAnnotations, starAnnotation: false);
                Expr? def = null;
                if (Accept(TokenKind.Equal)) def = ParseExpression();
                if (seenStar)
                {
                    kwonly.Add(p);
                    kwDefaults.Add(def);
                }
                else
                {
                    if (def != null) { defaults.Add(def); seenDefault = true; }
                    else if (seenDefault) throw ErrorAt(p, "parameter without a default follows parameter with a default");
                    args.Add(p);
                }
            }
            else throw InvalidSyntax();
            if (!Accept(TokenKind.Comma)) break;
        }
        if (seenStar && vararg == null && kwonly.Count == 0)
            throw ErrorAt(Peek(), "named arguments must follow bare *");
        if (vararg != null && Kind() == TokenKind.Equal) throw ErrorAt(Peek(), "var-positional argument cannot have default value");
        return new Arguments(posonly.ToArray(), args.ToArray(), vararg, kwonly.ToArray(), kwDefaults.ToArray(), kwarg, defaults.ToArray());
    }

    Arg ParseParam(bool allowAnnotations, bool starAnnotation)
    {
        var n = Expect(TokenKind.Name);
        Expr? annotation = null;
        if (allowAnnotations && Accept(TokenKind.Colon))
            annotation = starAnnotation && Kind() == TokenKind.Star ? ParseStarExpression() : ParseExpression();
        return new Arg(NameText(n), annotation, null, n.Line, n.Col, Last.EndLine, Last.EndCol);
    }
}
