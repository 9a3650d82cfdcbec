package org.tezuo.app.permit.simops;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitTypes;
import org.tezuo.app.permit.simops.SimopsRegister.Operation;
import org.tezuo.app.permit.simops.SimopsRegister.Release;
import org.tezuo.app.permit.simops.SimopsRegister.ZoneLookup;
import org.tezuo.app.permit.simops.SimopsThresholds.Threshold;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.templates.IndustryTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Finds the conflicts of a permit with the other operations of its tenant whose windows overlap its own: permits in
 * approval, suspended, returned or issued (and not closed or cancelled on site), and the releases of the site
 * activity register. Four kinds of conflict, each with the clause its thresholds name:
 *
 * <ol>
 *   <li>hot work within {@code simopsVentingGasDistanceMetres} (30 m) of venting flammable gas or within
 *       {@code simopsDrainingLiquidDistanceMetres} (15 m) of draining or dewatering (GB 30871-2022 5.2.9), and hot
 *       work within {@code hotWorkExclusionMetres} (30 m) of a blind-flange job in a fire and explosion area (7.6);
 *   <li>two blind-flange permits on one line, by the normalised line number (7.10);
 *   <li>a lift whose zone lies within {@code simopsActivePermitClearanceMetres} of another permit's zone (an
 *       enterprise setting under 9.2.12 and 4.7);
 *   <li>digging deeper than {@code confinedSpaceDepthMetres} (1.2 m) over buried lines with hazardous media
 *       without confined-space treatment: the form applies confined-space rules, or a confined-space permit in
 *       flight is linked by number or lies in the same zone (11.10).
 * </ol>
 *
 * Distances are between zone coordinates; the same zone is 0 m apart, and a zone without coordinates is compared
 * only with itself. The {@code simops*Severity} thresholds make each kind BLOCK or WARN.
 */
@Component
public class SimopsConflictCheck {

    private static final Logger log = LoggerFactory.getLogger(SimopsConflictCheck.class);

    /** Bundle of the conflict sentences, {@code org/tezuo/app/permit/simops/messages*.properties}. */
    static final String BUNDLE = "org.tezuo.app.permit.simops.messages";

    /** The register of releases (venting, draining, dewatering) the check reads besides the permits. */
    public static final String ACTIVITY_ENTITY = "site_activity";

    static final String HOT_WORK = "hot-work";
    static final String BLIND_FLANGE = "blind-flange";
    static final String LIFTING = "lifting";
    static final String EXCAVATION = "excavation";
    static final String CONFINED_SPACE = "confined-space";

    private final SimopsRegister register;
    private final MetadataStore metadata;
    private final PermitTypes permitTypes;

    SimopsConflictCheck(SimopsRegister register, MetadataStore metadata, PermitTypes permitTypes) {
        this.register = register;
        this.metadata = metadata;
        this.permitTypes = permitTypes;
    }

    /**
     * Returns the conflicts of a permit, blocking ones first.
     *
     * @param data the permit data to check, which at submission is the validated data rather than the stored row
     * @param validUntil the end of validity on site, which replaces the form's end once the permit is accepted
     */
    public List<SimopsConflict> check(Permit permit, JsonNode data, @Nullable Instant validUntil) {
        return check(permit, data, validUntil, null);
    }

    /**
     * Returns the conflicts of a permit on site, blocking ones first, over what is left of its window from {@code
     * now}: a release or permit that ended before {@code now} no longer conflicts, so work stopped by a release can
     * resume once the release is over.
     *
     * @param now the start of the remaining window, or null for the whole approved window
     */
    public List<SimopsConflict> check(Permit permit, JsonNode data, @Nullable Instant validUntil,
            @Nullable Instant now) {
        long tenantId = permit.tenantId();
        Operation self = register.operation(permit, data, validUntil, now);
        // The register narrows by the stored windows; permits submitted before those were stored are narrowed here.
        Check check = new Check(self, register.otherActivePermits(tenantId, permit.id(), counterparts(self.type()),
                        self.window()).stream()
                        .filter(other -> other.window().overlaps(self.window()))
                        .toList(),
                register.zones(tenantId), new SimopsThresholds(metadata, tenantId));
        List<SimopsConflict> conflicts = new ArrayList<>();
        check.releasesNearHotWork(conflicts, register);
        check.hotWorkNearBlindFlange(conflicts);
        check.blindFlangesOnOneLine(conflicts);
        check.liftsNearPermits(conflicts);
        check.excavationWithoutConfinedSpace(conflicts);
        conflicts.sort((a, b) -> a.severity().compareTo(b.severity()));
        log.debug("Permit {} of tenant {}: {} SIMOPS conflicts against {} operations in flight", permit.id(), tenantId,
                conflicts.size(), check.others.size());
        return List.copyOf(conflicts);
    }

