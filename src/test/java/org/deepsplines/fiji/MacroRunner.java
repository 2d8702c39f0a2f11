package org.deepsplines.fiji;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.io.FileSaver;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.scijava.ItemVisibility;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.convert.ConvertService;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

/**
 * Runs the straight-line ImageJ macros of {@code plugins/} against the DeepSplines commands, the way
 * Fiji's legacy layer does: {@code run("Menu Label", "key=value key=[value with spaces] ...")} finds the
 * command by its menu label, each input takes {@code Macro.getValue(options, inputName)} (ImageJ's own
 * parser) converted by SciJava's convert service, ImagePlus inputs are matched by title (or the current
 * image), and ImagePlus outputs become open images. Unknown keys, bare keys and unknown labels fail, so
 * a macro cannot silently drift from the commands.
 *
 * <p>Supported statements: {@code name = expression;}, {@code run}, {@code open}, {@code saveAs("Tiff", path)},
 * {@code selectImage/selectWindow(title)}, {@code print}, {@code setBatchMode}, {@code close()}. Expressions
 * concatenate string and number literals, variables, {@code File.separator}, {@code getTitle()},
 * {@code File.getParent(path)} and {@code File.getNameWithoutExtension(path)}. Dialog calls ({@code getDirectory}, {@code File.openDialog}) need the
 * variable they assign to be substituted by the test.
 */
final class MacroRunner {
    private final CommandRunner commands;
    private final Map<String, String> substitutions;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, ImagePlus> images = new LinkedHashMap<>();
    private final List<String> executed = new ArrayList<>();
    private ImagePlus current;

    /**
     * @param substitutions values for variables whose assignment asks the user (dialogs) or that the test
     *     shrinks (e.g. training steps); the macro's own right-hand side is then not evaluated
     */
    MacroRunner(CommandRunner commands, Map<String, String> substitutions) {
        this.commands = commands;
        this.substitutions = substitutions;
    }

    /** Menu labels of the {@code run(...)} calls executed so far, in order. */
    List<String> executed() {
        return executed;
    }

    ImagePlus image(String title) {
        return images.get(title);
    }

    void runFile(Path macro) throws IOException {
        run(String.valueOf(macro.getFileName()), Files.readString(macro));
    }

    /** Runs macro code given as text (for tests of the runner itself). */
    void runFileText(String code) throws IOException {
        run("macro", code);
    }

    private void run(String name, String code) throws IOException {
        for (String statement : statements(stripComments(code))) {
            try {
                execute(statement);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(name + ": " + statement + "\n  -> " + e.getMessage(), e);
            }
        }
        for (String v : substitutions.keySet()) {
            assertTrue(variables.containsKey(v), name + " never assigns substituted variable " + v);
        }
    }

    // ----- statements

    private void execute(String statement) throws IOException {
        int eq = assignmentSign(statement);
        if (eq > 0) {
            String name = statement.substring(0, eq).trim();
            String value = substitutions.containsKey(name) ? substitutions.get(name)
                    : eval(statement.substring(eq + 1).trim());
            variables.put(name, value);
            return;
        }
        int paren = statement.indexOf('(');
        if (paren < 0 || !statement.endsWith(")")) {
            fail("unsupported statement; example macros are straight-line calls and assignments");
        }
        String fn = statement.substring(0, paren).trim();
        List<String> args = new ArrayList<>();
        for (String a : splitTopLevel(statement.substring(paren + 1, statement.length() - 1), ',')) {
            if (!a.isBlank()) {
                args.add(eval(a.trim()));
            }
        }
        switch (fn) {
            case "run":
                runCommand(args.get(0), args.size() > 1 ? args.get(1) : "");
                break;
            case "open":
                ImagePlus imp = IJ.openImage(args.get(0));
                assertNotNull(imp, "cannot open " + args.get(0));
                show(imp);
                break;
            case "saveAs":
                saveAs(args.get(0), args.get(1));
                break;
            case "selectImage":
            case "selectWindow":
                current = images.get(args.get(0));
                assertNotNull(current, "no open image titled " + args.get(0) + "; open: " + images.keySet());
                break;
            case "print":
                System.out.println(String.join(" ", args));
                break;
            case "setBatchMode":
            case "close":
                break;
            default:
                fail("unsupported function " + fn + "()");
        }
    }

    private void runCommand(String label, String options) {
        CommandInfo info = commands.commands.getCommands().stream()
                .filter(i -> i.getMenuPath() != null && i.getMenuPath().getLeaf() != null
                        && label.equals(i.getMenuPath().getLeaf().getName())
                        && i.getDelegateClassName().startsWith("org.deepsplines."))
                .findFirst().orElseThrow(() -> new AssertionError("no DeepSplines command with menu label '" + label
                        + "'"));
        Map<String, ModuleItem<?>> inputs = new LinkedHashMap<>();
        for (ModuleItem<?> item : info.inputs()) {
            if (!Service.class.isAssignableFrom(item.getType()) && item.getVisibility() != ItemVisibility.MESSAGE) {
                inputs.put(item.getName().toLowerCase(Locale.ROOT), item);
            }
        }
        Set<String> keys = optionKeys(options);
        for (String key : keys) {
            assertTrue(inputs.containsKey(key), "'" + label + "' has no input '" + key + "'; its inputs are "
                    + new TreeSet<>(inputs.keySet()));
        }
        ConvertService convert = commands.context.service(ConvertService.class);
        Map<String, Object> values = new LinkedHashMap<>();
        for (ModuleItem<?> item : inputs.values()) {
            String text = Macro.getValue(options, item.getName(), null);
            if (item.getType() == ImagePlus.class) {
                ImagePlus imp = text == null ? current : images.get(text);
                assertNotNull(imp, "no open image for input " + item.getName() + (text == null ? "" : " titled " + text)
                        + "; open: " + images.keySet());
                values.put(item.getName(), imp);
            } else if (text != null) {
                assertTrue(convert.supports(text, item.getType()), "cannot convert '" + text + "' for "
                        + item.getName() + " (" + item.getType().getSimpleName() + ")");
                values.put(item.getName(), convert.convert(text, item.getType()));
            }
        }
        CommandModule module = commands.run(info, values);
        assertFalse(module.isCanceled(), () -> "'" + label + "' was cancelled: " + CommandRunner.reason(module));
        executed.add(label);
        for (ModuleItem<?> out : info.outputs()) {
            Object value = module.getOutput(out.getName());
            if (value instanceof ImagePlus) {
                show((ImagePlus) value);
            }
        }
    }

