package nanopy.targets.jvm;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.IncrementInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LineNumber;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.NewObjectInstruction;
import java.lang.classfile.instruction.NewReferenceArrayInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.lang.classfile.instruction.TypeCheckInstruction;
import java.lang.reflect.AccessFlag;
import java.util.Locale;
import java.util.stream.Collectors;
import nanopy.ir.DumpFormat;
import nanopy.ir.Node;
import nanopy.jvm.JvmClasses;

/**
 * The dump format of {@code JvmClasses}: each class parsed back with the ClassFile API and listed
 * like {@code javap -c}: the class and its supertypes, fields, then each method with its
 * descriptor and its code, one instruction per line with its bytecode offset, mnemonic and
 * operands (local slots, constants, jump offsets, members as {@code owner.name:descriptor}); source
 * lines as {@code // line N}.
 */
public final class JvmListing implements DumpFormat {
    @Override
    public String language() {
        return JvmClasses.LANGUAGE.name();
    }

    @Override
    public String format(Node program) {
        JvmClasses.Jar jar = (JvmClasses.Jar) program;
        var bytes = JvmRunner.classBytes(jar);
        StringBuilder sb = new StringBuilder("// main class ").append(jar.main()).append('\n');
        for (JvmClasses.ClassBytes c : jar.classes()) {
            sb.append('\n');
            classListing(ClassFile.of().parse(bytes.get(c.name())), sb);
        }
        return sb.toString().stripTrailing();
    }

    private static void classListing(ClassModel cm, StringBuilder sb) {
        sb.append(flags(cm.flags().flags())).append(cm.flags().has(AccessFlag.INTERFACE) ? "interface " : "class ")
                .append(cm.thisClass().asInternalName());
        cm.superclass().ifPresent(s -> {
            if (!s.asInternalName().equals("java/lang/Object")) {
                sb.append(" extends ").append(s.asInternalName());
            }
        });
        if (!cm.interfaces().isEmpty()) {
            sb.append(" implements ").append(cm.interfaces().stream().map(i -> i.asInternalName()).collect(Collectors.joining(", ")));
        }
        sb.append(" {\n");
        for (FieldModel f : cm.fields()) {
            sb.append("  ").append(flags(f.flags().flags())).append(f.fieldType().stringValue()).append(' ').append(f.fieldName().stringValue()).append(";\n");
        }
        for (MethodModel m : cm.methods()) {
            sb.append("  ").append(flags(m.flags().flags())).append(m.methodName().stringValue()).append(m.methodType().stringValue());
            var code = m.code();
            if (code.isEmpty()) {
                sb.append(";\n");
                continue;
            }
            CodeAttribute attr = (CodeAttribute) code.get();
            sb.append(":  // stack=").append(attr.maxStack()).append(", locals=").append(attr.maxLocals()).append('\n');
            code(code.get(), attr, sb);
        }
        sb.append("}\n");
    }

    private static String flags(java.util.Set<AccessFlag> flags) {
        StringBuilder sb = new StringBuilder();
        for (AccessFlag f : new AccessFlag[] {AccessFlag.PUBLIC, AccessFlag.PRIVATE, AccessFlag.STATIC, AccessFlag.FINAL, AccessFlag.ABSTRACT}) {
            if (flags.contains(f)) {
                sb.append(f.name().toLowerCase(Locale.ROOT)).append(' ');
            }
        }
        return sb.toString();
    }

    private static void code(CodeModel code, CodeAttribute attr, StringBuilder sb) {
        int bci = 0;
        for (CodeElement e : code) {
            if (e instanceof LineNumber ln) {
                sb.append("      // line ").append(ln.line()).append('\n');
            } else if (e instanceof Instruction i) {
                sb.append(String.format(Locale.ROOT, "    %4d: %s", bci, i.opcode().name().toLowerCase(Locale.ROOT)));
                String operand = operand(i, attr);
                if (!operand.isEmpty()) {
                    sb.append(' ').append(operand);
                }
                sb.append('\n');
                bci += i.sizeInBytes();
            }
        }
    }

    private static String operand(Instruction i, CodeAttribute attr) {
        return switch (i) {
            case LoadInstruction l -> l.opcode().sizeIfFixed() == 1 ? "" : String.valueOf(l.slot());
            case StoreInstruction s -> s.opcode().sizeIfFixed() == 1 ? "" : String.valueOf(s.slot());
            case IncrementInstruction inc -> inc.slot() + ", " + inc.constant();
            case ConstantInstruction c -> c.opcode().sizeIfFixed() == 1 ? "" : constant(c.constantValue());
            case BranchInstruction b -> String.valueOf(target(b.target(), attr));
            case FieldInstruction f -> f.owner().asInternalName() + "." + f.name().stringValue() + ":" + f.type().stringValue();
            case InvokeInstruction v -> v.owner().asInternalName() + "." + v.name().stringValue() + ":" + v.type().stringValue();
            case NewObjectInstruction n -> n.className().asInternalName();
            case NewReferenceArrayInstruction n -> n.componentType().asInternalName();
            case TypeCheckInstruction t -> t.type().asInternalName();
            default -> "";
        };
    }

    private static int target(Label l, CodeAttribute attr) {
        return attr.labelToBci(l);
    }

    private static String constant(java.lang.constant.ConstantDesc c) {
        return c instanceof String s ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"" : String.valueOf(c);
    }

}