    /**
     * Returns the types of permit a permit of {@code type} can conflict with, or none for every type: a lift with any
     * permit below it; hot work with blind-flange jobs; a blind-flange job with hot work and other blind-flange jobs;
     * excavation with confined-space treatment; and every permit with lifts.
     */
    static Set<String> counterparts(String type) {
        return switch (type) {
            case LIFTING -> Set.of();
            case HOT_WORK -> Set.of(BLIND_FLANGE, LIFTING);
            case BLIND_FLANGE -> Set.of(HOT_WORK, BLIND_FLANGE, LIFTING);
            case EXCAVATION -> Set.of(CONFINED_SPACE, LIFTING);
            default -> Set.of(LIFTING);
        };
    }

    /** One check of one permit: the permit, the overlapping operations, and the lookups read once. */
    private final class Check {

        private final Operation self;
        private final List<Operation> others;
        private final ZoneLookup zones;
        private final SimopsThresholds thresholds;

        Check(Operation self, List<Operation> others, ZoneLookup zones, SimopsThresholds thresholds) {
            this.self = self;
            this.others = others;
            this.zones = zones;
            this.thresholds = thresholds;
        }

        /** Hot work near venting, draining or dewatering of the register (5.2.9). */
        void releasesNearHotWork(List<SimopsConflict> conflicts, SimopsRegister register) {
            if (!self.type().equals(HOT_WORK) || self.zoneId() == null) {
                return;
            }
            String ruleset = self.permit().rulesetKey();
            Optional<Threshold> severity = thresholds.find(ruleset, "simopsReleaseSeverity");
            Optional<Threshold> gas = thresholds.find(ruleset, "simopsVentingGasDistanceMetres");
            Optional<Threshold> liquid = thresholds.find(ruleset, "simopsDrainingLiquidDistanceMetres");
            if (severity.isEmpty() || gas.isEmpty() || liquid.isEmpty()) {
                return;
            }
            for (Release release : register.releases(self.permit().tenantId())) {
                if (!release.window().overlaps(self.window())) {
                    continue;
                }
                Threshold limit = "venting".equals(release.kind()) ? gas.get() : liquid.get();
                Optional<BigDecimal> distance = zones.distanceMetres(self.zoneId(), release.zoneId());
                if (distance.isPresent() && distance.get().compareTo(limit.decimal()) <= 0) {
                    conflicts.add(conflict("release-near-hot-work", "activity-" + release.id(),
                            severity.get().severity(), limit, metres(distance.get()), locale -> new Object[] {
                                name(self, locale), release(release, locale), metres(distance.get()), limit.text(),
                                limit.source()}));
                }
            }
        }

        /** Hot work within the exclusion distance of a blind-flange job in a fire and explosion area (7.6). */
        void hotWorkNearBlindFlange(List<SimopsConflict> conflicts) {
            if (!self.type().equals(HOT_WORK) && !self.type().equals(BLIND_FLANGE)) {
                return;
            }
            String otherType = self.type().equals(HOT_WORK) ? BLIND_FLANGE : HOT_WORK;
            for (Operation other : of(otherType)) {
                Operation blind = self.type().equals(BLIND_FLANGE) ? self : other;
                Operation hotWork = blind == self ? other : self;
                if (!blind.flag("hazardousArea")) {
                    continue;
                }
                withinDistance(conflicts, "hot-work-near-blind", other, blind.permit().rulesetKey(),
                        "hotWorkExclusionMetres", "simopsHotWorkSeverity", hotWork, blind);
            }
        }

        /** Two blind-flange jobs on one line (7.10). */
        void blindFlangesOnOneLine(List<SimopsConflict> conflicts) {
            String line = normalisedLine(self.text("pipelineNo"));
            if (!self.type().equals(BLIND_FLANGE) || line.isEmpty()) {
                return;
            }
            Optional<Threshold> severity = thresholds.find(self.permit().rulesetKey(), "simopsSameLineSeverity");
            if (severity.isEmpty()) {
                return;
            }
            for (Operation other : of(BLIND_FLANGE)) {
                if (line.equals(normalisedLine(other.text("pipelineNo")))) {
                    String shown = self.text("pipelineNo");
                    conflicts.add(new SimopsConflict("simops.blind-same-line@permit-" + other.permit().id(),
                            severity.get().severity(),
                            render(Locale.SIMPLIFIED_CHINESE, "simops.blind-same-line", name(self,
                                    Locale.SIMPLIFIED_CHINESE), name(other, Locale.SIMPLIFIED_CHINESE), shown,
                                    severity.get().source()),
                            render(Locale.ENGLISH, "simops.blind-same-line", name(self, Locale.ENGLISH),
                                    name(other, Locale.ENGLISH), shown, severity.get().source()),
                            shown, null, null, severity.get().source()));
                }
            }
        }

        /** Finds lifts whose zone lies within the clearance of another permit's zone (9.2.12, 4.7), both ways. */
        void liftsNearPermits(List<SimopsConflict> conflicts) {
            List<Operation> pairs = self.type().equals(LIFTING) ? others : of(LIFTING);
            for (Operation other : pairs) {
                Operation lift = self.type().equals(LIFTING) ? self : other;
                Operation below = lift == self ? other : self;
                withinDistance(conflicts, "lifting-near-permit", other, lift.permit().rulesetKey(),
                        "simopsActivePermitClearanceMetres", "simopsActivePermitSeverity", lift, below);
            }
        }

