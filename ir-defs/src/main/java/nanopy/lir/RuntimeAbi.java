package nanopy.lir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nanopy.py.PyTyped.PrimOp;

/**
 * The runtime ABI as data: every {@code nanopy_rt_*} routine a {@link Lir} program may call, with
 * the Python kind of each argument and of its result. {@code lower-to-lir} emits calls by this
 * table, the Lir interpreter implements it, and {@code docs/runtime-abi.md} documents each entry
 * (a test checks that it lists every one).
 *
 * <p>A routine made from a PyTyped primitive is named {@code nanopy_rt_} plus the primitive's name
 * in snake case ({@code StrConcat} is {@code nanopy_rt_str_concat}) and means what the primitive
 * means in LANGUAGE.md / PyTyped; a primitive whose meaning depends on an operand's static type
 * gets a suffix ({@code nanopy_rt_to_str_int}, {@code nanopy_rt_float_lt_if}).
 */
public final class RuntimeAbi {
    /** The Python-level kind of an argument or result; {@link #ty()} is its Lir representation. */
    public enum Kind {
        /** A Python int: I64. */
        INT,
        /** A Python bool: I64, 0 or 1. */
        BOOL,
        /** A Python float: F64. */
        FLOAT,
        /** Any heap object or None: Ptr (lists and tuples hold their elements boxed). */
        OBJ,
        /** No result. */
        VOID;

        /** The Lir type that represents this kind. */
        public Lir.Ty ty() {
            return switch (this) {
                case INT, BOOL -> Lir.Ty.I64;
                case FLOAT -> Lir.Ty.F64;
                case OBJ -> Lir.Ty.Ptr;
                case VOID -> Lir.Ty.Void;
            };
        }
    }

    /**
     * One routine.
     *
     * @param name its symbol, {@code nanopy_rt_...}
     * @param params the kinds of its arguments, in order
     * @param result the kind of its result
     * @param prim the PyTyped primitive it implements, if it is one
     */
    public record Routine(String name, List<Kind> params, Kind result, Optional<PrimOp> prim) {
        /** The C prototype the native runtimes implement, e.g. {@code int64_t nanopy_rt_str_len(void *)}. */
        public String prototype() {
            List<String> ps = new ArrayList<>();
            params.forEach(k -> ps.add(c(k)));
            return c(result) + " " + name + "(" + (ps.isEmpty() ? "void" : String.join(", ", ps)) + ")";
        }

        private static String c(Kind k) {
            return switch (k) {
                case INT, BOOL -> "int64_t";
                case FLOAT -> "double";
                case OBJ -> "void *";
                case VOID -> "void";
            };
        }
    }

    private static final Map<String, Routine> ROUTINES = new LinkedHashMap<>();

    private RuntimeAbi() {}

    private static void add(String name, Optional<PrimOp> prim, Kind result, Kind... params) {
        ROUTINES.put(name, new Routine(name, List.of(params), result, prim));
    }

    private static void prim(PrimOp op, Kind result, Kind... params) {
        add(name(op, ""), Optional.of(op), result, params);
    }

    private static void prim(PrimOp op, String suffix, Kind result, Kind... params) {
        add(name(op, suffix), Optional.of(op), result, params);
    }

