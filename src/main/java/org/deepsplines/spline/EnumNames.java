package org.deepsplines.spline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parses user-facing enum names ("leaky_relu", "1-lipschitz", "Monotone") so every configuration
 * enum accepts the same spellings and reports the same kind of error.
 */
final class EnumNames {

    private EnumNames() {}

    /** Lower-case, underscore-separated name of a constant, e.g. LEAKY_RELU becomes "leaky_relu". */
    static String nameOf(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds the constant whose name matches {@code text}, ignoring case and treating '-' and ' ' as '_'.
     *
     * @param aliases extra accepted spellings (already normalised) mapped to constants
     * @throws IllegalArgumentException listing the valid names when nothing matches
     */
    static <E extends Enum<E>> E parse(Class<E> type, String what, String text, Map<String, E> aliases) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Missing " + what + "; use one of " + validNames(type));
        }
        String key = text.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (nameOf(constant).equals(key)) {
                return constant;
            }
        }
        E alias = aliases.get(key);
        if (alias != null) {
            return alias;
        }
        throw new IllegalArgumentException(
                "Unknown " + what + " '" + text + "'; use one of " + validNames(type));
    }

    private static <E extends Enum<E>> String validNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(EnumNames::nameOf)
                .collect(Collectors.joining(", "));
    }
}
