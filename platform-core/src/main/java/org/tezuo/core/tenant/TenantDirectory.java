package org.tezuo.core.tenant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Creates and looks up tenants. */
@Component
public class TenantDirectory {

    private final JdbcClient jdbc;
    private final Clock clock;

    public TenantDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates a tenant and returns it; the code must be unique. */
    public Tenant create(String code, String name, @Nullable String industryTemplate, ZoneId zone) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into tenant (code, name, industry_template, zone_id, created_at) values (?, ?, ?, ?, ?)")
                .params(code, name, industryTemplate, zone.getId(), Timestamp.from(clock.instant()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        // The tenant's audit chain starts empty; audit appends lock this row.
        jdbc.sql("insert into audit_chain_head (tenant_id, last_seq, last_hash) values (?, 0, '')").param(id).update();
        return new Tenant(id, code, name, industryTemplate, zone);
    }

    public Optional<Tenant> findByCode(String code) {
        return jdbc.sql("select * from tenant where code = ?").param(code).query(this::map).optional();
    }

    public Tenant require(long id) {
        return jdbc.sql("select * from tenant where id = ?").param(id).query(this::map).single();
    }

    public List<Tenant> all() {
        return jdbc.sql("select * from tenant order by id").query(this::map).list();
    }

    private Tenant map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Tenant(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                rs.getString("industry_template"), ZoneId.of(rs.getString("zone_id")));
    }
}
