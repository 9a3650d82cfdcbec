package org.tezuo.app.permit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.core.environment.GasReading;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.MessageBundle;
import org.tezuo.core.metadata.DictionaryLabels;
import org.tezuo.core.record.EntityNotFoundException;
import org.tezuo.core.record.RecordQuery;
import org.tezuo.core.record.StoredRecord;
import org.tezuo.form.record.RecordService;

/**
 * The tenant's register of portable gas detectors (entity {@code gas_detector}: {@code assetNumber},
 * {@code status}, {@code calibrationDue}), read so that a reading from a scrapped, out-of-service or uncalibrated
 * detector never counts as a clean gas analysis. GB 30871-2022 5.3 requires the gas analysis itself. Rejecting a
 * detector that is not in service or past its calibration due date is enterprise practice, because its value cannot
 * be trusted. A tenant without the register has no entries to check.
 */
@Component
public class GasDetectorRegister {

    static final String ENTITY = "gas_detector";
    static final String IN_SERVICE = "in-service";
    private static final String STATUS_DICTIONARY = "gas-detector-status";
    private static final String BUNDLE = "org.tezuo.app.permit.messages";
    private static final Logger log = LoggerFactory.getLogger(GasDetectorRegister.class);

    /** A detector's register entry. */
    record Entry(String assetNumber, String status, @Nullable LocalDate calibrationDue) {
    }

    /** The rejection of a reading because of its detector's register entry, in the reader's words. */
    static final class DetectorRejectedException extends LocalizedException {

        DetectorRejectedException(String messageKey, Object... arguments) {
            super(new MessageBundle(BUNDLE), messageKey, arguments);
        }
    }

    private final RecordService records;
    private final DictionaryLabels dictionaries;

    GasDetectorRegister(RecordService records, DictionaryLabels dictionaries) {
        this.records = records;
        this.dictionaries = dictionaries;
    }

    /** Returns the entry of {@code detectorId}, or empty when the tenant has no register or does not list it. */
    Optional<Entry> find(long tenantId, String detectorId) {
        List<StoredRecord> found;
        try {
            found = records.list(tenantId, ENTITY, new RecordQuery(List.of("assetNumber:eq:" + detectorId), List.of(),
                    0, 1)).items();
        } catch (EntityNotFoundException e) {
            return Optional.empty();
        }
        return found.stream().findFirst().map(record -> new Entry(detectorId,
                record.data().path("status").asString(""),
                record.data().hasNonNull("calibrationDue")
                        ? LocalDate.parse(record.data().path("calibrationDue").asString()) : null));
    }

    /** Returns whether the tenant keeps the register and lists at least one detector in it. */
    boolean kept(long tenantId) {
        try {
            return records.list(tenantId, ENTITY, new RecordQuery(List.of(), List.of(), 0, 1)).total() > 0;
        } catch (EntityNotFoundException e) {
            return false;
        }
    }

    /**
     * Returns why {@code reading} cannot count because of its detector's register entry: the detector is not in
     * service, or its calibration was due before the day of the reading. Empty when the entry allows the reading
     * or the register does not list the detector.
     */
    Optional<DetectorRejectedException> rejection(long tenantId, GasReading reading, ZoneId zone) {
        return find(tenantId, reading.detectorId())
                .flatMap(detector -> rejection(tenantId, detector, reading, zone));
    }

    /** Returns why {@code reading} cannot count because of {@code detector}, its detector's entry. */
    Optional<DetectorRejectedException> rejection(long tenantId, Entry detector, GasReading reading, ZoneId zone) {
        if (!IN_SERVICE.equals(detector.status())) {
            log.info("Reading of detector {} for tenant {} rejected: register status {}", detector.assetNumber(),
                    tenantId, detector.status());
            return Optional.of(new DetectorRejectedException("gasDetector.notInService", detector.assetNumber(),
                    statusLabel(tenantId, detector.status(), Locale.SIMPLIFIED_CHINESE),
                    statusLabel(tenantId, detector.status(), Locale.ENGLISH)));
        }
        LocalDate readOn = reading.measuredAt().atZoneSameInstant(zone).toLocalDate();
        if (detector.calibrationDue() != null && detector.calibrationDue().isBefore(readOn)) {
            log.info("Reading of detector {} for tenant {} rejected: calibration due {}", detector.assetNumber(),
                    tenantId, detector.calibrationDue());
            return Optional.of(new DetectorRejectedException("gasDetector.calibrationOverdue",
                    detector.assetNumber(), detector.calibrationDue().toString(), readOn.toString()));
        }
        return Optional.empty();
    }

    private String statusLabel(long tenantId, String status, Locale locale) {
        return dictionaries.label(tenantId, STATUS_DICTIONARY, status, locale);
    }
}
