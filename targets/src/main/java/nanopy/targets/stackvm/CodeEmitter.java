package nanopy.targets.stackvm;

import io.vavr.collection.List;
import java.util.ArrayDeque;
import java.util.Deque;
import nanopy.ir.Span;
import nanopy.py.Closed;
import nanopy.py.Closed.Expr;
import nanopy.py.Closed.Stmt;
import nanopy.py.Closed.Target;
import nanopy.py.PyTyped.PrimOp;
import nanopy.stackvm.StackCode.BoolConst;
import nanopy.stackvm.StackCode.CodeConst;
import nanopy.stackvm.StackCode.Const;
import nanopy.stackvm.StackCode.FloatConst;
import nanopy.stackvm.StackCode.IntConst;
import nanopy.stackvm.StackCode.NoneConst;
import nanopy.stackvm.StackCode.Opcode;
import nanopy.stackvm.StackCode.StrConst;

/**
 * Compiles the statements and expressions of one function (or of the module's top level) of a
 * {@link Closed} program into stack code, the way CPython's compiler does: an expression leaves
 * its value on the operand stack, a statement leaves the stack as it found it, and control flow
 * is conditional and relative jumps. Loops are tested at the top. {@code try} sets up handlers on
 * the VM's block stack (SETUP_FINALLY / POP_BLOCK, as CPython 3.10 did), and a {@code finally}
 * body is compiled once more on every way out of its try.
 */
final class CodeEmitter {
    /** A loop's labels, and how many handlers were set up when it started (break and continue leave the others). */
    private record Loop(Assembler.Label top, Assembler.Label exit, int handlers) {}

    /** A handler set up by SETUP_FINALLY: of except clauses, or of a finally body (run again by a jump out of it). */
    private record Handler(List<Stmt> finalbody) {}

    private final Assembler asm;
    private final Deque<Loop> loops = new ArrayDeque<>();
    /** The handlers set up around the code being compiled, innermost last. */
    private final java.util.ArrayList<Handler> handlers = new java.util.ArrayList<>();
    private int caught;

    CodeEmitter(Assembler asm) {
        this.asm = asm;
    }

    /** Compiles a body and the implicit {@code return None} at its end. */
    void body(List<Stmt> body, Span end) {
        stmts(body);
        constant(new NoneConst(Span.NONE), end);
        asm.emit(Opcode.RETURN_VALUE, end);
    }

    private void stmts(List<Stmt> body) {
        body.forEach(this::stmt);
    }

    private void stmt(Stmt s) {
        Span outer = asm.enter(s.span());
        statement(s);
        asm.leave(outer);
    }

    private void statement(Stmt s) {
        Span at = s.span();
        switch (s) {
            case Closed.Return(var value, var sp) -> {
                expr(value);
                leaveHandlers(0, sp);
                asm.emit(Opcode.RETURN_VALUE, sp);
            }
            case Closed.Assign(var targets, var value, var sp) -> {
                expr(value);
                for (Target t : targets.init()) {
                    asm.emit(Opcode.COPY, 1, sp);
                    store(t);
                }
                store(targets.last());
            }
            case Closed.If(var test, var then, var orelse, var sp) -> {
                Assembler.Label other = asm.label();
                expr(test);
                asm.jump(Opcode.POP_JUMP_IF_FALSE, other, sp);
                stmts(then);
                if (orelse.isEmpty()) {
                    asm.place(other);
                } else {
                    Assembler.Label end = asm.label();
                    asm.jump(Opcode.JUMP_FORWARD, end, sp);
                    asm.place(other);
                    stmts(orelse);
                    asm.place(end);
                }
            }
            case Closed.While(var test, var body, var sp) -> {
                Loop loop = new Loop(asm.label(), asm.label(), handlers.size());
                asm.place(loop.top());
                expr(test);
                asm.jump(Opcode.POP_JUMP_IF_FALSE, loop.exit(), sp);
                loops.push(loop);
                stmts(body);
                loops.pop();
                asm.jump(Opcode.JUMP_FORWARD, loop.top(), sp);
                asm.place(loop.exit());
            }
            case Closed.ExprStmt(Closed.Prim(var op, var args, var type, var psp), var sp) when op == PrimOp.ListAppend -> {
                expr(args.get(0));
                expr(args.get(1));
                asm.emit(Opcode.LIST_APPEND, 1, psp);
                asm.emit(Opcode.POP_TOP, sp);
            }
            case Closed.ExprStmt(var value, var sp) -> {
                expr(value);
                asm.emit(Opcode.POP_TOP, sp);
            }
            case Closed.Pass(var sp) -> asm.emit(Opcode.NOP, sp);
            case Closed.Break(var sp) -> {
                leaveHandlers(innermost(at).handlers(), sp);
                asm.jump(Opcode.JUMP_FORWARD, innermost(at).exit(), sp);
            }
            case Closed.Continue(var sp) -> {
                leaveHandlers(innermost(at).handlers(), sp);
                asm.jump(Opcode.JUMP_FORWARD, innermost(at).top(), sp);
            }
            case Closed.Raise(var exc, var sp) -> {
                expr(exc);
                asm.emit(Opcode.RAISE_VARARGS, 1, sp);
            }
            case Closed.Try t -> tryFinally(t);
        }
    }

