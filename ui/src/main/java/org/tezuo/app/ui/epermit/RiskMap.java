package org.tezuo.app.ui.epermit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Content of the risk map of a permit: the zone the permit picks from the site zone register with its
 * hazardous-area class, nearest AED and muster point, and the site plan of the zone when one is uploaded.
 *
 * @param areaClass the label of the zone's hazardous-area class, such as 1 区
 */
record RiskMap(String zoneName, String areaClass, String aed, String musterPoint, @Nullable Plan plan) {

    /**
     * A site plan with the zone drawn on it, in the pixel coordinates of the plan image.
     *
     * @param imageDataUri the plan image as a {@code data:} URI, so the public page needs no file URL
     */
    record Plan(String imageDataUri, int widthPx, int heightPx, List<Point> polygon, @Nullable Point aed,
            @Nullable Point musterPoint) {
    }

    /** A point on the plan image, in pixels from the top left corner. */
    record Point(double x, double y) {

        private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
        private static final Pattern SEPARATORS_AND_NUMBERS = Pattern.compile("[\\s\\d.,，;\\[\\]-]+");

        /** Reads {@code x,y}; empty for blank or malformed text. */
        static Optional<Point> parse(@Nullable String text) {
            if (text == null) {
                return Optional.empty();
            }
            String[] parts = text.strip().split("\\s*[,，]\\s*");
            if (parts.length != 2) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Point(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /**
         * Reads a polygon written as {@code x,y x,y …}, {@code x,y; x,y …} or a JSON array {@code [[x,y],[x,y],…]}:
         * the numbers in order, paired. Empty when the count is odd, below six, or text other than separators
         * appears.
         */
        static List<Point> polygon(@Nullable String text) {
            if (text == null || text.isBlank() || !SEPARATORS_AND_NUMBERS.matcher(text).matches()) {
                return List.of();
            }
            List<Double> numbers = NUMBER.matcher(text).results()
                    .map(match -> Double.parseDouble(match.group()))
                    .toList();
            if (numbers.size() < 6 || numbers.size() % 2 != 0) {
                return List.of();
            }
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < numbers.size(); i += 2) {
                points.add(new Point(numbers.get(i), numbers.get(i + 1)));
            }
            return List.copyOf(points);
        }
    }
}
