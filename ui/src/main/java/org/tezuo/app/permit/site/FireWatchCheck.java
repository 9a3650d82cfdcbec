package org.tezuo.app.permit.site;

import java.util.ArrayList;
import java.util.List;

/**
 * The fire watch's checklist after hot work, each item confirmed on site.
 *
 * @param noOpenFire no open fire remains at the hot-work point
 * @param noSmouldering no smouldering or embers remain
 * @param areaChecked the area around and below the hot-work point was checked
 */
public record FireWatchCheck(boolean noOpenFire, boolean noSmouldering, boolean areaChecked) {

    private static final List<SiteText> ITEMS = List.of(SiteText.of("site.fireWatch.item.noOpenFire"),
            SiteText.of("site.fireWatch.item.noSmouldering"), SiteText.of("site.fireWatch.item.areaChecked"));

    /** Returns the names of the checklist items in checklist order, for labels and the timeline. */
    public static List<SiteText> items() {
        return ITEMS;
    }

    /** Returns the names of the items not confirmed, in checklist order. */
    List<SiteText> missing() {
        boolean[] confirmed = {noOpenFire, noSmouldering, areaChecked};
        List<SiteText> missing = new ArrayList<>();
        for (int index = 0; index < confirmed.length; index++) {
            if (!confirmed[index]) {
                missing.add(ITEMS.get(index));
            }
        }
        return missing;
    }
}
