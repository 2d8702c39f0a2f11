package org.deepsplines.model;

/**
 * Converts DJL parameter paths to the dotted names PyTorch users know: DJL numbers the children of a
 * block from 01 and prefixes their class name ({@code 01body_03Conv2d_weight}); the exported name keeps
 * the child's position, 0-based as in {@code torch.nn.Sequential} ({@code body.2.weight}).
 */
public final class ParameterNames {
    private ParameterNames() {}

    public static String pythonName(String djlKey) {
        String[] parts = djlKey.split("_");
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < parts.length; i++) {
            String p = parts[i];
            if (p.length() > 2 && Character.isDigit(p.charAt(0)) && Character.isDigit(p.charAt(1))) {
                int index = Integer.parseInt(p.substring(0, 2)) - 1;
                String child = p.substring(2);
                if (out.length() > 0) {
                    out.append('.');
                }
                // Named children (lower-case, e.g. "body") keep their name; anonymous ones (class names) their index.
                out.append(Character.isLowerCase(child.charAt(0)) ? child : Integer.toString(index));
            } else {
                break;
            }
        }
        String leaf = String.join("_", java.util.Arrays.copyOfRange(parts, i, parts.length));
        return out.length() == 0 ? leaf : out + "." + leaf;
    }
}
