package nanopy.irgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IrGenTest {
    private static final String ARITH = """
            language Arith "integers"
              terminal Op = Add | Neg
              Expr = Int(long value) | Var(String name) | Prim(Op op, Expr* args) | Let(String name, Expr rhs, Expr body)
              entry Program(Expr body)

            language Atomic extends Arith "atoms"
              Atom = Int(long value) | Var(String name)
              Expr -= Int | Var | Prim
              Expr += Atom | Prim(Op op, Atom* args)
            """;

    static List<Resolver.Lang> resolve(String text) throws IrSyntaxException {
        return Resolver.resolve(IrFileParser.parse("t.ir", "p", text));
    }

    static String error(String text) {
        return assertThrows(IrSyntaxException.class, () -> resolve(text)).getMessage();
    }

    @Test
    void childReusesNothingWhenTheEntryReachesAChangedNonterminal() throws Exception {
        Resolver.Lang atomic = resolve(ARITH).get(1);
        assertEquals("Atomic", atomic.nts.get("Expr").owner.name);
        assertEquals("Atomic", atomic.nts.get("Atom").owner.name);
        assertEquals(List.of("Atom"), atomic.nts.get("Expr").subs);
        assertEquals("Atom", atomic.prods.get("Int").nt);
    }

    @Test
    void unchangedNonterminalKeepsTheParentsType() throws Exception {
        List<Resolver.Lang> ls = resolve("""
                language A "a"
                  Expr = Int(long v) | Neg(Expr e)
                  Stmt = Print(Expr e) | Skip
                  entry Program(Stmt* body)
                language B extends A "no skip"
                  Stmt -= Skip
                """);
        Resolver.Lang b = ls.get(1);
        assertEquals("A", b.nts.get("Expr").owner.name, "Expr is unchanged, so B reuses A.Expr");
        assertEquals("B", b.nts.get("Stmt").owner.name);
        assertEquals("A", b.prods.get("Neg").owner.name);
        assertEquals("B", b.prods.get("Print").owner.name);
    }

    @Test
    void translatorHasDefaultsForSharedProductionsAndAbstractMethodsForTheRest() throws Exception {
        Map<String, String> files = JavaEmitter.emit(resolve(ARITH + """
                language NoLet extends Atomic "no lets"
                  Expr -= Let
                """));
        String t = files.get("p/AtomicToNoLet.java");
        assertTrue(t.contains("protected abstract p.NoLet.Expr onLet(p.Atomic.Let node);"), t);
        assertTrue(t.contains("return new p.NoLet.Prim(node.op(), node.args().map(this::atom), node.span());"), t);
        assertFalse(t.contains("abstract p.NoLet.Expr onPrim"), t);
    }

    @Test
    void narrowedOperandsAreCopiedThroughAConversionHook() throws Exception {
        String t = JavaEmitter.emit(resolve(ARITH)).get("p/ArithToAtomic.java");
        assertTrue(t.contains("return new p.Atomic.Prim(node.op(), node.args().map(this::exprToAtom), node.span());"), t);
        assertTrue(t.contains("protected p.Atomic.Atom exprToAtom(p.Arith.Expr node) {"), t);
        assertTrue(t.contains("return new p.Atomic.Let(node.name(), this.expr(node.rhs()), this.expr(node.body()), node.span());"), t);
    }

    private static final String SCOPED = """
            language S "statements"
              Type = IntT | BoolT
              Local = Local(String name, Type type)
              Expr = Num(long v) | Var(String name) | Cmp(Expr a, Expr b, Expr c) | And(Expr a, Expr b)
              Stmt = Assign(String name, Expr value) | Def(String name, Local* locals, Stmt* body) | Swap(String a, String b)
              entry Module(Local* globals, Stmt* body)
              scope Def.locals | Module.globals
              sequence Stmt
            language T extends S "no chains, no swaps"
              Expr -= Cmp
              Stmt -= Swap
            """;

    @Test
    void sequenceHooksReturnListsAndScopesDeclareTemporaries() throws Exception {
        String t = JavaEmitter.emit(resolve(SCOPED)).get("p/SToT.java");
        assertTrue(t.contains("protected abstract io.vavr.collection.List<p.T.Stmt> onSwap(p.S.Swap node);"), t);
        assertTrue(t.contains("protected io.vavr.collection.List<p.T.Stmt> onAssign(p.S.Assign node) {"), t);
        assertTrue(t.contains("node.body().flatMap(this::stmt)"), t);
        assertTrue(t.contains("protected final void emit(p.T.Stmt node)"), t);
        assertTrue(t.contains("protected final String fresh(String base, p.S.Type type)"), t);
        assertTrue(t.contains("return scopedDef(x);"), t);
        assertTrue(t.contains("x.locals().appendAll(made)"), t);
        assertTrue(t.contains("x.globals().appendAll(made)"), t);
        assertTrue(t.contains("protected abstract p.T.Expr onCmp(p.S.Cmp node);"), t);
    }

    @Test
    void removingAWholeNonterminalAndChangingAProductionInPlace() throws Exception {
        List<Resolver.Lang> ls = resolve(SCOPED + """
                language U extends T "no types, assignments name their type"
                  -= Type
                  Local ~= Local(String name, String type)
                  Stmt ~= Assign(String name, String type, Expr value)
                """);
        Resolver.Lang u = ls.get(2);
        assertFalse(u.nts.containsKey("Type"));
        assertEquals(List.of("Assign", "Def"), u.nts.get("Stmt").prods, "~= keeps the production's place");
        assertEquals("Assign(String name, String type, Expr value)", u.prods.get("Assign").signature());
        assertEquals("U", u.prods.get("Assign").owner.name);
        assertEquals(Map.of("Def", "locals", "Module", "globals"), u.scopes);
    }

    @Test
    void deltaErrorsSayWhatIsWrong() {
        assertTrue(error(SCOPED + """
                language U extends T "x"
                  -= Typ
                """).contains("has no nonterminal or terminal Typ (did you mean Type?)"));
        assertTrue(error(SCOPED + """
                language U extends T "x"
                  -= Type
                """).contains("unknown type Type"));
        assertTrue(error(SCOPED + """
                language U extends T "x"
                  Stmt ~= Print(Expr e)
                """).contains("Stmt has no production Print"));
        assertTrue(error(SCOPED + """
                language U extends T "x"
                  scope Def.body
                """).contains("must name a field X* of"));
        assertTrue(error(SCOPED + """
                language U extends T "x"
                  sequence Expr
                """).contains("sequence Expr (language U) must be a sum"));
    }

    @Test
    void rewriterReturnsTheSameInstanceWhenChildrenAreUnchanged() throws Exception {
        String r = JavaEmitter.emit(resolve(ARITH)).get("p/ArithRewriter.java");
        assertTrue(r.contains("if (rhs_ != node.rhs() || body_ != node.body()) {"), r);
        assertTrue(r.contains("return node;"), r);
    }

    @Test
    void productIsARecordWithoutAnInterface() throws Exception {
        Map<String, String> files = JavaEmitter.emit(resolve("""
                language P "products"
                  Arg = Arg(String name)
                  entry Program(Arg* args)
                """));
        String p = files.get("p/P.java");
        assertTrue(p.contains("public record Arg(java.lang.String name, nanopy.ir.Span span) implements nanopy.ir.Node"), p);
        assertFalse(p.contains("interface Arg"), p);
    }

    @Test
    void syntaxErrorsNameFileLineAndColumn() {
        String m = assertThrows(IrSyntaxException.class, () -> IrFileParser.parse("bad.ir", "p", """
                language A "a"
                  Expr = Int(long v
                  entry Program(Expr e)
                """)).getMessage();
        assertEquals("bad.ir:3:3: expected ',' or ')' in the fields of Int but found 'entry'", m);
    }

    @Test
    void missingDescriptionIsReported() {
        String m = assertThrows(IrSyntaxException.class, () -> IrFileParser.parse("bad.ir", "p", "language A\n  entry P()\n")).getMessage();
        assertEquals("bad.ir:2:3: expected a one-line description in double quotes but found 'entry'", m);
    }

    @Test
    void unknownFieldTypeIsReportedWithSuggestion() {
        assertEquals("t.ir:2:28: unknown type Exp in field e of Neg (language A) (did you mean Expr?)",
                error("language A \"a\"\n  Expr = Int(long v) | Neg(Exp e)\n  entry Program(Expr e)\n"));
    }

    @Test
    void unknownParentIsReported() {
        assertEquals("t.ir:1:1: language B extends unknown language Aa (did you mean A?)",
                error("language B extends Aa \"b\"\n  entry P()\nlanguage A \"a\"\n  entry P()\n"));
    }

    @Test
    void removingAMissingProductionIsReported() {
        String m = error(ARITH + "language C extends Arith \"c\"\n  Expr -= Call\n");
        assertTrue(m.startsWith("t.ir:11:11: Expr has no production or sub-nonterminal Call"), m);
    }

    @Test
    void productionWithTwoHomesIsReported() {
        assertTrue(error("language A \"a\"\n  Expr = Int(long v)\n  Atom = Int(long v)\n  entry P(Expr e)\n")
                .startsWith("t.ir:3:10: production Int already belongs to Expr"));
    }

    @Test
    void childThatChangesNothingIsReported() {
        assertEquals("t.ir:4:1: language B changes nothing reachable from its entry P; it would be the same language as A",
                error("language A \"a\"\n  Expr = Int(long v)\n  entry P(Expr e)\nlanguage B extends A \"b\"\n  Other = X(long v)\n"));
    }

    @Test
    void javaKeywordFieldIsReported() {
        assertEquals("t.ir:2:14: field name 'default' is a Java keyword; choose another",
                error("language A \"a\"\n  Expr = Int(long default)\n  entry P(Expr e)\n"));
    }

    @Test
    void emptyNonterminalAfterRemovalIsReported() {
        assertTrue(error("language A \"a\"\n  Expr = Int(long v)\n  entry P(Expr e)\nlanguage B extends A \"b\"\n  Expr -= Int\n")
                .contains("nonterminal Expr of language B has no productions left"));
    }

    @Test
    void generatesIntoPackagesFromFolders(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/org/demo");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Arith.ir"), ARITH);
        Path out = dir.resolve("out");
        assertEquals(2, IrGen.generate(dir.resolve("src"), out));
        assertTrue(Files.exists(out.resolve("org/demo/Arith.java")));
        assertTrue(Files.exists(out.resolve("org/demo/ArithToAtomic.java")));
        assertTrue(Files.exists(out.resolve("nanopy/ir/gen/GeneratedLanguages.java")));
        long before = Files.getLastModifiedTime(out.resolve("org/demo/Arith.java")).toMillis();
        Files.setLastModifiedTime(out.resolve("org/demo/Arith.java"), java.nio.file.attribute.FileTime.fromMillis(before - 10_000));
        IrGen.generate(dir.resolve("src"), out);
        assertEquals(before - 10_000, Files.getLastModifiedTime(out.resolve("org/demo/Arith.java")).toMillis(),
                "unchanged output is not rewritten");
    }
}
