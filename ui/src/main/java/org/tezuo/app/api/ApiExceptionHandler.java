package org.tezuo.app.api;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

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
        MismatchedInputException mismatch = causeOf(e, MismatchedInputException.class);
        if (mismatch != null) {
            // Jackson's own text names Java classes, so the field, the value and the expected form are shown.
            String expected = UserMessages.render(ApiCaller.locale(), expectedKey(mismatch.getTargetType()));
            log.info("Request body has a value of the wrong form at {}: {}", fieldPath(mismatch),
                    mismatch.getOriginalMessage());
            if (mismatch.getPath().isEmpty()) {
                return ResponseEntity.badRequest().body(new ApiError("api.badBody",
                        UserMessages.render(ApiCaller.locale(), "api.badBody", expected), List.of()));
            }
            if (mismatch instanceof InvalidFormatException invalid && invalid.getValue() != null) {
                return ResponseEntity.badRequest().body(new ApiError("api.badField",
                        UserMessages.render(ApiCaller.locale(), "api.badField", fieldPath(mismatch),
                                String.valueOf(invalid.getValue()), expected), List.of()));
            }
            return ResponseEntity.badRequest().body(new ApiError("api.badFieldType",
                    UserMessages.render(ApiCaller.locale(), "api.badFieldType", fieldPath(mismatch), expected),
                    List.of()));
        }
        String reason = e.getMostSpecificCause().getMessage();
        String shortReason = reason == null ? "" : reason.lines().findFirst().orElse("");
        log.info("Unreadable request body: {}", shortReason);
        return ResponseEntity.badRequest().body(new ApiError("api.badRequest",
                UserMessages.render(ApiCaller.locale(), "api.badRequest", shortReason), List.of()));
    }

    /** Returns the first exception of {@code type} in the chain of causes, or null. */
    private static <T extends Throwable> @Nullable T causeOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** Returns where in the body a value sits, such as {@code until} or {@code workers[1].idNumber}. */
    private static String fieldPath(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Returns the key of the words for the form a value must take, by the Java type it is read into. */
    private static String expectedKey(@Nullable Class<?> type) {
        if (type == null) {
            return "api.expected.value";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return type == LocalDate.class ? "api.expected.date" : "api.expected.dateTime";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "api.expected.number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "api.expected.boolean";
        }
        if (type == String.class || type.isEnum()) {
            return "api.expected.text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "api.expected.array";
        }
        return "api.expected.object";
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
