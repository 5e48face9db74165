package nanopy.passes.front;

import io.vavr.collection.List;
import io.vavr.control.Option;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.PyCore;
import nanopy.py.PyResolved;
import nanopy.py.PyResolvedWalker;
import nanopy.py.PyTyped;
import nanopy.py.PyTypes;

/**
 * The NanoPy type checker: from the resolved program to PyTyped, in which every operator is a typed
 * primitive, every builtin call is explicit and every expression's type is known. Rules (LANGUAGE.md):
 * parameters and results are annotated (no {@code ->} means None); a variable's type is its
 * annotation or the type of its first assignment, and it keeps it; an empty list takes its type
 * from the context; bool is not an int; int mixes with float as in Python. Every error of the run is
 * reported (up to {@link PassContext#MAX_ERRORS}), each at its own position: undefined-before-use,
 * arity, argument and return types, operators on wrong types, assignment of another type, calling a
 * non-function, subscripting a non-sequence, missing return.
 */
public final class CheckTypes implements Pass<PyResolved.Module, PyTyped.Module> {
    @Override
    public PyTyped.Module apply(PyResolved.Module program, PassContext ctx) {
        Typing typing = new Typing(ctx);
        declareFunctions(program, typing);
        ExprTyper exprs = new ExprTyper(typing);
        typing.openTemps();
        List<PyTyped.Stmt> body = new StmtTyper(typing, exprs, "<module>", Option.none()).block(program.body());
        List<PyTyped.Local> temps = typing.closeTemps();
        ctx.throwIfErrors();
        return new PyTyped.Module(body, exprs.locals(program.globals()).appendAll(temps), program.span());
    }

    @Override
    public String description() {
        return "check the types of NanoPy and make operators typed primitives and builtin calls explicit";
    }

    /** Gives every function its declared type up front, so calls may come before definitions. */
    private static void declareFunctions(PyResolved.Module program, Typing typing) {
        new PyResolvedWalker() {
            @Override
            protected void onFunctionDef(PyResolved.FunctionDef f) {
                List<PyCore.Type> params = f.params().map(p -> {
                    if (p.annotation().isEmpty()) {
                        typing.ctx.error(p.span(), "parameter " + Typing.userName(p.name()) + " of "
                                + Typing.userName(f.name()) + " has no type annotation");
                    }
                    return p.annotation().map(PyTypes::norm).getOrElse(PyTypes.NONE);
                });
                typing.declare(f.name(), PyTypes.fun(params, PyTypes.norm(f.returns())), false);
                typing.signatures.put(f.name(), f.params());
                super.onFunctionDef(f);
            }

            @Override
            protected void onClassDecl(PyResolved.ClassDecl c) {
                if (typing.classes.containsKey(c.name())) {
                    typing.ctx.error(c.span(), "class " + c.name() + " is defined twice");
                }
                typing.classes.put(c.name(), c.fields().map(p -> new PyResolved.Param(p.name(),
                        p.annotation().map(PyTypes::norm), p.defaultValue(), p.span())));
            }
        }.walk(program);
    }
}
