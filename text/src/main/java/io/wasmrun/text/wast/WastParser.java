package io.wasmrun.text.wast;

import io.wasmrun.text.TextFormatException;
import io.wasmrun.text.lexer.Lexer;
import io.wasmrun.text.lexer.Token;
import io.wasmrun.text.lexer.TokenKind;
import io.wasmrun.text.parser.ModuleParser;
import io.wasmrun.text.parser.TokenStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code .wast} scripts into {@link WastScript}s. Modules are encoded while parsing, so
 * a runner only executes commands. A file that holds bare module fields is read as one module.
 */
public final class WastParser {
    private final TokenStream ts;

    private WastParser(TokenStream ts) {
        this.ts = ts;
    }

    /**
     * Parses a script.
     *
     * @throws TextFormatException if the script or one of its well-formed modules is malformed
     */
    public static WastScript parse(String source, String fileName) {
        try {
            TokenStream ts = new TokenStream(Lexer.tokenize(source, fileName), fileName);
            return new WastScript(fileName, new WastParser(ts).script());
        } catch (StackOverflowError e) {
            throw new TextFormatException(fileName, 1, 1, "nesting too deep");
        }
    }

    private List<WastCommand> script() {
        List<WastCommand> commands = new ArrayList<>();
        if (ts.at(TokenKind.LPAREN) && isModuleField(ts.listKeyword())) {
            int line = ts.peek().line();
            byte[] bytes = ModuleParser.parseFields(ts);
            WastModule module = new WastModule(line, null, false, WastModule.Kind.TEXT, bytes, null, ts.fileName(), null);
            commands.add(new WastCommand.ModuleCommand(line, module));
        } else {
            while (!ts.at(TokenKind.EOF)) {
                commands.add(command());
            }
        }
        if (!ts.at(TokenKind.EOF)) {
            throw ts.unexpected(ts.peek(), "end of input");
        }
        return commands;
    }

    private static boolean isModuleField(String kw) {
        if (kw == null) {
            return false;
        }
        return switch (kw) {
            case "type", "rec", "func", "table", "memory", "global", "tag", "import", "export", "start", "elem", "data" -> true;
            default -> false;
        };
    }

    private WastCommand command() {
        Token open = ts.peek();
        String kw = ts.listKeyword();
        if (kw == null) {
            throw ts.unexpected(ts.at(TokenKind.LPAREN) ? ts.peek(1) : open, "a script command");
        }
        int line = open.line();
        switch (kw) {
            case "module" -> {
                if (ts.peek(2).isKeyword("instance")) {
                    ts.openList("module");
                    ts.next();
                    String instance = id();
                    String definition = id();
                    ts.expectRParen();
                    return new WastCommand.ModuleInstance(line, instance, definition);
                }
                return new WastCommand.ModuleCommand(line, ModuleReader.read(ts, false));
            }
            case "register" -> {
                ts.openList("register");
                String as = new String(ts.expectName(), java.nio.charset.StandardCharsets.UTF_8);
                String module = id();
                ts.expectRParen();
                return new WastCommand.Register(line, as, module);
            }
            case "invoke", "get" -> {
                return new WastCommand.Action(line, action());
            }
            case "assert_return" -> {
                ts.openList(kw);
                WastAction action = action();
                List<WastValue> expected = new ArrayList<>();
                while (ts.at(TokenKind.LPAREN)) {
                    expected.add(ValueParser.result(ts));
                }
                ts.expectRParen();
                return new WastCommand.AssertReturn(line, action, expected);
            }
            case "assert_trap" -> {
                ts.openList(kw);
                WastCommand c;
                if (ts.atList("module")) {
                    WastModule module = ModuleReader.read(ts, false);
                    c = new WastCommand.AssertTrap(line, null, module, message());
                } else {
                    WastAction action = action();
                    c = new WastCommand.AssertTrap(line, action, null, message());
                }
                ts.expectRParen();
                return c;
            }
            case "assert_exhaustion" -> {
                ts.openList(kw);
                WastAction action = action();
                String text = message();
                ts.expectRParen();
                return new WastCommand.AssertExhaustion(line, action, text);
            }
            case "assert_exception" -> {
                ts.openList(kw);
                WastAction action = action();
                ts.expectRParen();
                return new WastCommand.AssertException(line, action);
            }
            case "assert_invalid", "assert_malformed", "assert_unlinkable", "assert_uninstantiable",
                    "assert_invalid_custom", "assert_malformed_custom" -> {
                ts.openList(kw);
                WastModule module = ModuleReader.read(ts, kw.startsWith("assert_malformed"));
                String text = message();
                ts.expectRParen();
                return new WastCommand.AssertModule(line, kw, module, text);
            }
            case "thread" -> {
                ts.openList(kw);
                String name = id();
                List<String> shared = new ArrayList<>();
                while (ts.atList("shared")) {
                    ts.openList("shared");
                    ts.openList("module");
                    shared.add(id());
                    ts.expectRParen();
                    ts.expectRParen();
                }
                List<WastCommand> commands = new ArrayList<>();
                while (ts.at(TokenKind.LPAREN)) {
                    commands.add(command());
                }
                ts.expectRParen();
                return new WastCommand.Thread(line, name, shared, commands);
            }
            case "wait" -> {
                ts.openList(kw);
                String name = id();
                ts.expectRParen();
                return new WastCommand.Wait(line, name);
            }
            default -> throw ts.error(ts.peek(1), "unknown script command " + ts.peek(1).describe());
        }
    }

    private String id() {
        Token t = ts.optId();
        return t == null ? null : t.name();
    }

    private String message() {
        return new String(ts.expectStringBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private WastAction action() {
        Token open = ts.peek();
        String kw = ts.listKeyword();
        if (!"invoke".equals(kw) && !"get".equals(kw)) {
            throw ts.unexpected(ts.at(TokenKind.LPAREN) ? ts.peek(1) : open, "invoke or get");
        }
        ts.openList(kw);
        String module = id();
        String field = new String(ts.expectName(), java.nio.charset.StandardCharsets.UTF_8);
        List<WastValue> args = new ArrayList<>();
        if (kw.equals("invoke")) {
            while (ts.at(TokenKind.LPAREN)) {
                args.add(ValueParser.argument(ts));
            }
        }
        ts.expectRParen();
        return new WastAction(open.line(), kw, module, field, args);
    }
}
