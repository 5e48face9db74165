package nanopy.targets.jvm;

import io.vavr.collection.List;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nanopy.ir.Span;
import nanopy.jvm.JvmClasses;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.Blocks;

/**
 * Emits the program as JVM class files with the JDK's ClassFile API ({@code java.lang.classfile}):
 * {@code npy/Program} holds the module's variables as typed static fields, the module's code as
 * {@code $module}, and one static method per NanoPy function (static link first, then typed
 * parameters); closures are instances of one small class per function ({@code npy/Fn$NAME},
 * subclasses of {@link nanopy.targets.jvm.rt.Closure}) called through one interface per erased
 * signature ({@code npy/Call$SIG}); calls of a function bound once at module level are direct
 * {@code invokestatic}s. Every class is checked by the ClassFile API's verifier (the JVM's rules)
 * before the pass returns: a rejected class is a bug in this pass.
 */
public final class EmitClassfile implements Pass<Blocks.Module, JvmClasses.Jar> {
    private static final int PUBLIC_STATIC = ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC;

    @Override
    public String description() {
        return "emit JVM class files (java.lang.classfile): typed static fields and methods, closure classes, call interfaces";
    }

    @Override
    public JvmClasses.Jar apply(Blocks.Module m, PassContext ctx) {
        ProgramModel model = new ProgramModel(m);
        Map<ClassDesc, ClassDesc> supers = new HashMap<>();
        supers.put(Names.PROGRAM, ConstantDescs.CD_Object);
        supers.put(Names.OPS, ConstantDescs.CD_Object);
        for (Blocks.Def d : m.defs()) {
            supers.put(Names.closureClass(d.name()), Names.CLOSURE);
        }
        ClassFile cf = classFile(model.interfaces.keySet(), supers);
        Map<String, byte[]> classes = new LinkedHashMap<>();
        String sourceFile = java.nio.file.Path.of(ctx.fileName()).getFileName().toString();
        build(cf, classes, Names.PROGRAM, cb -> {
            // the program's file name, for the tracebacks of a built jar (frames read off the JVM stack)
            cb.with(java.lang.classfile.attribute.SourceFileAttribute.of(sourceFile));
            program(cb, m, model);
        });
        for (Blocks.Def d : m.defs()) {
            build(cf, classes, Names.closureClass(d.name()), cb -> closure(cb, d.name(), model.functions.get(d.name())));
        }
        for (var e : model.interfaces.entrySet()) {
            build(cf, classes, e.getKey(), cb -> callInterface(cb, e.getValue()));
        }
        build(cf, classes, Names.OPS, cb -> ops(cb, model));
        for (var e : classes.entrySet()) {
            List<String> errors = List.ofAll(cf.verify(e.getValue())).map(VerifyError::getMessage);
            if (!errors.isEmpty()) {
                throw invalid(e.getKey(), String.join("; ", errors));
            }
        }
        List<JvmClasses.ClassBytes> out = List.empty();
        for (var e : classes.entrySet()) {
            out = out.append(new JvmClasses.ClassBytes(e.getKey(), bytes(e.getValue()), m.span()));
        }
        return new JvmClasses.Jar("npy/Program", out, m.span());
    }

    /**
     * Builds class {@code cls} into {@code classes} (by internal name). The ClassFile API computes
     * stack maps as it builds, so code with inconsistent types already fails here.
     */
    private static void build(ClassFile cf, Map<String, byte[]> classes, ClassDesc cls, java.util.function.Consumer<ClassBuilder> handler) {
        String name = cls.descriptorString().substring(1, cls.descriptorString().length() - 1);
        try {
            classes.put(name, cf.build(cls, handler));
        } catch (IllegalArgumentException e) {
            throw invalid(name, e.getMessage());
        }
    }

    private static IllegalStateException invalid(String cls, String why) {
        return new IllegalStateException("the generated class " + cls + " is invalid (the JVM's verifier would reject it): " + why);
    }

    private static List<Integer> bytes(byte[] b) {
        Integer[] xs = new Integer[b.length];
        for (int i = 0; i < b.length; i++) {
            xs[i] = b[i] & 0xff;
        }
        return List.of(xs);
    }