    /**
     * Before a jump out of the handlers above the first {@code keep}: each one's POP_BLOCK and, for
     * a finally, its body (compiled outside that handler).
     */
    private void leaveHandlers(int keep, Span sp) {
        java.util.ArrayList<Handler> saved = new java.util.ArrayList<>(handlers);
        for (int i = saved.size() - 1; i >= keep; i--) {
            asm.emit(Opcode.POP_BLOCK, sp);
            handlers.subList(i, handlers.size()).clear();
            stmts(saved.get(i).finalbody());
        }
        handlers.clear();
        handlers.addAll(saved);
    }

    /**
     * {@code try ... finally F}, as CPython 3.10 compiles it: SETUP_FINALLY around the rest, F after
     * it completes, and a handler that keeps the exception in a fresh local, runs F and raises it
     * again (jumps out of the try run F on their way, {@link #leaveHandlers}).
     */
    private void tryFinally(Closed.Try t) {
        if (t.finalbody().isEmpty()) {
            tryExcept(t);
            return;
        }
        Span sp = t.span();
        Assembler.Label handler = asm.label();
        Assembler.Label end = asm.label();
        asm.jump(Opcode.SETUP_FINALLY, handler, sp);
        handlers.add(new Handler(t.finalbody()));
        tryExcept(t);
        handlers.removeLast();
        asm.emit(Opcode.POP_BLOCK, sp);
        stmts(t.finalbody());
        asm.jump(Opcode.JUMP_FORWARD, end, sp);
        asm.place(handler);
        int exc = asm.newLocal("exc%" + ++caught);
        asm.emit(Opcode.STORE_FAST, exc, sp);
        stmts(t.finalbody());
        asm.emit(Opcode.LOAD_FAST, exc, sp);
        asm.emit(Opcode.RAISE_VARARGS, 1, sp);
        asm.place(end);
    }

    /**
     * {@code try} with except clauses and {@code else}: SETUP_FINALLY around the body; the handler
     * keeps the exception in a fresh local and tests each clause's classes ({@code ExcMatches}),
     * raising it again when none matches.
     */
    private void tryExcept(Closed.Try t) {
        if (t.handlers().isEmpty()) {
            stmts(t.body());
            stmts(t.orelse());
            return;
        }
        Span sp = t.span();
        Assembler.Label handler = asm.label();
        Assembler.Label end = asm.label();
        asm.jump(Opcode.SETUP_FINALLY, handler, sp);
        handlers.add(new Handler(List.empty()));
        stmts(t.body());
        handlers.removeLast();
        asm.emit(Opcode.POP_BLOCK, sp);
        stmts(t.orelse());
        asm.jump(Opcode.JUMP_FORWARD, end, sp);
        asm.place(handler);
        int exc = asm.newLocal("exc%" + ++caught);
        asm.emit(Opcode.STORE_FAST, exc, sp);
        for (Closed.ExceptClause h : t.handlers()) {
            Span hsp = h.span();
            Assembler.Label body = asm.label();
            Assembler.Label next = asm.label();
            for (String cls : h.classes()) {
                asm.emit(Opcode.LOAD_FAST, exc, hsp);
                constant(new StrConst(cls, Span.NONE), hsp);
                asm.emit(Opcode.CALL_INTRINSIC, PrimOp.ExcMatches.ordinal(), hsp);
                asm.jump(Opcode.POP_JUMP_IF_TRUE, body, hsp);
            }
            if (!h.classes().isEmpty()) {
                asm.jump(Opcode.JUMP_FORWARD, next, hsp);
            }
            asm.place(body);
            asm.emit(Opcode.LOAD_FAST, exc, hsp);
            store(h.target());
            stmts(h.body());
            asm.jump(Opcode.JUMP_FORWARD, end, hsp);
            asm.place(next);
        }
        asm.emit(Opcode.LOAD_FAST, exc, sp);
        asm.emit(Opcode.RAISE_VARARGS, 1, sp);
        asm.place(end);
    }

    private Loop innermost(Span at) {
        if (loops.isEmpty()) {
            throw new IllegalStateException("break or continue outside a loop at " + at);
        }
        return loops.peek();
    }

    /** Stores the value on top of the stack into {@code t}. */
    private void store(Target t) {
        Span outer = asm.enter(t.span());
        assign(t);
        asm.leave(outer);
    }