    /** {@code nanopy_rt_} + {@code op} in snake case + {@code suffix}. */
    public static String name(PrimOp op, String suffix) {
        return "nanopy_rt_" + op.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT) + suffix;
    }

    static {
        Kind i = Kind.INT;
        Kind b = Kind.BOOL;
        Kind f = Kind.FLOAT;
        Kind o = Kind.OBJ;
        Kind v = Kind.VOID;
        for (PrimOp op : List.of(PrimOp.IntFloorDiv, PrimOp.IntMod, PrimOp.IntPow, PrimOp.IntMin, PrimOp.IntMax)) {
            prim(op, i, i, i);
        }
        prim(PrimOp.IntAbs, i, i);
        prim(PrimOp.IntTrueDiv, f, i, i);
        for (PrimOp op : List.of(PrimOp.FloatDiv, PrimOp.FloatFloorDiv, PrimOp.FloatMod, PrimOp.FloatPow, PrimOp.FloatMin, PrimOp.FloatMax)) {
            prim(op, f, f, f);
        }
        prim(PrimOp.FloatAbs, f, f);
        prim(PrimOp.FloatToInt, i, f);
        for (PrimOp op : List.of(PrimOp.FloatEq, PrimOp.FloatNe, PrimOp.FloatLt, PrimOp.FloatLe, PrimOp.FloatGt, PrimOp.FloatGe)) {
            prim(op, "_if", b, i, f);
            prim(op, "_fi", b, f, i);
        }
        for (PrimOp op : List.of(PrimOp.StrEq, PrimOp.StrNe, PrimOp.StrLt, PrimOp.StrLe, PrimOp.StrGt, PrimOp.StrGe,
                PrimOp.ValueEq, PrimOp.ValueNe, PrimOp.StrIn, PrimOp.StrNotIn, PrimOp.ListIn, PrimOp.ListNotIn)) {
            prim(op, b, o, o);
        }
        prim(PrimOp.Truthy, b, o);
        prim(PrimOp.ToStr, "_int", o, i);
        prim(PrimOp.ToStr, "_bool", o, b);
        prim(PrimOp.ToStr, "_float", o, f);
        prim(PrimOp.ToStr, "_obj", o, o);
        for (PrimOp op : List.of(PrimOp.StrConcat, PrimOp.StrJoin, PrimOp.StrSplitSep, PrimOp.ListConcat)) {
            prim(op, o, o, o);
        }
        for (PrimOp op : List.of(PrimOp.StrRepeat, PrimOp.StrIndex, PrimOp.ListRepeat, PrimOp.ListIndex, PrimOp.ListPopAt)) {
            prim(op, o, o, i);
        }
        prim(PrimOp.StrSlice, o, o, o, o);
        prim(PrimOp.ListSlice, o, o, o, o);
        for (PrimOp op : List.of(PrimOp.StrLen, PrimOp.ListLen, PrimOp.TupleLen, PrimOp.StrToInt, PrimOp.Ord)) {
            prim(op, i, o);
        }
        for (PrimOp op : List.of(PrimOp.StrSplit, PrimOp.StrStrip, PrimOp.ListPop)) {
            prim(op, o, o);
        }
        prim(PrimOp.StrToFloat, f, o);
        prim(PrimOp.Chr, o, i);
        prim(PrimOp.ListAppend, v, o, o);
        prim(PrimOp.ListExtend, v, o, o);
        prim(PrimOp.Input, o);
        prim(PrimOp.InputInt, i);
        prim(PrimOp.Raise, v, o);
        Optional<PrimOp> none = Optional.empty();
        add("nanopy_rt_box_int", none, o, i);
        add("nanopy_rt_box_bool", none, o, b);
        add("nanopy_rt_box_float", none, o, f);
        add("nanopy_rt_unbox_int", none, i, o);
        add("nanopy_rt_unbox_bool", none, b, o);
        add("nanopy_rt_unbox_float", none, f, o);
        add("nanopy_rt_list_new", none, o, i);
        add("nanopy_rt_list_init", none, v, o, i, o);
        add("nanopy_rt_list_set", none, v, o, i, o);
        add("nanopy_rt_tuple_new", none, o, i);
        add("nanopy_rt_tuple_init", none, v, o, i, o);
        add("nanopy_rt_tuple_get", none, o, o, i);
        add("nanopy_rt_record_new", none, o, i);
        add("nanopy_rt_closure_new", none, o, o);
        add("nanopy_rt_write", none, v, o);
    }

    /** Every routine, in the order of docs/runtime-abi.md's table. */
    public static List<Routine> all() {
        return List.copyOf(ROUTINES.values());
    }

    /** The routine called {@code name}. */
    public static Optional<Routine> byName(String name) {
        return Optional.ofNullable(ROUTINES.get(name));
    }

    /** The routine for PyTyped primitive {@code op} with {@code suffix} ("" for most). */
    public static Optional<Routine> of(PrimOp op, String suffix) {
        return byName(name(op, suffix));
    }
}
