package nanopy.mach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nanopy.ir.IrChecker;
import nanopy.ir.IrError;
import nanopy.ir.IrText;
import org.junit.jupiter.api.Test;

/** The machine-IR family's open terminals: a target's opcode and register-class enums print, parse and check. */
class OpenTerminalTest {
    private static final String PROGRAM = """
            (Program "toy" []
              [(Function "f" [(VReg "a" ToyClass.Gpr)]
                [(Block "entry"
                   [(Instr ToyOp.Li [(VReg "b" ToyClass.Gpr)] [] [(IntImm 7)])
                    (Instr ToyOp.Add [(VReg "c" ToyClass.Gpr)] [(VReg "a" ToyClass.Gpr) (VReg "b" ToyClass.Gpr)] [])]
                   (Br ToyOp.Blt [(VReg "c" ToyClass.Gpr)] [(IntImm 0)] "entry" "out"))
                 (Block "out" [] (Ret (VReg "c" ToyClass.Gpr)))])])""";

    @Test
    void aTargetsEnumsPrintAndParseBack() throws IrError {
        MachCode.Program p = (MachCode.Program) IrText.parse(MachCode.LANGUAGE, PROGRAM);
        MachCode.Instr add = p.functions().head().blocks().head().body().get(1);
        assertEquals(ToyIsa.ToyOp.Add, add.op());
        assertEquals(ToyIsa.ToyClass.Gpr, ((MachCode.VReg) add.dsts().head()).cls());
        String text = IrText.print(MachCode.LANGUAGE, p, false);
        assertTrue(text.contains("(Instr ToyOp.Add") && text.contains("(VReg \"c\" ToyClass.Gpr)"), text);
        assertEquals(p, IrText.parse(MachCode.LANGUAGE, text));
        assertEquals(java.util.List.of(), IrChecker.check(MachCode.LANGUAGE, p));
    }

    @Test
    void anUnknownOpcodeNamesTheKnownOnes() {
        IrError e = assertThrows(IrError.class, () -> IrText.parse(MachCode.LANGUAGE, PROGRAM.replace("ToyOp.Add", "ToyOp.Sub")));
        assertTrue(e.getMessage().contains("ToyOp.Mov, ToyOp.Li, ToyOp.Add, ToyOp.Blt, ToyOp.Call"), e.getMessage());
        assertTrue(e.getMessage().contains("(Opcode) but got ToyOp.Sub"), e.getMessage());
    }
}