        /** Digging deeper than 1.2 m over buried hazardous lines without confined-space treatment (11.10). */
        void excavationWithoutConfinedSpace(List<SimopsConflict> conflicts) {
            if (!self.type().equals(EXCAVATION) || !self.flag("buriedHazardousLines")
                    || self.flag("confinedSpaceRulesApply")) {
                return;
            }
            BigDecimal depth = self.number("depthMetres");
            String ruleset = self.permit().rulesetKey();
            Optional<Threshold> limit = thresholds.find(ruleset, "confinedSpaceDepthMetres");
            Optional<Threshold> severity = thresholds.find(ruleset, "simopsConfinedSpaceSeverity");
            if (depth == null || limit.isEmpty() || severity.isEmpty() || depth.compareTo(limit.get().decimal()) <= 0) {
                return;
            }
            String linked = self.text("confinedSpacePermitNumber");
            boolean treated = of(CONFINED_SPACE).stream().anyMatch(permit -> (self.zoneId() != null
                    && self.zoneId().equals(permit.zoneId()))
                    || (!linked.isEmpty() && linked.equalsIgnoreCase(String.valueOf(permit.permit().permitNumber()))));
            if (treated) {
                return;
            }
            String shownDepth = depth.stripTrailingZeros().toPlainString();
            conflicts.add(conflict("excavation-confined-space", "depth",
                    severity.get().severity(), limit.get(), shownDepth, locale -> new Object[] {
                        name(self, locale), shownDepth, limit.get().text(),
                        linked.isEmpty() ? UserMessages.render(BUNDLE, locale, "simops.none") : linked,
                        limit.get().source()}));
        }

        /**
         * Adds a conflict with {@code other} when the zones of this permit and {@code other} lie within the distance
         * threshold {@code limitName} of {@code ruleset}. The message names {@code first}, then {@code second}.
         */
        private void withinDistance(List<SimopsConflict> conflicts, String kind, Operation other, String ruleset,
                String limitName, String severityName, Operation first, Operation second) {
            Optional<Threshold> limit = thresholds.find(ruleset, limitName);
            Optional<Threshold> severity = thresholds.find(ruleset, severityName);
            Optional<BigDecimal> distance = zones.distanceMetres(self.zoneId(), other.zoneId());
            if (limit.isEmpty() || severity.isEmpty() || distance.isEmpty()
                    || distance.get().compareTo(limit.get().decimal()) > 0) {
                return;
            }
            String metres = metres(distance.get());
            conflicts.add(conflict(kind, "permit-" + other.permit().id(), severity.get().severity(), limit.get(),
                    metres, locale -> new Object[] {name(first, locale), name(second, locale), metres,
                        limit.get().text(), limit.get().source()}));
        }

        private List<Operation> of(String type) {
            return others.stream().filter(other -> other.type().equals(type)).toList();
        }

        private SimopsConflict conflict(String kind, String party, ConflictSeverity severity, Threshold limit,
                String value, Function<Locale, Object[]> arguments) {
            return new SimopsConflict("simops." + kind + "@" + party, severity,
                    render(Locale.SIMPLIFIED_CHINESE, "simops." + kind, arguments.apply(Locale.SIMPLIFIED_CHINESE)),
                    render(Locale.ENGLISH, "simops." + kind, arguments.apply(Locale.ENGLISH)),
                    value, limit.text(), limit.unit(), limit.source());
        }

        /** Names a permit as people know it: its type and its number once issued, otherwise {@code #id}. */
        private String name(Operation operation, Locale locale) {
            Permit permit = operation.permit();
            IndustryTemplate.PermitType type = permitTypes.require(permit.tenantId(), permit.permitType());
            String number = permit.permitNumber() == null ? "#" + permit.id() : permit.permitNumber();
            return render(locale, "simops.permit", "en".equals(locale.getLanguage()) ? type.nameEn() : type.nameZh(),
                    number);
        }

        private String release(Release release, Locale locale) {
            String zone = zones.find(release.zoneId()).map(SimopsRegister.Zone::name).orElse("");
            return render(locale, "simops.release", render(locale, "simops.release." + release.kind()),
                    release.description(), zone);
        }
    }

    /**
     * Returns a line number as compared: Unicode NFKC (full-width letters and digits become ASCII), upper case,
     * without spaces, hyphens, underscores, slashes and dots, so that {@code ng-1001 / 150} and {@code NG1001150}
     * name the same line.
     */
    static String normalisedLine(String line) {
        return Normalizer.normalize(line, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT)
                .replaceAll("[\\s\\-_/.－—]", "");
    }

    private static String metres(BigDecimal distance) {
        return distance.stripTrailingZeros().toPlainString();
    }

    private static String render(Locale locale, String key, Object... arguments) {
        return UserMessages.render(BUNDLE, locale, key, arguments);
    }
}
