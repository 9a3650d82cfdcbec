package org.tezuo.app.permit.presence;

/**
 * A position in WGS 84 degrees, as phones report it through the browser Geolocation API.
 *
 * @param latitude degrees north, from -90 to 90
 * @param longitude degrees east, from -180 to 180
 */
public record GeoPosition(double latitude, double longitude) {

    public GeoPosition {
        if (!validLatitude(latitude) || !validLongitude(longitude)) {
            throw new IllegalArgumentException("Position " + latitude + ", " + longitude
                    + " is outside -90..90 latitude or -180..180 longitude");
        }
    }

    static boolean validLatitude(double latitude) {
        return Double.isFinite(latitude) && latitude >= -90 && latitude <= 90;
    }

    static boolean validLongitude(double longitude) {
        return Double.isFinite(longitude) && longitude >= -180 && longitude <= 180;
    }
}
