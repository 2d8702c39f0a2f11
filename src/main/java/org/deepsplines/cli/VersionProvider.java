package org.deepsplines.cli;

import picocli.CommandLine;

/** Reports the plugin version from the jar manifest (or "development" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"DeepSplines for Fiji " + (v == null ? "(development build)" : v)};
    }
}
