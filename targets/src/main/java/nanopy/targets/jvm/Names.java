package nanopy.targets.jvm;

import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.List;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.interp.PyStrings;
import nanopy.py.interp.PyTypedInterpreter;
import nanopy.py.interp.TargetRuntime;
import nanopy.targets.jvm.rt.Closure;
import nanopy.targets.jvm.rt.Rt;

/**
 * The names of the generated classes and of the run-time classes they use. All generated classes
 * live in package {@code npy}: {@code npy/Program} (the module's code, its variables and one
 * static method per function), {@code npy/Ops} (the shared run-time library's primitives that
 * run boxed, one field per call site), {@code npy/Fn$NAME} (the closure class of function NAME)
 * and {@code npy/Call$SIG} (the interface through which closures of one erased signature are
 * called, e.g. {@code Call$JJ_J} for {@code (long, long) -> long}).
 */
final class Names {
    private Names() {}

    static final ClassDesc PROGRAM = ClassDesc.ofInternalName("npy/Program");
    static final ClassDesc OPS = ClassDesc.ofInternalName("npy/Ops");
    static final ClassDesc RUNTIME = desc(TargetRuntime.class);
    static final ClassDesc APPLIER = desc(TargetRuntime.Applier.class);
    static final ClassDesc PRIM_OP = desc(PrimOp.class);
    static final ClassDesc SPAN = desc(Span.class);
    static final ClassDesc RT = desc(Rt.class);
    static final ClassDesc CLOSURE = desc(Closure.class);
    static final ClassDesc STRINGS = desc(PyStrings.class);
    static final ClassDesc STRING = desc(String.class);
    static final ClassDesc OBJECT = desc(Object.class);
    static final ClassDesc OBJECTS = OBJECT.arrayType();
    static final ClassDesc MATH = desc(Math.class);
    static final ClassDesc ERROR = desc(PyRuntimeError.class);

    /** The field that holds the run's {@link TargetRuntime} in {@code npy/Program}. */
    static final String RT_FIELD = "RT";
    /** The field of {@code npy/Program} that counts nested calls. */
    static final String DEPTH = "$depth";
    /** Nested calls allowed, as on every other target; one more raises RecursionError. */
    static final int RECURSION_LIMIT = PyTypedInterpreter.RECURSION_LIMIT;
    /** The method of {@code npy/Program} that runs the module's code. */
    static final String MODULE = "$module";

    static ClassDesc desc(Class<?> c) {
        return ClassDesc.ofDescriptor(c.descriptorString());
    }

    /** A NanoPy name as a JVM member name ({@code .} is not allowed there; Python names never contain {@code $}). */
    static String member(String name) {
        return name.replace('.', '$');
    }

    /** The closure class of function {@code def}. */
    static ClassDesc closureClass(String def) {
        return ClassDesc.ofInternalName("npy/Fn$" + member(def));
    }

    /** The call interface of closures with these parameter kinds and result kind. */
    static ClassDesc callInterface(List<Kind> params, Kind result) {
        StringBuilder sb = new StringBuilder("npy/Call$");
        params.forEach(k -> sb.append(k.letter));
        return ClassDesc.ofInternalName(sb.append('_').append(result.letter).toString());
    }

    /** The descriptor of {@code call} in a call interface. */
    static MethodTypeDesc callType(List<Kind> params, Kind result) {
        return MethodTypeDesc.of(result.desc, params.stream().map(k -> k.desc).toArray(ClassDesc[]::new));
    }

    /** The descriptor of a function's static method: the static link, then the parameters. */
    static MethodTypeDesc functionType(List<Kind> params, Kind result) {
        ClassDesc[] ps = new ClassDesc[params.size() + 1];
        ps[0] = OBJECT;
        for (int i = 0; i < params.size(); i++) {
            ps[i + 1] = params.get(i).desc;
        }
        return MethodTypeDesc.of(result.desc, ps);
    }
}
