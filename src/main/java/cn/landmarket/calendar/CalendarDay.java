package cn.landmarket.calendar;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An exception to the weekday rule: a public holiday on a weekday or a make-up working weekend day. */
@Entity
@Table(name = "calendar_day")
public class CalendarDay {

    @Id
    public LocalDate day;

    public boolean working;

    public String note;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
