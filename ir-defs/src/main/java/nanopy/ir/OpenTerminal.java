package nanopy.ir;

import java.util.List;
import java.util.Optional;

/**
 * A value of an open terminal ({@code terminal Opcode extern} in an {@code .ir} file): the language
 * declares only an interface, and each target supplies the values as an enum implementing it (a
 * machine IR's opcodes and register classes, for instance). In IR text a value is written
 * {@code Enum.CONSTANT} with the enum's simple name ({@code RegVmOp.AddI64}), so programs of
 * several targets parse in one language. Targets list their enums with a {@link Values} service
 * ({@code META-INF/services/nanopy.ir.OpenTerminal$Values}).
 */
public interface OpenTerminal {
    /** The constant's name (an enum's {@code name()}). */
    String name();

    /** A service listing enums whose constants are values of open terminals. */
    interface Values {
        /** The enums; each implements one or more open terminals' interfaces. */
        List<Class<? extends Enum<?>>> enums();
    }

    /** How {@code v} is written in IR text: {@code Enum.CONSTANT}. */
    static String text(Object v) {
        Enum<?> e = (Enum<?>) v;
        return e.getDeclaringClass().getSimpleName() + "." + e.name();
    }

    /**
     * Every known value of open terminal {@code type} (the interface generated for it), from every
     * {@link Values} service visible to nanopy's class loader; computed once per type.
     */
    static List<Object> values(Class<?> type) {
        return OpenTerminalValues.of(type);
    }

    /** The value of open terminal {@code type} written {@code text}, if one is known. */
    static Optional<Object> parse(Class<?> type, String text) {
        return values(type).stream().filter(v -> text(v).equals(text)).findFirst();
    }
}
