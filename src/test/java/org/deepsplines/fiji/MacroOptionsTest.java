package org.deepsplines.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.Macro;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The option strings of {@code run("Label", "key=value ...")} as ImageJ parses them. */
class MacroOptionsTest {
    static final String OPTIONS = "image=[noisy camera.png] model=[/data/my models/x.dsmodel] clip=true "
            + "keeptype=false format=[activations csv] tile=0 memorymb=512 sigmamax=50 output=[]";

    @Test
    void keysAreFoundWithBracketedValuesAndSpaces() {
        assertEquals(Set.of("image", "model", "clip", "keeptype", "format", "tile", "memorymb", "sigmamax", "output"),
                MacroRunner.optionKeys(OPTIONS));
    }

    @Test
    void imageJReturnsValuesByInputNameCaseInsensitively() {
        assertEquals("noisy camera.png", Macro.getValue(OPTIONS, "image", null));
        assertEquals("/data/my models/x.dsmodel", Macro.getValue(OPTIONS, "model", null));
        assertEquals("false", Macro.getValue(OPTIONS, "keepType", null), "field keepType records as keeptype");
        assertEquals("activations csv", Macro.getValue(OPTIONS, "format", null));
        assertEquals("", Macro.getValue(OPTIONS, "output", null), "[] is an empty value, not a missing one");
        assertEquals("512", Macro.getValue(OPTIONS, "memoryMb", null));
        assertNull(Macro.getValue(OPTIONS, "max", null), "no match inside another key");
        assertNull(Macro.getValue(OPTIONS, "device", null));
    }

    @Test
    void bareKeysAndUnclosedBracketsAreRefused() {
        assertThrows(AssertionError.class, () -> MacroRunner.optionKeys("clip keeptype=true"));
        assertThrows(AssertionError.class, () -> MacroRunner.optionKeys("model=[/a b"));
    }

    @Test
    void statementsAndConcatenationsSplitOutsideStrings() {
        String code = MacroRunner.stripComments("a = \"x; y\"; // comment; not code\nrun(\"L\", \"k=[\" + a + \"]\");\n");
        List<String> statements = MacroRunner.statements(code);
        assertEquals(List.of("a = \"x; y\"", "run(\"L\", \"k=[\" + a + \"]\")"), statements);
        assertEquals(3, MacroRunner.splitTopLevel("\"k=[\" + a + \"]\"", '+').size());
        assertTrue(MacroRunner.stripComments("s = \"http://x\";").contains("http://x"));
    }
}
