package org.tezuo.app.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that remembers successful password checks for a short time. An API client sends HTTP Basic
 * credentials with every request, and each bcrypt comparison costs tens of milliseconds of CPU, an estimated 70 ms
 * at strength 10 on the 2-vCPU machine of docs/benchmarks.md. Without the cache the password check alone limits the
 * API to a few dozen requests per second and core.
 *
 * <p>An entry's key is an HMAC-SHA256, under a random key made at start, of the stored hash and the raw password.
 * So the map holds no password, a changed password (a new stored hash) never matches an old entry, and a wrong
 * password is always checked by the delegate, which lets {@link LoginLockout} count every failure. Disabled and
 * locked accounts are still refused, because the user is loaded and checked on every request before the password.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

    /** Entries kept at most; past it the map is emptied, which only costs the next checks their bcrypt time. */
    static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder delegate;
    private final long timeToLiveNanos;
    private final SecretKeySpec key;
    private final Map<String, Long> expiryByCheck = new ConcurrentHashMap<>();

    VerifiedPasswordCache(PasswordEncoder delegate, Duration timeToLive) {
        this.delegate = delegate;
        this.timeToLiveNanos = timeToLive.toNanos();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String check = checkKey(rawPassword, encodedPassword);
        long now = System.nanoTime();
        Long expiry = expiryByCheck.get(check);
        if (expiry != null && now - expiry < 0) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            if (expiryByCheck.size() >= MAX_ENTRIES) {
                expiryByCheck.clear();
            }
            expiryByCheck.put(check, now + timeToLiveNanos);
        } else {
            expiryByCheck.remove(check);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String checkKey(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(rawPassword.toString()
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