    /** A ClassFile context that knows the generated classes' supertypes and the class path's. */
    private static ClassFile classFile(Set<ClassDesc> interfaces, Map<ClassDesc, ClassDesc> supers) {
        ClassHierarchyResolver generated = ClassHierarchyResolver.of(interfaces, supers);
        ClassHierarchyResolver resolver = generated.orElse(ClassHierarchyResolver.defaultResolver())
                .orElse(ClassHierarchyResolver.ofResourceParsing(EmitClassfile.class.getClassLoader()));
        return ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(resolver));
    }

    private static void program(ClassBuilder cb, Blocks.Module m, ProgramModel model) {
        cb.withFlags(AccessFlag.PUBLIC, AccessFlag.FINAL, AccessFlag.SUPER);
        cb.withField(Names.RT_FIELD, Names.RUNTIME, PUBLIC_STATIC);
        cb.withField(Names.DEPTH, ConstantDescs.CD_int, ClassFile.ACC_STATIC);
        model.globals.forEach((name, kind) -> cb.withField(Names.member(name), kind.desc, ClassFile.ACC_STATIC));
        cb.withMethodBody("run", MethodTypeDesc.of(ConstantDescs.CD_void, Names.RUNTIME), PUBLIC_STATIC, code -> {
            code.aload(0);
            code.putstatic(Names.PROGRAM, Names.RT_FIELD, Names.RUNTIME);
            code.invokestatic(Names.PROGRAM, Names.MODULE, ConstantDescs.MTD_void);
            code.return_();
        });
        Slots moduleSlots = new Slots(List.empty(), m.locals());
        cb.withMethodBody(Names.MODULE, ConstantDescs.MTD_void, ClassFile.ACC_STATIC,
                code -> body(code, model, moduleSlots, m.body(), null, null, List.empty()));
        for (Blocks.Def d : m.defs()) {
            ProgramModel.Signature sig = model.functions.get(d.name());
            Slots slots = new Slots(d.params(), d.locals());
            cb.withMethodBody(Names.member(d.name()), Names.functionType(sig.params(), sig.result()), ClassFile.ACC_STATIC,
                    code -> body(code, model, slots, d.blocks(), sig.result(), d.name(), d.params().tail().map(p -> p.name())));
        }
    }

    private static void body(CodeBuilder code, ProgramModel model, Slots slots, List<Blocks.Block> blocks, Kind result, String self,
            List<String> params) {
        Map<String, String> known = new HashMap<>(model.known.locals(blocks));
        known.keySet().removeIf(slots::isParam);
        Label start = code.newBoundLabel();
        new FunctionEmitter(model, slots, known, result, self, params).emit(code, blocks);
        Label end = code.newBoundLabel();
        slots.all().forEach((name, slot) -> code.localVariable(slot, Names.member(name), slots.kind(name).desc, start, end));
    }

    private static void closure(ClassBuilder cb, String def, ProgramModel.Signature sig) {
        cb.withFlags(AccessFlag.PUBLIC, AccessFlag.FINAL, AccessFlag.SUPER);
        cb.withSuperclass(Names.CLOSURE);
        cb.withInterfaceSymbols(sig.callInterface());
        cb.withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC, code -> {
            code.aload(0);
            code.invokespecial(Names.CLOSURE, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void);
            code.return_();
        });
        cb.withMethodBody("call", Names.callType(sig.params(), sig.result()), ClassFile.ACC_PUBLIC, code -> {
            code.aload(0);
            code.getfield(Names.CLOSURE, "env", Names.OBJECT);
            int slot = 1;
            for (Kind k : sig.params()) {
                code.loadLocal(k.typeKind(), slot);
                slot += k.slots();
            }
            code.invokestatic(Names.PROGRAM, Names.member(def), Names.functionType(sig.params(), sig.result()));
            code.return_(sig.result().typeKind());
        });
    }

    private static void callInterface(ClassBuilder cb, ProgramModel.Signature sig) {
        cb.withFlags(AccessFlag.PUBLIC, AccessFlag.INTERFACE, AccessFlag.ABSTRACT);
        cb.withMethod("call", Names.callType(sig.params(), sig.result()), ClassFile.ACC_PUBLIC | ClassFile.ACC_ABSTRACT, mb -> { });
    }

    /** {@code npy/Ops}: one {@code static final Applier} per boxed call site, made when the class is first used. */
    private static void ops(ClassBuilder cb, ProgramModel model) {
        cb.withFlags(AccessFlag.FINAL, AccessFlag.SUPER);
        for (int i = 0; i < model.ops.size(); i++) {
            cb.withField("a" + i, Names.APPLIER, ClassFile.ACC_STATIC | ClassFile.ACC_FINAL);
        }
        cb.withMethodBody(ConstantDescs.CLASS_INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_STATIC, code -> {
            for (int i = 0; i < model.ops.size(); i++) {
                ProgramModel.BoxedOp op = model.ops.get(i);
                code.getstatic(Names.PROGRAM, Names.RT_FIELD, Names.RUNTIME);
                code.getstatic(Names.PRIM_OP, op.op().name(), Names.PRIM_OP);
                code.loadConstant(op.arity());
                span(code, op.span());
                code.invokevirtual(Names.RUNTIME, "operation", MethodTypeDesc.of(Names.APPLIER, Names.PRIM_OP, ConstantDescs.CD_int, Names.SPAN));
                code.putstatic(Names.OPS, "a" + i, Names.APPLIER);
            }
            code.return_();
        });
    }

    private static void span(CodeBuilder code, Span s) {
        code.new_(Names.SPAN);
        code.dup();
        code.loadConstant(s.line());
        code.loadConstant(s.col());
        code.loadConstant(s.endLine());
        code.loadConstant(s.endCol());
        code.invokespecial(Names.SPAN, ConstantDescs.INIT_NAME,
                MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int, ConstantDescs.CD_int, ConstantDescs.CD_int, ConstantDescs.CD_int));
    }
}
