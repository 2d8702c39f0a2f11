package org.deepsplines.fiji;

import ij.IJ;
import org.deepsplines.nn.DeviceSelection;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/**
 * Where the commands report to the user: the SciJava log (console, headless runs) and, when Fiji has a
 * display, ImageJ's Log window; progress goes to the status bar.
 */
final class UserLog {
    private final LogService log;
    private final StatusService status;

    UserLog(LogService log, StatusService status) {
        this.log = log;
        this.status = status;
    }

    void info(String message) {
        log.info(message);
        if (Gui.available()) {
            IJ.log(message);
        }
    }

    void warn(String message) {
        log.warn(message);
        if (Gui.available()) {
            IJ.log(message);
            status.warn(message);
        }
    }

    void error(String message) {
        log.error(message);
        if (Gui.available()) {
            IJ.log("ERROR: " + message);
        }
    }

    /** Reports which engine and device run; a GPU request that ends on the CPU is a warning. */
    void device(DeviceSelection where) {
        if (where.fellBackToCpu()) {
            warn(where.describe());
        } else {
            info(where.describe());
        }
    }

    void status(String message) {
        status.showStatus(message);
    }

    void progress(int done, int total, String message) {
        status.showStatus(done, total, message);
    }

    void clearStatus() {
        status.clearStatus();
    }
}
