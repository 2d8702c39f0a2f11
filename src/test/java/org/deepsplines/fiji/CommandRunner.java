package org.deepsplines.fiji;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.prefs.PrefService;

/**
 * Runs commands the way Fiji does: in a SciJava context, through the command service, with module
 * pre- and post-processing. Remembered dialog values are cleared first so that every run starts from
 * the declared defaults, and log messages are collected for assertions. A test class holds one as
 * {@code @RegisterExtension static final CommandRunner runner = new CommandRunner();}; its context is
 * disposed after the class's last test.
 */
final class CommandRunner implements AutoCloseable, AfterAllCallback {
    final Context context = new Context();
    final CommandService commands = context.service(CommandService.class);
    private final List<String> messages = Collections.synchronizedList(new ArrayList<>());

    CommandRunner() {
        context.service(LogService.class).addLogListener(m -> messages.add(m.text()));
    }

    /** Runs a command with name/value pairs and fails the test if it was cancelled. */
    CommandModule run(Class<? extends Command> type, Object... nameValues) {
        CommandModule m = runAllowingCancel(type, nameValues);
        assertFalse(m.isCanceled(), () -> type.getSimpleName() + " was cancelled: " + reason(m));
        return m;
    }

    /**
     * The cancel reason; an empty one comes from SciJava's file prompt, which asks for a file (and cancels
     * when headless) when exactly one File input is left unset, as Fiji does.
     */
    static String reason(CommandModule m) {
        String r = m.getCancelReason();
        return r == null || r.isEmpty() ? "(file prompt: exactly one File input was left unset; give it, e.g. key=[])"
                : r;
    }

    /** Runs a command and returns its module, cancelled or not. */
    CommandModule runAllowingCancel(Class<? extends Command> type, Object... nameValues) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            inputs.put((String) nameValues[i], nameValues[i + 1]);
        }
        return run(commands.getCommand(type), inputs);
    }

    /** Runs a command description with inputs. */
    CommandModule run(CommandInfo info, Map<String, Object> inputs) {
        try {
            context.service(PrefService.class).clear(Class.forName(info.getDelegateClassName()));
            return commands.run(info, true, inputs).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(info.getTitle() + " failed", e.getCause());
        }
    }

    /** Runs a command that must be cancelled; returns the reason. */
    String runExpectingCancel(Class<? extends Command> type, Object... nameValues) {
        CommandModule m = runAllowingCancel(type, nameValues);
        assertTrue(m.isCanceled(), type.getSimpleName() + " should have been cancelled");
        return m.getCancelReason();
    }

    /** Everything logged so far, one entry per message. */
    List<String> messages() {
        synchronized (messages) {
            return new ArrayList<>(messages);
        }
    }

    boolean logged(String fragment) {
        return messages().stream().anyMatch(s -> s.contains(fragment));
    }

    @Override
    public void close() {
        context.dispose();
    }

    @Override
    public void afterAll(ExtensionContext extensionContext) {
        close();
    }
}
