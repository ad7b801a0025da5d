package cn.landmarket.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.landmarket.audit.AuditEntry;

/** An exception to the weekday rule: a public holiday on a weekday or a make-up working weekend day. */
@Entity
@Table(name = "calendar_day")
public class CalendarDay {

    /** First part of the type of this feature's audit entries ({@code calendar.day_set}, ...). */
    private static final String ENTRY = "calendar";

    @Id
    public LocalDate day;

    public boolean working;

    public String note;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** {@code calendar.day_set}: the date is a working day or not, with the note; and what it was before (null: no override). */
    public AuditEntry setEntry(Boolean previouslyWorking) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("date", day.toString());
        facts.put("working", working);
        facts.put("note", note);
        facts.put("previousWorking", previouslyWorking);
        return new AuditEntry(ENTRY + ".day_set", updatedAt, updatedBy, facts);
    }

    /** {@code calendar.day_cleared}: the override is gone; the date follows the weekday rule again. */
    public AuditEntry clearedEntry(Instant at, String actor) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("date", day.toString());
        facts.put("previousWorking", working);
        facts.put("previousNote", note);
        return new AuditEntry(ENTRY + ".day_cleared", at, actor, facts);
    }
}
