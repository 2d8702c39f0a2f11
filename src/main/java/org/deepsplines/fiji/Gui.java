package org.deepsplines.fiji;

import ij.macro.Interpreter;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Window;

/**
 * Whether this run shows windows. Headless runs (Fiji's {@code --headless}, servers, the test suite) and
 * macros in batch mode never open any: figures go to files and progress to the log instead.
 */
public final class Gui {
    private Gui() {}

    /** True when a display is available and no batch-mode macro asked for none. */
    public static boolean available() {
        return !GraphicsEnvironment.isHeadless() && !Interpreter.isBatchMode();
    }

    /**
     * Moves {@code window} to the right of {@code anchor}, or below it when there is no room on the right,
     * keeping it on the anchor's screen.
     */
    public static void placeBeside(Window anchor, Window window) {
        if (anchor == null || window == null || !anchor.isShowing()) {
            return;
        }
        Rectangle a = anchor.getBounds();
        Rectangle screen = anchor.getGraphicsConfiguration().getBounds();
        int x = a.x + a.width + 8;
        int y = a.y;
        if (x + Math.min(window.getWidth(), 200) > screen.x + screen.width) {
            x = a.x;
            y = Math.min(a.y + a.height + 8, screen.y + screen.height - 100);
        }
        window.setLocation(Math.max(screen.x, x), Math.max(screen.y, y));
    }
}
