package org.tezuo.app.api;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.metadata.UnknownMetadataKindException;

/** Reads the kind segment of a metadata URL; an unknown kind is a 404 that lists the kinds. */
final class MetadataKinds {

    private MetadataKinds() {
    }

    static MetadataKind parse(String code) {
        try {
            return MetadataKind.fromCode(code);
        } catch (UnknownMetadataKindException e) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "metadata.unknownKind",
                    locale -> UserMessages.render(locale, "metadata.unknownKind", e.kind(), MetadataKind.codes()), locale -> List.of());
        }
    }
}
