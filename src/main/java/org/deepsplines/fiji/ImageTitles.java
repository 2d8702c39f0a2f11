package org.deepsplines.fiji;

/** Titles of result images, derived from the input's title. */
final class ImageTitles {
    private ImageTitles() {}

    /** The title without a short file extension: "camera.png" gives "camera"; null gives "image". */
    static String stem(String title) {
        String t = title == null ? "image" : title;
        int dot = t.lastIndexOf('.');
        return dot > 0 && t.length() - dot <= 5 ? t.substring(0, dot) : t;
    }
}
