// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's tables. Only inserts: there is no UPDATE or DELETE here, and the database refuses both (V5_021).
 * {@link #append} writes an entry under a row lock on its lot, so concurrent writers on any node see each other's
 * entries before the rules check the balance.
 */
@Repository
class LedgerStore {

    record LocationLedger(UUID locationId, LocalDate openedOn, Instant openedAt, String openedBy, String openedByName,
            @Nullable String note) {}

    /** A lot's balance at a location, with where it is stored (the last storage recorded there). */
    record LotBalance(Lot lot, UUID locationId, BigDecimal balance, @Nullable String storage) {}

    /** An entry with its lot and product, for lists and reports. */
    record EntryRow(Entry entry, Lot lot) {}

    /** A loss report's latest follow-up. */
    record LossFollowUp(UUID entryId, @Nullable LocalDate deaNotifiedOn, @Nullable LocalDate form106FiledOn,
            @Nullable String note, Instant recordedAt, String recordedByName) {}

    private static final String ENTRY_ROWS = """
            SELECT e.*, l.product_id, l.lot_number, l.expiry, p.substance, p.name AS product_name, p.ndc, p.unit,
                p.mg_per_unit
            FROM cs_entry e JOIN cs_lot l ON l.id = e.lot_id JOIN cs_product p ON p.id = l.product_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    LedgerStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // --- products and lots ------------------------------------------------------------------------------------

    List<Product> products() {
        return jdbc.sql("SELECT * FROM cs_product ORDER BY substance, name").query(LedgerStore::product).list();
    }

    Optional<Product> product(UUID id) {
        return jdbc.sql("SELECT * FROM cs_product WHERE id = :id").param("id", id).query(LedgerStore::product).optional();
    }

    boolean productNamed(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM cs_product WHERE LOWER(name) = LOWER(:n)").param("n", name)
                .query(Long.class).single() > 0;
    }

    void insertProduct(Product p, String by) {
        jdbc.sql("""
                INSERT INTO cs_product (id, substance, name, ndc, unit, mg_per_unit, created_at, created_by)
                VALUES (:id, :s, :n, :ndc, :u, :mg, :at, :by)""")
                .param("id", p.id()).param("s", p.substance().name()).param("n", p.name()).param("ndc", p.ndc())
                .param("u", p.unit().name()).param("mg", p.mgPerUnit()).param("at", utc(now())).param("by", by).update();
    }

    Optional<Lot> lot(UUID id) {
        return jdbc.sql("SELECT l.*, p.substance, p.name AS product_name, p.ndc, p.unit, p.mg_per_unit FROM cs_lot l"
                        + " JOIN cs_product p ON p.id = l.product_id WHERE l.id = :id")
                .param("id", id).query(LedgerStore::lot).optional();
    }

    Optional<Lot> lot(UUID product, String lotNumber) {
        return jdbc.sql("SELECT l.*, p.substance, p.name AS product_name, p.ndc, p.unit, p.mg_per_unit FROM cs_lot l"
                        + " JOIN cs_product p ON p.id = l.product_id WHERE l.product_id = :p AND l.lot_number = :n")
                .param("p", product).param("n", lotNumber).query(LedgerStore::lot).optional();
    }

    Lot insertLot(Product product, String lotNumber, LocalDate expiry, String by) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO cs_lot (id, product_id, lot_number, expiry, created_at, created_by)
                VALUES (:id, :p, :n, :e, :at, :by)""")
                .param("id", id).param("p", product.id()).param("n", lotNumber).param("e", expiry)
                .param("at", utc(now())).param("by", by).update();
        return new Lot(id, product, lotNumber, expiry);
    }

    /** Takes the lot's row lock for the rest of the transaction: every entry of a lot is written under it. */
    void lock(UUID lot) {
        jdbc.sql("SELECT id FROM cs_lot WHERE id = :id FOR UPDATE").param("id", lot).query(UUID.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("lot: no such lot."));
    }

    // --- locations ----------------------------------------------------------------------------------------------

    Optional<LocationLedger> ledgerAt(UUID location) {
        return jdbc.sql("SELECT * FROM cs_location_ledger WHERE location_id = :l").param("l", location)
                .query((rs, n) -> new LocationLedger(rs.getObject("location_id", UUID.class),
                        rs.getObject("opened_on", LocalDate.class), instant(rs, "opened_at"), rs.getString("opened_by"),
                        rs.getString("opened_by_name"), rs.getString("note")))
                .optional();
    }

    Map<UUID, LocationLedger> ledgers() {
        var map = new LinkedHashMap<UUID, LocationLedger>();
        jdbc.sql("SELECT location_id FROM cs_location_ledger").query(UUID.class).list()
                .forEach(id -> ledgerAt(id).ifPresent(l -> map.put(id, l)));
        return map;
    }

    void openLedger(UUID location, LocalDate openedOn, Movement.Actor by, @Nullable String note) {
        jdbc.sql("""
                INSERT INTO cs_location_ledger (location_id, opened_on, opened_at, opened_by, opened_by_name, note)
                VALUES (:l, :on, :at, :by, :name, :note)""")
                .param("l", location).param("on", openedOn).param("at", utc(now())).param("by", by.email())
                .param("name", by.name()).param("note", note).update();
    }

    /** True once anything other than the initial inventory was recorded at the location. */
    boolean pastInitialInventory(UUID location) {
        return jdbc.sql("SELECT COUNT(*) FROM cs_entry WHERE location_id = :l AND kind <> 'INITIAL_INVENTORY'")
                .param("l", location).query(Long.class).single() > 0;
    }

    /** The last biennial inventory count at the location, if any. */
    Optional<LocalDate> lastBiennialCount(UUID location) {
        return jdbc.sql("SELECT MAX(occurred_on) FROM cs_entry WHERE location_id = :l AND kind = 'COUNT'"
                        + " AND count_kind = 'BIENNIAL'")
                .param("l", location).query((rs, n) -> rs.getObject(1, LocalDate.class)).optional()
                .filter(d -> d != null);
    }

    // --- the balance and appending ----------------------------------------------------------------------------

    BigDecimal balance(UUID lot, UUID location) {
        return jdbc.sql("SELECT COALESCE(SUM(delta), 0) FROM cs_entry WHERE lot_id = :lot AND location_id = :l")
                .param("lot", lot).param("l", location).query(BigDecimal.class).single().setScale(LedgerRules.SCALE);
    }

    /**
     * Writes one entry: locks the lot, reads its balance and last line at the location, applies the rules (which may
     * refuse), inserts. The returned entry is exactly what was stored.
     */
    Entry append(Movement m, String unit) {
        lock(m.lotId());
        var balance = balance(m.lotId(), m.locationId());
        var effect = LedgerRules.apply(m.kind(), balance, m.amount(), unit);
        int line = jdbc.sql("SELECT COALESCE(MAX(line), 0) FROM cs_entry WHERE lot_id = :lot AND location_id = :l")
                .param("lot", m.lotId()).param("l", m.locationId()).query(Integer.class).single() + 1;
        long number = jdbc.sql("SELECT nextval('cs_entry_no_seq')").query(Long.class).single();
        var d = m.details();
        var entry = new Entry(UUID.randomUUID(), number, m.kind(), m.lotId(), m.locationId(), line, effect.quantity(),
                effect.delta(), effect.balanceAfter(), effect.discrepancy(), m.occurredOn(), now(), m.by().email(),
                m.by().name(), m.witness() == null ? null : m.witness().email(),
                m.witness() == null ? null : m.witness().name(), m.sessionId(), m.patientId(), m.otherLocationId(),
                m.groupId(), m.correctsId(), m.resolvesId(), d);
        jdbc.sql("""
                INSERT INTO cs_entry (id, entry_no, kind, lot_id, location_id, line, quantity, delta, balance_after,
                    discrepancy, occurred_on, recorded_at, recorded_by, recorded_by_name, witness_by, witness_name,
                    session_id, patient_id, other_location_id, group_id, corrects_id, resolves_id, supplier,
                    invoice_number, storage, count_kind, estimated, loss_type, police_report, note)
                VALUES (:id, :no, :kind, :lot, :loc, :line, :q, :delta, :after, :disc, :on, :at, :by, :byName, :wit,
                    :witName, :session, :patient, :other, :grp, :corrects, :resolves, :supplier, :invoice, :storage,
                    :countKind, :estimated, :lossType, :police, :note)""")
                .param("id", entry.id()).param("no", number).param("kind", m.kind().name()).param("lot", m.lotId())
                .param("loc", m.locationId()).param("line", line).param("q", effect.quantity())
                .param("delta", effect.delta()).param("after", effect.balanceAfter()).param("disc", effect.discrepancy())
                .param("on", m.occurredOn()).param("at", utc(entry.recordedAt())).param("by", entry.recordedBy())
                .param("byName", entry.recordedByName()).param("wit", entry.witnessBy())
                .param("witName", entry.witnessName()).param("session", m.sessionId()).param("patient", m.patientId())
                .param("other", m.otherLocationId()).param("grp", m.groupId()).param("corrects", m.correctsId())
                .param("resolves", m.resolvesId()).param("supplier", d.supplier()).param("invoice", d.invoiceNumber())
                .param("storage", d.storage()).param("countKind", d.countKind()).param("estimated", d.estimated())
                .param("lossType", d.lossType()).param("police", d.policeReport()).param("note", d.note()).update();
        return entry;
    }

    // --- reads ------------------------------------------------------------------------------------------------

    Optional<EntryRow> entry(UUID id) {
        return jdbc.sql(ENTRY_ROWS + " WHERE e.id = :id").param("id", id).query(LedgerStore::entryRow).optional();
    }

    List<EntryRow> recentAt(UUID location, int limit) {
        return jdbc.sql(ENTRY_ROWS + " WHERE e.location_id = :l ORDER BY e.recorded_at DESC, e.entry_no DESC LIMIT "
                + limit).param("l", location).query(LedgerStore::entryRow).list();
    }

    /** Every entry of a lot, at every location, oldest first. */
    List<EntryRow> history(UUID lot) {
        return jdbc.sql(ENTRY_ROWS + " WHERE e.lot_id = :lot ORDER BY e.recorded_at, e.entry_no").param("lot", lot)
                .query(LedgerStore::entryRow).list();
    }

    List<Entry> forSession(UUID session) {
        return jdbc.sql(ENTRY_ROWS + " WHERE e.session_id = :s ORDER BY e.recorded_at, e.entry_no").param("s", session)
                .query(LedgerStore::entryRow).list().stream().map(EntryRow::entry).toList();
    }

    /** Entries at a location recorded in [from, to), oldest first. */
    List<EntryRow> between(UUID location, Instant from, Instant to) {
        return jdbc.sql(ENTRY_ROWS + " WHERE e.location_id = :l AND e.recorded_at >= :f AND e.recorded_at < :t"
                        + " ORDER BY e.recorded_at, e.entry_no")
                .param("l", location).param("f", utc(from)).param("t", utc(to)).query(LedgerStore::entryRow).list();
    }

    /** Each lot's balance at a location from the entries recorded before {@code before}: the report's opening. */
    Map<UUID, BigDecimal> balancesBefore(UUID location, Instant before) {
        var map = new LinkedHashMap<UUID, BigDecimal>();
        jdbc.sql("SELECT lot_id, SUM(delta) FROM cs_entry WHERE location_id = :l AND recorded_at < :b GROUP BY lot_id")
                .param("l", location).param("b", utc(before))
                .query(rs -> {
                    map.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2).setScale(LedgerRules.SCALE));
                });
        return map;
    }

    /** Every lot that has entries at the location, with its balance there and where it is stored. */
    List<LotBalance> balancesAt(UUID location) {
        var rows = new ArrayList<LotBalance>();
        jdbc.sql("""
                SELECT l.*, p.substance, p.name AS product_name, p.ndc, p.unit, p.mg_per_unit, b.balance,
                    (SELECT s.storage FROM cs_entry s WHERE s.lot_id = l.id AND s.location_id = :l
                        AND s.storage IS NOT NULL ORDER BY s.line DESC LIMIT 1) AS current_storage
                FROM (SELECT lot_id, SUM(delta) AS balance FROM cs_entry WHERE location_id = :l GROUP BY lot_id) b
                JOIN cs_lot l ON l.id = b.lot_id JOIN cs_product p ON p.id = l.product_id
                ORDER BY l.expiry, p.name, l.lot_number""")
                .param("l", location)
                .query(rs -> {
                    rows.add(new LotBalance(lot(rs, 0), location, rs.getBigDecimal("balance").setScale(LedgerRules.SCALE),
                            rs.getString("current_storage")));
                });
        return rows;
    }

    /** Counts with a discrepancy that no resolution names yet; at one location, or everywhere. */
    List<EntryRow> openDiscrepancies(@Nullable UUID location) {
        return jdbc.sql(ENTRY_ROWS + " WHERE e.kind = 'COUNT' AND e.discrepancy <> 0"
                        + (location == null ? "" : " AND e.location_id = :l")
                        + " AND NOT EXISTS (SELECT 1 FROM cs_entry r WHERE r.resolves_id = e.id)"
                        + " ORDER BY e.recorded_at")
                .params(location == null ? Map.of() : Map.of("l", location)).query(LedgerStore::entryRow).list();
    }

    /** The resolutions of these counts, by the count's id. */
    Map<UUID, EntryRow> resolutionsOf(Collection<UUID> counts) {
        var map = new LinkedHashMap<UUID, EntryRow>();
        if (!counts.isEmpty()) {
            jdbc.sql(ENTRY_ROWS + " WHERE e.resolves_id IN (:ids)").param("ids", counts).query(LedgerStore::entryRow)
                    .list().forEach(r -> map.put(r.entry().resolvesId(), r));
        }
        return map;
    }

    /** Loss reports, newest first; at one location, or everywhere. */
    List<EntryRow> losses(@Nullable UUID location) {
        return jdbc.sql(ENTRY_ROWS + " WHERE e.kind = 'LOSS'" + (location == null ? "" : " AND e.location_id = :l")
                        + " ORDER BY e.recorded_at DESC")
                .params(location == null ? Map.of() : Map.of("l", location)).query(LedgerStore::entryRow).list();
    }

    /** The latest follow-up of each of these losses. */
    Map<UUID, LossFollowUp> followUps(Collection<UUID> losses) {
        var map = new LinkedHashMap<UUID, LossFollowUp>();
        if (!losses.isEmpty()) {
            jdbc.sql("SELECT * FROM cs_loss_followup WHERE entry_id IN (:ids) ORDER BY recorded_at")
                    .param("ids", losses)
                    .query(rs -> {
                        var id = rs.getObject("entry_id", UUID.class);
                        var previous = map.get(id);
                        var notified = rs.getObject("dea_notified_on", LocalDate.class);
                        var filed = rs.getObject("form106_filed_on", LocalDate.class);
                        // a later follow-up that leaves a date blank keeps the earlier one
                        map.put(id, new LossFollowUp(id,
                                notified != null ? notified : previous == null ? null : previous.deaNotifiedOn(),
                                filed != null ? filed : previous == null ? null : previous.form106FiledOn(),
                                rs.getString("note"), instant(rs, "recorded_at"), rs.getString("recorded_by_name")));
                    });
        }
        return map;
    }

    void insertFollowUp(UUID loss, @Nullable LocalDate notified, @Nullable LocalDate filed, @Nullable String note,
            Movement.Actor by) {
        jdbc.sql("""
                INSERT INTO cs_loss_followup (id, entry_id, dea_notified_on, form106_filed_on, note, recorded_at,
                    recorded_by, recorded_by_name)
                VALUES (:id, :e, :n, :f, :note, :at, :by, :name)""")
                .param("id", UUID.randomUUID()).param("e", loss).param("n", notified).param("f", filed)
                .param("note", note).param("at", utc(now())).param("by", by.email()).param("name", by.name()).update();
    }

    // --- mapping ----------------------------------------------------------------------------------------------

    static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Product product(ResultSet rs, int n) throws SQLException {
        return new Product(rs.getObject("id", UUID.class), Substance.valueOf(rs.getString("substance")),
                rs.getString("name"), rs.getString("ndc"), Unit.valueOf(rs.getString("unit")),
                rs.getBigDecimal("mg_per_unit"));
    }

    /** A lot from a row of cs_lot joined with its product's columns (product_name etc.). */
    static Lot lot(ResultSet rs, int n) throws SQLException {
        var product = new Product(rs.getObject("product_id", UUID.class), Substance.valueOf(rs.getString("substance")),
                rs.getString("product_name"), rs.getString("ndc"), Unit.valueOf(rs.getString("unit")),
                rs.getBigDecimal("mg_per_unit"));
        return new Lot(rs.getObject("id", UUID.class), product, rs.getString("lot_number"),
                rs.getObject("expiry", LocalDate.class));
    }

    static EntryRow entryRow(ResultSet rs, int n) throws SQLException {
        var product = new Product(rs.getObject("product_id", UUID.class), Substance.valueOf(rs.getString("substance")),
                rs.getString("product_name"), rs.getString("ndc"), Unit.valueOf(rs.getString("unit")),
                rs.getBigDecimal("mg_per_unit"));
        var lot = new Lot(rs.getObject("lot_id", UUID.class), product, rs.getString("lot_number"),
                rs.getObject("expiry", LocalDate.class));
        var details = new Entry.Details(rs.getString("supplier"), rs.getString("invoice_number"), rs.getString("storage"),
                rs.getString("count_kind"), rs.getBoolean("estimated"), rs.getString("loss_type"),
                rs.getString("police_report"), rs.getString("note"));
        var discrepancy = rs.getBigDecimal("discrepancy");
        var entry = new Entry(rs.getObject("id", UUID.class), rs.getLong("entry_no"),
                EntryKind.valueOf(rs.getString("kind")), lot.id(), rs.getObject("location_id", UUID.class),
                rs.getInt("line"), rs.getBigDecimal("quantity").setScale(LedgerRules.SCALE),
                rs.getBigDecimal("delta").setScale(LedgerRules.SCALE),
                rs.getBigDecimal("balance_after").setScale(LedgerRules.SCALE),
                discrepancy == null ? null : discrepancy.setScale(LedgerRules.SCALE),
                rs.getObject("occurred_on", LocalDate.class), instant(rs, "recorded_at"), rs.getString("recorded_by"),
                rs.getString("recorded_by_name"), rs.getString("witness_by"), rs.getString("witness_name"),
                rs.getObject("session_id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("other_location_id", UUID.class), rs.getObject("group_id", UUID.class),
                rs.getObject("corrects_id", UUID.class), rs.getObject("resolves_id", UUID.class), details);
        return new EntryRow(entry, lot);
    }
}
