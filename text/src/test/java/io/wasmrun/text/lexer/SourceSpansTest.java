package io.wasmrun.text.lexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceSpansTest {

    @Test
    void stringsEndAfterTheirClosingQuoteSkippingEscapes() {
        String source = "(data \"a\\\"b)\" x)";
        assertEquals(source.indexOf(" x)"), SourceSpans.afterString(source, source.indexOf('"')));
        assertEquals(4, SourceSpans.afterString("\"abc", 0), "an unclosed string runs to the end");
    }

    @Test
    void blockCommentsEndAfterTheMatchingCloseIncludingNestedOnes() {
        String source = "(; a (; b ;) c ;)(func)";
        assertEquals(source.indexOf("(func)"), SourceSpans.afterBlockComment(source, 0));
        assertEquals(9, SourceSpans.afterBlockComment("(; (; ;) ", 0), "unclosed runs to the end");
    }
}
