package nanopy.targets.stackvm;

import nanopy.ir.Span;
import nanopy.stackvm.StackCode.Opcode;

/**
 * A code object linked for execution: the instructions as parallel arrays, constants as run-time
 * values (a code constant is the linked {@code CodeObject}), global names resolved to slots of the
 * program's global table, and for each instruction its operation (a primitive of
 * {@link nanopy.py.interp.TargetRuntime} bound to the instruction's source span) where it has one.
 * Arrays are shared with the VM for speed and never modified after linking.
 */
final class CodeObject {
    final String name;
    final int argcount;
    final String[] varnames;
    final int frameSize;
    final Opcode[] ops;
    final int[] args;
    final Span[] spans;
    final Object[] operations;
    final Object[] consts;
    final String[] names;
    final int[] globals;

    CodeObject(String name, int argcount, String[] varnames, int maxStack, Opcode[] ops, int[] args, Span[] spans,
            Object[] operations, Object[] consts, String[] names, int[] globals) {
        this.name = name;
        this.argcount = argcount;
        this.varnames = varnames;
        this.frameSize = varnames.length + maxStack;
        this.ops = ops;
        this.args = args;
        this.spans = spans;
        this.operations = operations;
        this.consts = consts;
        this.names = names;
        this.globals = globals;
    }

    /** A closure: this code over an activation record (or None for a function of the module). */
    record Closure(CodeObject code, Object env) {}
}
