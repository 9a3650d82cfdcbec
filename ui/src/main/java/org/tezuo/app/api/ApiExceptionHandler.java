package org.tezuo.app.api;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.qualification.verification.VerificationRunNotFoundException;
import org.tezuo.core.i18n.UserMessages;
import tools.jackson.core.exc.StreamReadException;

/** Maps the platform's exceptions to REST responses in one place, in the caller's locale. */
@RestControllerAdvice(basePackages = "org.tezuo.app.api")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /**
     * Message keys of rejections that mean "the caller's tenant has no such id" (a person, certificate, warning,
     * published document, task or running approval). They return 404 like {@link NotFoundException}, so an id of
     * another tenant gets the same response as an id that never existed.
     */
    private static final Set<String> NOT_FOUND_KEYS = Set.of("person.notFound", "certificate.notFound",
            "warning.notFound", "metadata.notFound", "approval.taskNotFound", "operation.instanceNotFound",
            "profile.personNotFound", "clip.assessmentNotFound", "clip.notFound",
            "verification.certificateNotFound");

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ApiError> problem(ApiProblem problem, Locale locale) {
        return ResponseEntity.status(problem.status())
                .body(new ApiError(problem.code(), problem.message(locale), problem.details(locale)));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e, Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new ApiError(e.messageKey(), e.message(locale), List.of()));
    }

    @ExceptionHandler(VerificationRunNotFoundException.class)
    ResponseEntity<ApiError> runNotFound(VerificationRunNotFoundException e, Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new ApiError(e.messageKey(), e.message(locale), List.of()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, Locale locale) {
        if (e.getMostSpecificCause() instanceof StreamReadException syntax && syntax.getLocation() != null) {
            // The parser's own text is English and quotes parser internals, so only the position is shown.
            log.info("Request body is not JSON: {}", syntax.getOriginalMessage());
            return ResponseEntity.badRequest().body(new ApiError("api.badJson",
                    UserMessages.render(ApiCaller.locale(), "api.badJson", syntax.getLocation().getLineNr(),
                            syntax.getLocation().getColumnNr()), List.of()));
        }
        String reason = e.getMostSpecificCause().getMessage();
        String shortReason = reason == null ? "" : reason.lines().findFirst().orElse("");
        log.info("Unreadable request body: {}", shortReason);
        return ResponseEntity.badRequest().body(new ApiError("api.badRequest",
                UserMessages.render(ApiCaller.locale(), "api.badRequest", shortReason), List.of()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e, Locale locale) {
        return ResponseEntity.badRequest().body(new ApiError("api.badParameter",
                UserMessages.render(ApiCaller.locale(), "api.badParameter", e.getName(), String.valueOf(e.getValue())),
                List.of()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e, Locale locale) {
        log.info("Access denied: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError("api.forbidden",
                UserMessages.render(ApiCaller.locale(), "api.forbidden"), List.of()));
    }

    @ExceptionHandler(LocalizedException.class)
    ResponseEntity<ApiError> localized(LocalizedException e, Locale locale) {
        log.info("Request rejected: {}", e.toString());
        HttpStatus status = NOT_FOUND_KEYS.contains(e.messageKey()) ? HttpStatus.NOT_FOUND
                : HttpStatus.UNPROCESSABLE_CONTENT;
        return ResponseEntity.status(status)
                .body(new ApiError(e.messageKey(), e.message(locale), List.of()));
    }
}
