package org.tezuo.core.pack;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Table {@code policy_pack_install}. */
@Component
class InstalledPacks {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    InstalledPacks(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(long tenantId, PolicyPackManifest manifest, InstalledPack.Status status, byte[] content,
            Map<String, @Nullable Integer> previous, Map<String, Integer> published, String actor, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into policy_pack_install (tenant_id, pack_id, pack_version, name, regulation, effective_from,
                    effective_to, status, content, previous_versions, published_versions, applied_by, applied_at,
                    activated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, manifest.id(), manifest.version(), manifest.nameZh(), manifest.regulation(),
                        manifest.effectiveFrom(), manifest.effectiveTo(), status.name(),
                        new String(content, java.nio.charset.StandardCharsets.UTF_8), json.writeValueAsString(previous),
                        json.writeValueAsString(published), actor, Timestamp.from(now),
                        status == InstalledPack.Status.ACTIVE ? Timestamp.from(now) : null)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void activate(long id, Map<String, @Nullable Integer> previous, Map<String, Integer> published, Instant now) {
        jdbc.sql("""
                update policy_pack_install set status = 'ACTIVE', previous_versions = ?, published_versions = ?,
                    activated_at = ? where id = ? and status = 'SCHEDULED'""")
                .params(json.writeValueAsString(previous), json.writeValueAsString(published), Timestamp.from(now), id)
                .update();
    }

    void setStatus(long id, InstalledPack.Status from, InstalledPack.Status to, @Nullable String actor,
            @Nullable Instant at) {
        jdbc.sql("""
                update policy_pack_install set status = ?, rolled_back_by = coalesce(?, rolled_back_by),
                    rolled_back_at = coalesce(?, rolled_back_at) where id = ? and status = ?""")
                .params(to.name(), actor, at == null ? null : Timestamp.from(at), id, from.name())
                .update();
    }

    Optional<InstalledPack> find(long tenantId, long id) {
        return jdbc.sql("select * from policy_pack_install where tenant_id = ? and id = ?")
                .params(tenantId, id).query(this::map).optional();
    }

    /** Returns every pack of the tenant, newest first. */
    List<InstalledPack> list(long tenantId) {
        return jdbc.sql("select * from policy_pack_install where tenant_id = ? order by id desc")
                .params(tenantId).query(this::map).list();
    }

    /** Returns the scheduled packs of every tenant whose effective date is on or before {@code latestDay}. */
    List<InstalledPack> scheduledFrom(LocalDate latestDay) {
        return jdbc.sql("select * from policy_pack_install where status = 'SCHEDULED' and effective_from <= ? order by id")
                .params(latestDay).query(this::map).list();
    }

    String content(long id) {
        return jdbc.sql("select content from policy_pack_install where id = ?").params(id).query(String.class).single();
    }

    /** Locks the tenant's pack rows, so that two applies in one tenant run one after the other. */
    void lockTenant(long tenantId) {
        jdbc.sql("select id from tenant where id = ? for update").params(tenantId).query(Long.class).list();
    }

    private InstalledPack map(ResultSet rs, int row) throws SQLException {
        java.sql.Date to = rs.getDate("effective_to");
        return new InstalledPack(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("pack_id"),
                rs.getString("pack_version"), rs.getString("name"), rs.getString("regulation"),
                rs.getDate("effective_from").toLocalDate(), to == null ? null : to.toLocalDate(),
                InstalledPack.Status.valueOf(rs.getString("status")), versions(rs.getString("previous_versions")),
                versions(rs.getString("published_versions")), rs.getString("applied_by"),
                rs.getTimestamp("applied_at").toInstant(), instant(rs.getTimestamp("activated_at")),
                rs.getString("rolled_back_by"), instant(rs.getTimestamp("rolled_back_at")));
    }

    @SuppressWarnings("unchecked")
    private <V> Map<String, V> versions(@Nullable String text) {
        if (text == null) {
            return new LinkedHashMap<>();
        }
        return (Map<String, V>) json.readValue(text, new TypeReference<LinkedHashMap<String, Integer>>() { });
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
