package nanopy.targets.jvm;

import java.lang.constant.ClassDesc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nanopy.ir.Span;
import nanopy.py.Blocks;
import nanopy.py.Closed;
import nanopy.py.PyTyped.PrimOp;

/**
 * What the methods of one program share while they are emitted: the kinds of the module's
 * variables, each function's signature, the call interfaces used, and the boxed primitives (call
 * sites of the shared run-time library's {@code TargetRuntime.operation}) that {@code npy/Ops}
 * must create.
 */
final class ProgramModel {
    /** A function's erased signature (without the static link). */
    record Signature(List<Kind> params, Kind result) {
        ClassDesc callInterface() {
            return Names.callInterface(params, result);
        }
    }

    /** A boxed primitive call site: {@code npy/Ops.a<index>}. */
    record BoxedOp(PrimOp op, int arity, Span span) {}

    final Map<String, Kind> globals = new LinkedHashMap<>();
    final Map<String, Signature> functions = new LinkedHashMap<>();
    final Map<ClassDesc, Signature> interfaces = new LinkedHashMap<>();
    final List<BoxedOp> ops = new ArrayList<>();
    final KnownFunctions known;

    ProgramModel(Blocks.Module m) {
        for (Closed.Local g : m.globals()) {
            globals.put(g.name(), Kind.of(g.type()));
        }
        for (Blocks.Def d : m.defs()) {
            Signature s = new Signature(d.params().tail().map(p -> Kind.of(p.type())).toJavaList(), Kind.of(d.result()));
            functions.put(d.name(), s);
            interfaces.putIfAbsent(s.callInterface(), s);
        }
        known = new KnownFunctions(m);
        for (Blocks.Def d : m.defs()) {
            d.blocks().forEach(this::scanCalls);
        }
        m.body().forEach(this::scanCalls);
    }

    /** Registers the call interfaces of the calls in {@code b}. */
    private void scanCalls(Blocks.Block b) {
        for (Blocks.Stmt s : b.body()) {
            Blocks.Expr e = switch (s) {
                case Blocks.Assign a -> a.value();
                case Blocks.ExprStmt x -> x.value();
                case Blocks.Init i -> i.value();
                case Blocks.Catch c -> new Blocks.NoneLit(c.span());
            };
            if (e instanceof Blocks.Call c) {
                signatureOf(typeOf(c.fn()));
            }
        }
        if (b.tail() instanceof Blocks.TailCall c) {
            signatureOf(typeOf(c.fn()));
        }
    }

    /** The static type of an atom. */
    static Closed.Type typeOf(Blocks.Atom a) {
        return switch (a) {
            case Blocks.IntLit i -> new Closed.IntType(i.span());
            case Blocks.FloatLit f -> new Closed.FloatType(f.span());
            case Blocks.BoolLit b -> new Closed.BoolType(b.span());
            case Blocks.StrLit s -> new Closed.StrType(s.span());
            case Blocks.NoneLit n -> new Closed.NoneType(n.span());
            case Blocks.Var v -> v.type();
        };
    }

    /** The signature of closures of type {@code fun} (a FunType). */
    Signature signatureOf(Closed.Type fun) {
        if (!(fun instanceof Closed.FunType f)) {
            throw new IllegalStateException("a call of a value of type " + fun + ", not a function");
        }
        Signature s = new Signature(f.params().map(Kind::of).toJavaList(), Kind.of(f.result()));
        interfaces.putIfAbsent(s.callInterface(), s);
        return s;
    }

    /** Registers a boxed primitive call site; returns its field name in {@code npy/Ops}. */
    String boxedOp(PrimOp op, int arity, Span span) {
        ops.add(new BoxedOp(op, arity, span));
        return "a" + (ops.size() - 1);
    }
}
