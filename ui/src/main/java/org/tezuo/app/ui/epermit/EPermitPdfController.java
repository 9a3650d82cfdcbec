package org.tezuo.app.ui.epermit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tezuo.app.permit.EPermits;
import org.tezuo.core.i18n.UserMessages;

/**
 * Serves the printable PDF of a QR e-permit at {@code /e-permit/<token>/pdf}, public like the page itself: the
 * unguessable token is the only key, and a revoked link or a permit that is not issued gets 404.
 */
@RestController
class EPermitPdfController {

    private final EPermits ePermits;
    private final EPermitPdfWriter writer;

    EPermitPdfController(EPermits ePermits, EPermitPdfWriter writer) {
        this.ePermits = ePermits;
        this.writer = writer;
    }

    @GetMapping(path = EPermits.PATH + "{token}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String token, HttpServletRequest request, Locale locale) {
        return ePermits.byToken(token)
                .map(permit -> EPermitPdfWriter.inline(permit, writer.write(permit, ePermits.url(baseUrl(request), permit),
                        "en".equals(locale.getLanguage()) ? Locale.ENGLISH : UserMessages.DEFAULT_LOCALE)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static String baseUrl(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }
}
