package org.deepsplines.cli;

import picocli.CommandLine;

/**
 * Prints user errors (bad arguments, unreadable files) as one clear line instead of a stack trace.
 * Unexpected failures keep their stack trace so they can be reported.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (ex instanceof IllegalArgumentException || ex instanceof java.io.IOException
                || ex instanceof IllegalStateException) {
            cmd.getErr().println("error: " + ex.getMessage());
        } else {
            ex.printStackTrace(cmd.getErr());
        }
        return 2;
    }
}