    /** The keys of an option string; bare keys (ImageJ 1 checkboxes) are refused: write key=true. */
    static Set<String> optionKeys(String options) {
        Set<String> keys = new TreeSet<>();
        int i = 0;
        int n = options.length();
        while (i < n) {
            while (i < n && options.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && options.charAt(i) != '=' && options.charAt(i) != ' ') {
                i++;
            }
            String key = options.substring(start, i).toLowerCase(Locale.ROOT);
            if (i >= n || options.charAt(i) == ' ') {
                fail("bare key '" + key + "': SciJava commands take key=true / key=false");
            }
            i++; // '='
            if (i < n && options.charAt(i) == '[') {
                int close = options.indexOf(']', i);
                assertTrue(close > 0, "unclosed [ after " + key + "=");
                i = close + 1;
            } else {
                while (i < n && options.charAt(i) != ' ') {
                    i++;
                }
            }
            keys.add(key);
        }
        return keys;
    }

    private void show(ImagePlus imp) {
        images.put(imp.getTitle(), imp);
        current = imp;
    }

    private void saveAs(String format, String path) {
        assertNotNull(current, "saveAs without an open image");
        String f = format.toLowerCase(Locale.ROOT);
        FileSaver saver = new FileSaver(current);
        boolean ok = f.startsWith("tif") ? saver.saveAsTiff(path) : f.equals("png") && saver.saveAsPng(path);
        assertTrue(ok, "could not save " + path + " as " + format);
        String name = new File(path).getName();
        images.remove(current.getTitle());
        // Like ImageJ, the image takes the name it was saved under (without .tif).
        current.setTitle(name.toLowerCase(Locale.ROOT).endsWith(".tif") ? name.substring(0, name.length() - 4) : name);
        images.put(current.getTitle(), current);
    }

    // ----- expressions

    private String eval(String expr) {
        StringBuilder out = new StringBuilder();
        for (String term : splitTopLevel(expr, '+')) {
            out.append(term(term.trim()));
        }
        return out.toString();
    }

    private String term(String t) {
        if (t.startsWith("\"") && t.endsWith("\"") && t.length() >= 2) {
            return unescape(t.substring(1, t.length() - 1));
        }
        if (t.matches("-?[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?")) {
            return number(Double.parseDouble(t));
        }
        if (t.equals("true") || t.equals("false")) {
            return t.equals("true") ? "1" : "0";
        }
        if (t.equals("File.separator")) {
            return File.separator;
        }
        if (t.equals("getTitle()")) {
            assertNotNull(current, "getTitle() without an open image");
            return current.getTitle();
        }
        if (t.startsWith("File.getNameWithoutExtension(") && t.endsWith(")")) {
            String name = new File(eval(t.substring("File.getNameWithoutExtension(".length(), t.length() - 1)))
                    .getName();
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
        if (t.startsWith("File.getParent(") && t.endsWith(")")) {
            return new File(eval(t.substring("File.getParent(".length(), t.length() - 1))).getParent();
        }
        if (t.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            assertTrue(variables.containsKey(t), "undefined variable " + t);
            return variables.get(t);
        }
        fail("unsupported expression '" + t + "' (dialog calls need a substituted variable)");
        return null;
    }

    /** Numbers in strings as ImageJ's macro language writes them: integers without a decimal point. */
    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
    }

    // ----- lexical utilities (quote-aware)

    static String stripComments(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            boolean inString = false;
            int cut = line.length();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
                    inString = !inString;
                } else if (!inString && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                    cut = i;
                    break;
                }
            }
            out.append(line, 0, cut).append('\n');
        }
        return out.toString();
    }

    static List<String> statements(String code) {
        List<String> out = new ArrayList<>();
        for (String s : splitTopLevel(code, ';')) {
            String t = s.replace('\n', ' ').trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Splits at {@code sep} outside strings and parentheses. */
    static List<String> splitTopLevel(String s, char sep) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                inString = !inString;
            } else if (!inString && c == '(') {
                depth++;
            } else if (!inString && c == ')') {
                depth--;
            } else if (!inString && depth == 0 && c == sep) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** Index of the '=' of an assignment at top level, or -1 (a call's arguments may contain '='). */
    private static int assignmentSign(String statement) {
        int paren = statement.indexOf('(');
        int quote = statement.indexOf('"');
        int eq = statement.indexOf('=');
        if (eq < 0 || (paren >= 0 && paren < eq) || (quote >= 0 && quote < eq)) {
            return -1;
        }
        return statement.substring(0, eq).trim().matches("[A-Za-z_][A-Za-z0-9_]*") ? eq : -1;
    }
}
