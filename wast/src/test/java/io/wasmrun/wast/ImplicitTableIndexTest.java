package io.wasmrun.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImplicitTableIndexTest {

    @Test
    void writesOutTheIndexOfFoldedAndFlatInstructions() {
        assertEquals("(table.get 0 (local.get $i))", ImplicitTableIndex.writeOut("(table.get (local.get $i))"));
        assertEquals("(func (result i32) table.size 0)", ImplicitTableIndex.writeOut("(func (result i32) table.size)"));
        assertEquals("table.grow 0\n  local.get 0", ImplicitTableIndex.writeOut("table.grow\n  local.get 0"));
    }

    @Test
    void leavesExplicitIndicesStringsAndCommentsAlone() {
        String wast =
                """
                (table.set $t (i32.const 0)) (table.fill 1 (i32.const 0))
                ;; table.get in a comment
                (; table.size (; nested ;) ;)
                (export "table.get") (module quote "(table.get (i32.const 0))")
                (i32.const 0) my.table.get
                """;
        assertEquals(wast, ImplicitTableIndex.writeOut(wast));
    }
}
