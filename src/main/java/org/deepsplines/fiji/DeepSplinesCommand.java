package org.deepsplines.fiji;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.concurrent.CancellationException;
import org.deepsplines.train.TrainingCancelledException;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

/**
 * Common ground of the DeepSplines menu commands: services, the user log, and one way to end with a
 * problem the user can fix. Such problems (bad input, a missing or existing file, a cancel) cancel the
 * command with a one-line reason, logged and shown in the Log window; anything else is a bug and
 * propagates with its stack trace.
 */
abstract class DeepSplinesCommand extends ContextCommand {
    /** Menu root of every command. */
    static final String MENU = "Plugins>DeepSplines>";

    @Parameter
    protected LogService logService;

    @Parameter
    protected StatusService statusService;

    private UserLog userLog;

    /** The command's work; may throw user errors (see the class comment). */
    protected abstract void execute() throws Exception;

    @Override
    public final void run() {
        try {
            blankFilesMeanNotGiven();
            execute();
        } catch (TrainingCancelledException | CancellationException e) {
            end(e.getMessage() == null ? "Cancelled." : e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            end(e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            statusService.clearStatus();
        }
    }

    /**
     * A file field left empty in a dialog, or written {@code key=[]} in a macro, arrives as a File with an
     * empty path: treat it as not given, so that the documented default applies.
     */
    private void blankFilesMeanNotGiven() throws IllegalAccessException {
        for (Class<?> c = getClass(); c != DeepSplinesCommand.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() == File.class && f.isAnnotationPresent(Parameter.class)) {
                    f.setAccessible(true);
                    File value = (File) f.get(this);
                    if (value != null && value.getPath().trim().isEmpty()) {
                        f.set(this, null);
                    }
                }
            }
        }
    }

    private void end(String reason) {
        log().error(reason);
        cancel(reason);
    }

    UserLog log() {
        if (userLog == null) {
            userLog = new UserLog(logService, statusService);
        }
        return userLog;
    }
}
