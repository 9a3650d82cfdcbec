package org.tezuo.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordCacheTest {

    /** Counts the checks that reach bcrypt. */
    private static final class CountingEncoder implements PasswordEncoder {
        private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        private final AtomicInteger checks = new AtomicInteger();

        @Override
        public @Nullable String encode(@Nullable CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
            checks.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    }

    private final CountingEncoder bcrypt = new CountingEncoder();
    private final String hash = bcrypt.encode("Demo@2026");

    @Test
    void repeatedRightPasswordIsCheckedOnce() {
        VerifiedPasswordCache cache = new VerifiedPasswordCache(bcrypt, Duration.ofMinutes(5));

        boolean first = cache.matches("Demo@2026", hash);
        boolean second = cache.matches("Demo@2026", hash);

        assertThat(first).isTrue();
        assertThat(second).isTrue();
        assertThat(bcrypt.checks).hasValue(1);
    }

    @Test
    void wrongPasswordIsCheckedEveryTime() {
        VerifiedPasswordCache cache = new VerifiedPasswordCache(bcrypt, Duration.ofMinutes(5));
        cache.matches("Demo@2026", hash);

        boolean first = cache.matches("Demo@2025", hash);
        boolean second = cache.matches("Demo@2025", hash);

        assertThat(first).isFalse();
        assertThat(second).isFalse();
        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void changedPasswordHashIsNotMatchedFromCache() {
        VerifiedPasswordCache cache = new VerifiedPasswordCache(bcrypt, Duration.ofMinutes(5));
        cache.matches("Demo@2026", hash);
        String newHash = bcrypt.encode("New@2027");

        boolean oldPasswordOnNewHash = cache.matches("Demo@2026", newHash);

        assertThat(oldPasswordOnNewHash).isFalse();
        assertThat(bcrypt.checks).hasValue(2);
    }

    @Test
    void expiredEntryIsCheckedAgain() {
        VerifiedPasswordCache cache = new VerifiedPasswordCache(bcrypt, Duration.ZERO);
        cache.matches("Demo@2026", hash);

        boolean again = cache.matches("Demo@2026", hash);

        assertThat(again).isTrue();
        assertThat(bcrypt.checks).hasValue(2);
    }
}