    private void assign(Target t) {
        switch (t) {
            case Closed.VarTarget(var name, var type, var sp) -> asm.emit(Opcode.STORE_FAST, asm.local(name), sp);
            case Closed.GlobalTarget(var name, var type, var sp) -> asm.emit(Opcode.STORE_GLOBAL, asm.name(name), sp);
            case Closed.ItemTarget(var list, var index, var type, var sp) -> {
                expr(list);
                expr(index);
                asm.emit(Opcode.STORE_SUBSCR_LIST_INT, sp);
            }
            case Closed.RecordTarget(var env, var hops, var slot, var type, var sp) -> {
                record(env, hops, sp);
                asm.emit(Opcode.STORE_SLOT, slot, sp);
            }
            case Closed.UnpackTarget(var elts, var sp) -> {
                asm.emit(Opcode.UNPACK_SEQUENCE, elts.size(), sp);
                elts.forEach(this::store);
            }
        }
    }

    /** Pushes the record {@code hops} static links out from {@code env}. */
    private void record(Expr env, int hops, Span sp) {
        expr(env);
        for (int i = 0; i < hops; i++) {
            asm.emit(Opcode.LOAD_LINK, sp);
        }
    }

    private void constant(Const c, Span at) {
        asm.emit(Opcode.LOAD_CONST, asm.constant(c), at);
    }

    private void expr(Expr e) {
        Span outer = asm.enter(e.span());
        expression(e);
        asm.leave(outer);
    }

    private void expression(Expr e) {
        switch (e) {
            case Closed.IntLit(var v, var sp) -> constant(new IntConst(v, Span.NONE), sp);
            case Closed.FloatLit(var v, var sp) -> constant(new FloatConst(v, Span.NONE), sp);
            case Closed.BoolLit(var v, var sp) -> constant(new BoolConst(v, Span.NONE), sp);
            case Closed.StrLit(var v, var sp) -> constant(new StrConst(v, Span.NONE), sp);
            case Closed.NoneLit(var sp) -> constant(new NoneConst(Span.NONE), sp);
            case Closed.Var(var name, var type, var sp) -> asm.emit(Opcode.LOAD_FAST, asm.local(name), sp);
            case Closed.GlobalVar(var name, var type, var sp) -> asm.emit(Opcode.LOAD_GLOBAL, asm.name(name), sp);
            case Closed.Prim(var op, var args, var type, var sp) -> prim(op, args, sp);
            case Closed.IfExp(var test, var then, var orelse, var type, var sp) -> {
                Assembler.Label other = asm.label();
                Assembler.Label end = asm.label();
                expr(test);
                asm.jump(Opcode.POP_JUMP_IF_FALSE, other, sp);
                expr(then);
                asm.jump(Opcode.JUMP_FORWARD, end, sp);
                asm.place(other);
                expr(orelse);
                asm.place(end);
            }
            case Closed.ListLit(var elts, var type, var sp) -> {
                elts.forEach(this::expr);
                asm.emit(Opcode.BUILD_LIST, elts.size(), sp);
            }
            case Closed.TupleLit(var elts, var type, var sp) -> {
                elts.forEach(this::expr);
                asm.emit(Opcode.BUILD_TUPLE, elts.size(), sp);
            }
            case Closed.TupleGet(var tuple, var index, var type, var sp) -> {
                expr(tuple);
                asm.emit(Opcode.BINARY_SUBSCR_TUPLE_INT, index, sp);
            }
            case Closed.Call(var fn, var args, var type, var sp) -> {
                expr(fn);
                args.forEach(this::expr);
                asm.emit(Opcode.CALL, args.size(), sp);
            }
            case Closed.Print(var args, var sep, var end, var sp) -> {
                args.forEach(this::expr);
                expr(sep);
                expr(end);
                asm.emit(Opcode.CALL_PRINT, args.size(), sp);
            }
            case Closed.Begin(var body, var result, var sp) -> {
                stmts(body);
                expr(result);
            }
            case Closed.RecordGet(var env, var hops, var slot, var type, var sp) -> {
                record(env, hops, sp);
                asm.emit(Opcode.LOAD_SLOT, slot, sp);
            }
            case Closed.MakeRecord(var link, var slots, var sp) -> {
                expr(link);
                slots.forEach(this::expr);
                asm.emit(Opcode.BUILD_RECORD, slots.size(), sp);
            }
            case Closed.MakeClosure(var code, var env, var type, var sp) -> {
                expr(env);
                constant(new CodeConst(code, Span.NONE), sp);
                asm.emit(Opcode.MAKE_FUNCTION, sp);
            }
        }
    }

    private void prim(PrimOp op, List<Expr> args, Span sp) {
        args.forEach(this::expr);
        int given = args.size();
        if (op == PrimOp.Input && given == 0) {
            constant(new StrConst("", Span.NONE), sp);
            given = 1;
        }
        if (given != PrimOpcodes.arity(op)) {
            throw new IllegalStateException(op + " with " + given + " operands at " + sp);
        }
        asm.emit(PrimOpcodes.opcode(op), PrimOpcodes.argument(op), sp);
    }
}
