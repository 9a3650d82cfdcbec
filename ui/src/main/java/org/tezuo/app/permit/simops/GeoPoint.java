package org.tezuo.app.permit.simops;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A point on the earth in WGS 84 degrees, as a zone record stores its coordinates. */
record GeoPoint(double latitudeDegrees, double longitudeDegrees) {

    /** Mean earth radius of the IUGG, in metres; the haversine error against WGS 84 stays below 0.5 %. */
    static final double EARTH_RADIUS_METRES = 6_371_008.8;

    /**
     * Returns the great-circle distance to {@code other} by the haversine formula, in metres rounded to one
     * decimal. The spherical error of at most 0.5 % is 15 cm at the 30 m that SIMOPS compares.
     */
    BigDecimal distanceMetres(GeoPoint other) {
        double latitude1 = Math.toRadians(latitudeDegrees);
        double latitude2 = Math.toRadians(other.latitudeDegrees);
        double deltaLatitude = latitude2 - latitude1;
        double deltaLongitude = Math.toRadians(other.longitudeDegrees - longitudeDegrees);
        double haversine = Math.pow(Math.sin(deltaLatitude / 2), 2)
                + Math.cos(latitude1) * Math.cos(latitude2) * Math.pow(Math.sin(deltaLongitude / 2), 2);
        double metres = 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(haversine)));
        return BigDecimal.valueOf(metres).setScale(1, RoundingMode.HALF_UP);
    }
}
