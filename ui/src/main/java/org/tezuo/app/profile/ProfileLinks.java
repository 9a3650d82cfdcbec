package org.tezuo.app.profile;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tezuo.core.qualification.profile.ProfileToken;

/** Builds the absolute URL a badge's QR code encodes: {@code <base URL>/profile/<token>}. */
@Component
public class ProfileLinks {

    /** Path of the profile page; the token follows it. */
    public static final String PATH = "/profile/";

    private final String publicBaseUrl;

    /**
     * @param publicBaseUrl the address phones reach the app at (property {@code tezuo.public-base-url}, for example
     *     https://tezuo.example.com); empty to use the address of the request that shows the badge
     */
    ProfileLinks(@Value("${tezuo.public-base-url:}") String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /**
     * Returns the profile page URL of a token under the configured public base URL, or else under
     * {@code requestBaseUrl} (for example http://host:8080).
     */
    public String url(String requestBaseUrl, ProfileToken token) {
        return (publicBaseUrl.isEmpty() ? requestBaseUrl : publicBaseUrl) + PATH + token.token();
    }
}
