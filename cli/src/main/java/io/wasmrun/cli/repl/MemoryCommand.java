package io.wasmrun.cli.repl;

import io.wasmrun.Memory;
import io.wasmrun.WasmrunException;
import java.util.List;
import java.util.Set;

/**
 * {@code :memory [MODULE] [read ADDR [LEN] | write ADDR DATA...]}: shows the size of a module's
 * exported memory, hexdumps a range of it, or writes bytes into it.
 */
final class MemoryCommand implements Command {
    private static final int DEFAULT_LENGTH = 64;
    private static final int MAX_LENGTH = 65536;
    private static final Set<String> ACTIONS = Set.of("read", "write");

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String usage() {
        return ":memory [MODULE] [read ADDR [LEN] | write ADDR DATA...]";
    }

    @Override
    public String summary() {
        return "show memory size, hexdump LEN bytes (default 64), or write hex bytes / \"text\"";
    }

    @Override
    public List<String> hintArguments() {
        return List.of("read|write", "ADDR", "LEN|DATA...");
    }

    @Override
    public void run(Session session, Arguments args) {
        boolean named = !args.isEmpty() && !ACTIONS.contains(args.get(0));
        ReplModule module = named ? session.modules().get(args.get(0)) : session.modules().defaultModule();
        Arguments rest = args.from(named ? 1 : 0);
        Memory memory = module.memory()
                .orElseThrow(() -> new WasmrunException(module.name() + " has no memory"));
        long size = memory.byteSize();
        if (rest.isEmpty()) {
            session.out().println(module.name() + ": memory of " + Describe.count(memory.pages(), "page")
                    + " (" + size + " bytes)");
            return;
        }
        switch (rest.get(0)) {
            case "read" -> read(session, memory, size, rest.expect(2, 3));
            case "write" -> write(session, memory, size, rest);
            default -> throw args.usageError();
        }
    }

    private static void read(Session session, Memory memory, long size, Arguments args) {
        long address = Numbers.parse(args.get(1), "address", size);
        long length = args.size() > 2
                ? Numbers.parse(args.get(2), "length", MAX_LENGTH)
                : Math.min(DEFAULT_LENGTH, size - address);
        checkBounds(address, length, size);
        byte[] bytes = memory.read(address, (int) length);
        Hexdump.lines(address, bytes).forEach(session.out()::println);
    }

    private static void write(Session session, Memory memory, long size, Arguments args) {
        if (args.size() < 3) {
            throw args.usageError();
        }
        long address = Numbers.parse(args.get(1), "address", size);
        byte[] data = ByteData.parse(args.from(2).tokens());
        checkBounds(address, data.length, size);
        memory.write(address, data);
        session.out().println("wrote " + Describe.count(data.length, "byte") + String.format(" at 0x%x", address));
    }

    private static void checkBounds(long address, long length, long size) {
        if (address + length > size) {
            throw new WasmrunException(String.format(
                    "0x%x..0x%x is out of bounds (memory size is 0x%x bytes)", address, address + length, size));
        }
    }

    @Override
    public void complete(Session session, Completions completions) {
        if (completions.index() == 0) {
            completions.add("read", "hexdump a range");
            completions.add("write", "write bytes");
            ModuleArgument.complete(session, completions);
        } else if (completions.index() == 1 && !ACTIONS.contains(completions.word(0))) {
            completions.add("read", "hexdump a range");
            completions.add("write", "write bytes");
        }
    }
}
