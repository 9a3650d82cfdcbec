package org.tezuo.core.tenant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Display names of a tenant's user accounts (王建国 for the login name {@code leader}), for text that names users:
 * notices, approval history and delivery logs. Disabled accounts keep their names, because old records still name
 * them. A name that is no account of the tenant, such as {@code system}, is returned unchanged.
 */
@Component
public class UserNames {

    /** Separator between names in a list, as Chinese text writes it. */
    public static final String LIST_SEPARATOR = "、";

    private final JdbcClient jdbc;

    public UserNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the display name of a user of the tenant, or {@code username} itself when there is no such user. */
    public String of(long tenantId, String username) {
        return of(tenantId, List.of(username)).getOrDefault(username, username);
    }

    /** Returns the display name of each user name, or the user name itself when the tenant has no such user. */
    public Map<String, String> of(long tenantId, Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        if (usernames.isEmpty()) {
            return names;
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(usernames));
        String placeholders = distinct.stream().map(username -> "?").collect(Collectors.joining(", "));
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        parameters.addAll(distinct);
        jdbc.sql("select username, display_name from app_user where tenant_id = ? and username in ("
                        + placeholders + ")")
                .params(parameters)
                .query((rs, row) -> Map.entry(rs.getString("username"), rs.getString("display_name")))
                .list()
                .forEach(entry -> names.put(entry.getKey(), entry.getValue()));
        distinct.forEach(username -> names.putIfAbsent(username, username));
        return names;
    }

    /** Returns the display names of the users joined with {@value #LIST_SEPARATOR}, in the order given. */
    public String join(long tenantId, Collection<String> usernames) {
        Map<String, String> names = of(tenantId, usernames);
        return usernames.stream().map(names::get).collect(Collectors.joining(LIST_SEPARATOR));
    }
}
