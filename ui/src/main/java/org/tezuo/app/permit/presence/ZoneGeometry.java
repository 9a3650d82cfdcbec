package org.tezuo.app.permit.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The area of a site zone that counts as "in the zone": the zone's polygon when its register record has one in
 * longitude/latitude (GeoJSON), otherwise a circle of a threshold radius around the zone's centre coordinate.
 *
 * <p>Polygons are tested with JTS in a local plane: each point is projected onto metres east and north of the
 * polygon's first vertex (equirectangular projection). Over a zone of a few kilometres the error of that projection
 * is far below the accuracy of a phone fix. Distances to a centre are great-circle (haversine) distances on a sphere
 * of the mean earth radius, which differ from the WGS 84 ellipsoid by at most about 0.5 %.
 */
public final class ZoneGeometry {

    /** Mean earth radius in metres (IUGG). */
    static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final @Nullable Geometry polygon;
    private final @Nullable GeoPosition origin;
    private final @Nullable GeoPosition centre;
    private final double radiusMetres;

    private ZoneGeometry(@Nullable Geometry polygon, @Nullable GeoPosition origin, @Nullable GeoPosition centre,
            double radiusMetres) {
        this.polygon = polygon;
        this.origin = origin;
        this.centre = centre;
        this.radiusMetres = radiusMetres;
    }

    /**
     * Where a position lies relative to the zone.
     *
     * @param distanceMetres distance to the zone's edge when outside, 0 inside
     */
    public record Placement(boolean inside, double distanceMetres) {
    }

    /**
     * Returns a zone bounded by a polygon.
     *
     * @param shell the outer ring, at least three distinct vertices; closing it is optional
     * @param holes inner rings that do not belong to the zone
     */
    public static ZoneGeometry polygon(List<GeoPosition> shell, List<List<GeoPosition>> holes) {
        GeoPosition origin = shell.getFirst();
        LinearRing outer = ring(shell, origin);
        LinearRing[] inner = holes.stream().map(hole -> ring(hole, origin)).toArray(LinearRing[]::new);
        return new ZoneGeometry(FACTORY.createPolygon(outer, inner), origin, null, 0);
    }

    /** Returns a zone that is a circle of {@code radiusMetres} around {@code centre}. */
    public static ZoneGeometry circle(GeoPosition centre, double radiusMetres) {
        if (!(radiusMetres > 0)) {
            throw new IllegalArgumentException("Zone radius " + radiusMetres + " m must be positive");
        }
        return new ZoneGeometry(null, null, centre, radiusMetres);
    }

    /**
     * Reads the zone of a {@code site_zone} register record: the polygon from field {@code polygon} (a GeoJSON
     * Polygon, or a Feature whose geometry is one, in longitude/latitude order), else a circle of
     * {@code radiusMetres} around field {@code location} ({@code {lat, lon}}). Empty when the record has neither,
     * or its polygon is in plan pixel coordinates, which carry no geographic position.
     */
    public static Optional<ZoneGeometry> fromZoneRecord(JsonNode data, double radiusMetres) {
        Optional<ZoneGeometry> polygon = geoJsonPolygon(data.path("polygon"));
        if (polygon.isPresent()) {
            return polygon;
        }
        JsonNode location = data.path("location");
        if (location.path("lat").isNumber() && location.path("lon").isNumber()) {
            double latitude = location.path("lat").asDouble();
            double longitude = location.path("lon").asDouble();
            if (GeoPosition.validLatitude(latitude) && GeoPosition.validLongitude(longitude)) {
                return Optional.of(circle(new GeoPosition(latitude, longitude), radiusMetres));
            }
        }
        return Optional.empty();
    }

    public boolean isPolygon() {
        return polygon != null;
    }

    /** Returns the radius of a circular zone in metres, or 0 for a polygon. */
    public double radiusMetres() {
        return radiusMetres;
    }

