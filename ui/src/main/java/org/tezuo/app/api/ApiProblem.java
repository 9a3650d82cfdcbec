package org.tezuo.app.api;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.http.HttpStatus;

/**
 * A rejection with several parts (field errors, risk items) that the API returns with one status and code.
 * The message and details are rendered per locale by the functions given.
 */
public final class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Function<Locale, String> message;
    private final Function<Locale, List<ApiError.Detail>> details;

    public ApiProblem(HttpStatus status, String code, Function<Locale, String> message,
            Function<Locale, List<ApiError.Detail>> details) {
        super(code);
        this.status = status;
        this.code = code;
        this.message = message;
        this.details = details;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    String message(Locale locale) {
        return message.apply(locale);
    }

    List<ApiError.Detail> details(Locale locale) {
        return details.apply(locale);
    }
}
