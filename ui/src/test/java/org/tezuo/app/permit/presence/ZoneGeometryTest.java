package org.tezuo.app.permit.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks zone placement around a point near the Yangshan LNG terminal (30.62 N, 122.06 E), where one degree of
 * longitude is about 95.7 km and one degree of latitude about 111.2 km.
 */
class ZoneGeometryTest {

    private static final double LATITUDE = 30.62;
    private static final double LONGITUDE = 122.06;
    private static final double METRES_PER_DEGREE_LATITUDE = Math.toRadians(1) * ZoneGeometry.EARTH_RADIUS_METRES;
    private static final double METRES_PER_DEGREE_LONGITUDE = METRES_PER_DEGREE_LATITUDE
            * Math.cos(Math.toRadians(LATITUDE));

    private final JsonMapper json = JsonMapper.shared();

    /** Returns the position {@code east} and {@code north} metres from the reference point. */
    private static GeoPosition offset(double east, double north) {
        return new GeoPosition(LATITUDE + north / METRES_PER_DEGREE_LATITUDE,
                LONGITUDE + east / METRES_PER_DEGREE_LONGITUDE);
    }

    /** A 100 m square with its south-west corner at the reference point. */
    private static ZoneGeometry square() {
        return ZoneGeometry.polygon(List.of(offset(0, 0), offset(100, 0), offset(100, 100), offset(0, 100)),
                List.of());
    }

    @Test
    @DisplayName("Point inside a polygon is inside at distance 0")
    void pointInsidePolygon() {
        ZoneGeometry.Placement placement = square().place(offset(50, 50));

        assertThat(placement.inside()).isTrue();
        assertThat(placement.distanceMetres()).isZero();
    }

    @Test
    @DisplayName("Point east of a polygon is outside by its distance to the edge")
    void pointEastOfPolygon() {
        ZoneGeometry.Placement placement = square().place(offset(150, 50));

        assertThat(placement.inside()).isFalse();
        assertThat(placement.distanceMetres()).isCloseTo(50, within(0.5));
    }

    @Test
    @DisplayName("Point beyond a corner is outside by the diagonal distance")
    void pointBeyondCorner() {
        ZoneGeometry.Placement placement = square().place(offset(130, 140));

        assertThat(placement.inside()).isFalse();
        assertThat(placement.distanceMetres()).isCloseTo(50, within(0.5));
    }

    @Test
    @DisplayName("Point on the edge counts as inside")
    void pointOnEdge() {
        assertThat(square().place(offset(100, 50)).inside()).isTrue();
    }

    @Test
    @DisplayName("Point in a hole is outside the zone")
    void pointInHole() {
        ZoneGeometry withHole = ZoneGeometry.polygon(
                List.of(offset(0, 0), offset(100, 0), offset(100, 100), offset(0, 100), offset(0, 0)),
                List.of(List.of(offset(40, 40), offset(60, 40), offset(60, 60), offset(40, 60))));

        ZoneGeometry.Placement placement = withHole.place(offset(50, 50));

        assertThat(placement.inside()).isFalse();
        assertThat(placement.distanceMetres()).isCloseTo(10, within(0.5));
    }

    @Test
    @DisplayName("Concave polygon excludes its notch")
    void concavePolygon() {
        ZoneGeometry shapeL = ZoneGeometry.polygon(List.of(offset(0, 0), offset(100, 0), offset(100, 40),
                offset(40, 40), offset(40, 100), offset(0, 100)), List.of());

        assertThat(shapeL.place(offset(20, 80)).inside()).isTrue();
        assertThat(shapeL.place(offset(80, 80)).inside()).isFalse();
        assertThat(shapeL.place(offset(80, 80)).distanceMetres()).isCloseTo(40, within(0.5));
    }

    @Test
    @DisplayName("Circle contains points within its radius")
    void circleRadius() {
        ZoneGeometry circle = ZoneGeometry.circle(offset(0, 0), 50);

        ZoneGeometry.Placement near = circle.place(offset(30, 0));
        ZoneGeometry.Placement far = circle.place(offset(0, 80));

        assertThat(near.inside()).isTrue();
        assertThat(far.inside()).isFalse();
        assertThat(far.distanceMetres()).isCloseTo(30, within(0.5));
    }

    @Test
    @DisplayName("Great-circle distance of one degree of latitude")
    void oneDegreeOfLatitude() {
        double distance = ZoneGeometry.distanceMetres(new GeoPosition(30, 122), new GeoPosition(31, 122));

        assertThat(distance).isCloseTo(111_195, within(1.0));
    }

    @Test
    @DisplayName("Great-circle distance across the antimeridian")
    void acrossAntimeridian() {
        double distance = ZoneGeometry.distanceMetres(new GeoPosition(0, 179.9995), new GeoPosition(0, -179.9995));

        assertThat(distance).isCloseTo(111.2, within(0.1));
    }

    @Test
    @DisplayName("Zone record with a GeoJSON feature uses its polygon")
    void zoneRecordWithGeoJson() {
        ObjectNode data = json.createObjectNode();
        data.put("polygon", """
                {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates":
                [[[%s, %s], [%s, %s], [%s, %s], [%s, %s]]]}}""".formatted(
                offset(0, 0).longitude(), offset(0, 0).latitude(), offset(100, 0).longitude(),
                offset(100, 0).latitude(), offset(100, 100).longitude(), offset(100, 100).latitude(),
                offset(0, 0).longitude(), offset(0, 0).latitude()));
        data.putObject("location").put("lat", LATITUDE).put("lon", LONGITUDE);

        ZoneGeometry zone = ZoneGeometry.fromZoneRecord(data, 50).orElseThrow();

        assertThat(zone.isPolygon()).isTrue();
        assertThat(zone.place(offset(70, 30)).inside()).isTrue();
        assertThat(zone.place(offset(30, 70)).inside()).isFalse();
    }

    @Test
    @DisplayName("Zone record with a plan-pixel polygon falls back to its centre")
    void zoneRecordWithPixelPolygon() {
        ObjectNode data = json.createObjectNode();
        data.put("polygon", "[[120, 340], [480, 340], [480, 610]]");
        data.putObject("location").put("lat", LATITUDE).put("lon", LONGITUDE);

        ZoneGeometry zone = ZoneGeometry.fromZoneRecord(data, 50).orElseThrow();

        assertThat(zone.isPolygon()).isFalse();
        assertThat(zone.radiusMetres()).isEqualTo(50);
        assertThat(zone.place(offset(0, 49)).inside()).isTrue();
    }

    @Test
    @DisplayName("GeoJSON polygon with a longitude out of range is ignored")
    void zoneRecordWithInvalidGeoJson() {
        ObjectNode data = json.createObjectNode();
        data.put("polygon", "{\"type\": \"Polygon\", \"coordinates\": [[[200, 30], [201, 30], [201, 31]]]}");

        assertThat(ZoneGeometry.fromZoneRecord(data, 50)).isEmpty();
    }

    @Test
    @DisplayName("Zone record without coordinates has no geometry")
    void zoneRecordWithoutCoordinates() {
        assertThat(ZoneGeometry.fromZoneRecord(json.createObjectNode().put("name", "1# 码头"), 50)).isEmpty();
    }

    @Test
    @DisplayName("Position outside the coordinate range is rejected")
    void positionOutOfRange() {
        assertThatThrownBy(() -> new GeoPosition(91, 122))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Position 91.0, 122.0 is outside -90..90 latitude or -180..180 longitude");
    }
}