    /** Returns whether {@code position} is inside the zone (the edge counts as inside) and how far outside it is. */
    public Placement place(GeoPosition position) {
        if (polygon != null && origin != null) {
            Point point = FACTORY.createPoint(project(position, origin));
            return polygon.covers(point) ? new Placement(true, 0) : new Placement(false, polygon.distance(point));
        }
        double fromCentre = distanceMetres(requireCentre(), position);
        return fromCentre <= radiusMetres ? new Placement(true, 0) : new Placement(false, fromCentre - radiusMetres);
    }

    /** Returns the great-circle distance between two positions in metres. */
    public static double distanceMetres(GeoPosition from, GeoPosition to) {
        double latitudeFrom = Math.toRadians(from.latitude());
        double latitudeTo = Math.toRadians(to.latitude());
        double deltaLatitude = latitudeTo - latitudeFrom;
        double deltaLongitude = Math.toRadians(to.longitude() - from.longitude());
        double haversine = Math.pow(Math.sin(deltaLatitude / 2), 2)
                + Math.cos(latitudeFrom) * Math.cos(latitudeTo) * Math.pow(Math.sin(deltaLongitude / 2), 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(haversine)));
    }

    private GeoPosition requireCentre() {
        if (centre == null) {
            throw new IllegalStateException("Zone has neither a polygon nor a centre");
        }
        return centre;
    }

    private static Optional<ZoneGeometry> geoJsonPolygon(JsonNode field) {
        if (!field.isString() || !field.asString().strip().startsWith("{")) {
            return Optional.empty();
        }
        JsonNode geometry;
        try {
            geometry = JsonMapper.shared().readTree(field.asString());
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if ("Feature".equals(geometry.path("type").asString(""))) {
            geometry = geometry.path("geometry");
        }
        if (!"Polygon".equals(geometry.path("type").asString(""))) {
            return Optional.empty();
        }
        List<List<GeoPosition>> rings = new ArrayList<>();
        for (JsonNode ring : geometry.path("coordinates")) {
            List<GeoPosition> positions = new ArrayList<>();
            for (JsonNode vertex : ring) {
                if (vertex.size() < 2 || !vertex.get(0).isNumber() || !vertex.get(1).isNumber()
                        || !GeoPosition.validLongitude(vertex.get(0).asDouble())
                        || !GeoPosition.validLatitude(vertex.get(1).asDouble())) {
                    return Optional.empty();
                }
                positions.add(new GeoPosition(vertex.get(1).asDouble(), vertex.get(0).asDouble()));
            }
            rings.add(positions);
        }
        if (rings.isEmpty() || rings.getFirst().stream().distinct().count() < 3) {
            return Optional.empty();
        }
        return Optional.of(polygon(rings.getFirst(), rings.subList(1, rings.size())));
    }

    private static LinearRing ring(List<GeoPosition> vertices, GeoPosition origin) {
        List<Coordinate> coordinates = new ArrayList<>();
        for (GeoPosition vertex : vertices) {
            coordinates.add(project(vertex, origin));
        }
        if (!coordinates.getFirst().equals2D(coordinates.getLast())) {
            coordinates.add(new Coordinate(coordinates.getFirst()));
        }
        if (coordinates.size() < 4) {
            throw new IllegalArgumentException("A zone polygon needs at least three vertices, got " + vertices.size());
        }
        return FACTORY.createLinearRing(coordinates.toArray(Coordinate[]::new));
    }

    /** Projects a position onto metres east (x) and north (y) of {@code origin}. */
    private static Coordinate project(GeoPosition position, GeoPosition origin) {
        double north = Math.toRadians(position.latitude() - origin.latitude()) * EARTH_RADIUS_METRES;
        double east = Math.toRadians(position.longitude() - origin.longitude()) * EARTH_RADIUS_METRES
                * Math.cos(Math.toRadians(origin.latitude()));
        return new Coordinate(east, north);
    }
}
