package org.tezuo.core.metadata.bundle;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.metadata.DocumentCheck;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;

/**
 * Keeps secrets out of connector documents, so that exporting them never copies a secret to another tenant. The
 * meta-schema already limits {@code credentials} to a user name and the names of environment variables
 * ({@code apiKeyEnv}, {@code passwordEnv}); this check rejects the one place left for a secret, a
 * {@code baseUrl} with a password in its user information or a key, token, secret or password query parameter.
 */
@Component
public class ConnectorSecretCheck implements DocumentCheck {

    private static final Set<String> SECRET_PARAMETERS = Set.of("key", "apikey", "api_key", "token",
            "access_token", "secret", "client_secret", "password", "passwd", "pwd", "signature", "sig");

    @Override
    public boolean appliesTo(MetadataDocument candidate) {
        return candidate.kind() == MetadataKind.CONNECTOR;
    }

    @Override
    public List<MetaSchemaViolation> check(MetadataDocument candidate, Locale locale) {
        return secretsIn(candidate.body()).stream()
                .map(secret -> new MetaSchemaViolation("/baseUrl",
                        UserMessages.render(locale, "metadata.connector.secretInUrl", secret)))
                .toList();
    }

    /** Returns the names of the secrets that a connector body's base URL carries, for example {@code token}. */
    static List<String> secretsIn(JsonNode body) {
        List<String> secrets = new ArrayList<>();
        URI uri;
        try {
            uri = new URI(body.path("baseUrl").asString(""));
        } catch (URISyntaxException e) {
            return secrets;
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            secrets.add("password");
        }
        String query = uri.getRawQuery();
        if (query != null) {
            for (String parameter : query.split("&")) {
                String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (SECRET_PARAMETERS.contains(name)) {
                    secrets.add(name);
                }
            }
        }
        return secrets;
    }
}
