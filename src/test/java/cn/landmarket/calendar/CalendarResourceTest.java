package cn.landmarket.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;

/**
 * The working-day calendar over HTTP. Changes are made in 2031, far from the dates other tests
 * count working days over, and every override a test makes is removed again.
 */
@QuarkusTest
@StandardMarket
class CalendarResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final int YEAR = 2031;
    /** Tuesday. */
    private static final String WEEKDAY = "2031-03-04";
    /** Saturday. */
    private static final String SATURDAY = "2031-03-08";
    /** Sunday. */
    private static final String SUNDAY = "2031-03-09";

    @Inject
    TestData data;

    @AfterEach
    void removeOverrides() {
        data.execute("delete from calendar_day where day in ('" + WEEKDAY + "', '" + SATURDAY + "', '" + SUNDAY + "')");
    }

    private static ValidatableResponse put(String token, String date, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/api/calendar/days/" + date).then();
    }

    private static ValidatableResponse delete(String token, String date) {
        return given().auth().oauth2(token).when().delete("/api/calendar/days/" + date).then();
    }

    private static int workingDays(int year) {
        return given().when().get("/api/calendar/" + year).then().statusCode(200).extract().path("workingDays");
    }

    @Test
    void year2026HasTheStateCouncilHolidaysAndMakeUpDays() {
        given().when().get("/api/calendar/2026").then().statusCode(200)
                .body("year", equalTo(2026))
                .body("workingDays", equalTo(248))
                .body("maintained", equalTo(true))
                .body("overrides.find { it.date == '2026-10-01' }.working", equalTo(false))
                .body("overrides.find { it.date == '2026-10-01' }.note", equalTo("国庆节 National Day"))
                .body("overrides.find { it.date == '2026-10-10' }.working", equalTo(true))
                .body("overrides.find { it.date == '2026-02-14' }.working", equalTo(true))
                .body("overrides.date", hasItem("2026-01-01"))
                .body("overrides.date", not(hasItem("2025-12-31")))
                .body("overrides.date", not(hasItem("2027-01-01")));
    }

    @Test
    void yearWithoutOverridesCountsWeekdaysAndIsNotMaintained() {
        // 2099 starts on a Thursday and is not a leap year: 52 weeks and one weekday, 261 weekdays.
        given().when().get("/api/calendar/2099").then().statusCode(200)
                .body("year", equalTo(2099))
                .body("workingDays", equalTo(261))
                .body("maintained", equalTo(false))
                .body("overrides.size()", equalTo(0));
    }

    @Test
    void holidayOnAWeekdayIsRecordedAndLowersTheCount() {
        int before = workingDays(YEAR);

        put(Tokens.operator(), WEEKDAY, Map.of("working", false, "note", "测试假日 test holiday")).statusCode(200)
                .body("date", equalTo(WEEKDAY))
                .body("working", equalTo(false))
                .body("note", equalTo("测试假日 test holiday"));

        given().when().get("/api/calendar/" + YEAR).then().statusCode(200)
                .body("workingDays", equalTo(before - 1))
                .body("maintained", equalTo(true))
                .body("overrides.find { it.date == '" + WEEKDAY + "' }.working", equalTo(false))
                .body("overrides.find { it.date == '" + WEEKDAY + "' }.note", equalTo("测试假日 test holiday"));
    }

    @Test
    void recordingTheSameDateAgainReplacesTheOverride() {
        int before = workingDays(YEAR);
        put(Tokens.operator(), WEEKDAY, Map.of("working", false, "note", "第一次")).statusCode(200);

        put(Tokens.operator(), WEEKDAY, Map.of("working", false, "note", "  第二次  ")).statusCode(200)
                .body("note", equalTo("第二次"));

        given().when().get("/api/calendar/" + YEAR).then().statusCode(200)
                .body("workingDays", equalTo(before - 1))
                .body("overrides.findAll { it.date == '" + WEEKDAY + "' }.size()", equalTo(1))
                .body("overrides.find { it.date == '" + WEEKDAY + "' }.note", equalTo("第二次"));
    }

    @Test
    void workingTrueOnAWeekdayIsRejectedWith400() {
        int before = workingDays(YEAR);

        put(Tokens.operator(), WEEKDAY, Map.of("working", true, "note", "本来就上班")).statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("working"))
                .body("errors.find { it.field == 'working' }.code", equalTo("calendar.weekday-already-working"));

        given().when().get("/api/calendar/" + YEAR).then().statusCode(200)
                .body("workingDays", equalTo(before))
                .body("overrides.date", not(hasItem(WEEKDAY)));
    }

    @Test
    void holidayOnAWeekendIsRejectedWith400() {
        int before = workingDays(YEAR);

        put(Tokens.operator(), SUNDAY, Map.of("working", false, "note", "本来就休息")).statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("working"))
                .body("errors.find { it.field == 'working' }.code", equalTo("calendar.weekend-already-rest"));

        assertEquals(before, workingDays(YEAR));
    }

    @Test
    void makeUpWorkingSaturdayIsAcceptedAndRaisesTheCount() {
        int before = workingDays(YEAR);

        put(Tokens.operator(), SATURDAY, Map.of("working", true, "note", "调休上班 make-up working day"))
                .statusCode(200)
                .body("date", equalTo(SATURDAY))
                .body("working", equalTo(true))
                .body("note", equalTo("调休上班 make-up working day"));

        given().when().get("/api/calendar/" + YEAR).then().statusCode(200)
                .body("workingDays", equalTo(before + 1))
                .body("overrides.find { it.date == '" + SATURDAY + "' }.working", equalTo(true));
    }

    @Test
    void missingWorkingOrNoteIsRejectedWith400() {
        put(Tokens.operator(), WEEKDAY, Map.of("note", "缺少 working")).statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("working"));
        put(Tokens.operator(), WEEKDAY, Map.of("working", false, "note", " ")).statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("note"));

        given().when().get("/api/calendar/" + YEAR).then().statusCode(200)
                .body("overrides.date", not(hasItem(WEEKDAY)));
    }

    @Test
    void deletingAnOverrideRestoresTheCountAndASecondDeleteIsNotFound() {
        int before = workingDays(YEAR);
        put(Tokens.operator(), WEEKDAY, Map.of("working", false, "note", "临时假日")).statusCode(200);
        assertEquals(before - 1, workingDays(YEAR));

        delete(Tokens.operator(), WEEKDAY).statusCode(204);

        given().when().get("/api/calendar/" + YEAR).then().statusCode(200)
                .body("workingDays", equalTo(before))
                .body("overrides.date", not(hasItem(WEEKDAY)));
        delete(Tokens.operator(), WEEKDAY).statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("NOT_FOUND"))
                .body("detail", equalTo("No calendar day with id " + WEEKDAY + "."));
    }

    @Test
    void onlyTheOperatorMaintainsTheCalendar() {
        String enterprise = data.enterprise("CAL000001", EnterpriseStatus.VERIFIED);
        int before = workingDays(YEAR);
        Map<String, Object> holiday = Map.of("working", false, "note", "越权");

        for (String token : new String[] {Tokens.regulator(TestData.CITY_REGULATOR),
                Tokens.township(TestData.TOWNSHIP_A), Tokens.enterprise(enterprise)}) {
            put(token, WEEKDAY, holiday).statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("code", equalTo("FORBIDDEN"));
        }
        given().contentType(ContentType.JSON).body(holiday).when().put("/api/calendar/days/" + WEEKDAY).then()
                .statusCode(401)
                .body("code", equalTo("NOT_AUTHENTICATED"));
        assertEquals(before, workingDays(YEAR));

        put(Tokens.operator(), WEEKDAY, holiday).statusCode(200);
        delete(Tokens.regulator(TestData.CITY_REGULATOR), WEEKDAY).statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().when().delete("/api/calendar/days/" + WEEKDAY).then().statusCode(401)
                .body("code", equalTo("NOT_AUTHENTICATED"));
        assertEquals(before - 1, workingDays(YEAR));
    }

    @Test
    void yearOutsideTheSupportedRangeIsRejectedWith400() {
        given().when().get("/api/calendar/1999").then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("year"));
        given().when().get("/api/calendar/2101").then().statusCode(400)
                .body("errors.field", hasItem("year"));
    }

    @Test
    void impossibleDateIsAClientErrorProblem() {
        put(Tokens.operator(), "2031-02-30", Map.of("working", false, "note", "不存在的日子"))
                .statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500)))
                .contentType(PROBLEM_JSON)
                .body("status", allOf(greaterThanOrEqualTo(400), lessThan(500)))
                .body("code", oneOf("NOT_FOUND", "VALIDATION_FAILED", "MALFORMED_REQUEST"))
                .body("type", startsWith("urn:land-market:problem:"));
        delete(Tokens.operator(), "not-a-date")
                .statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500)))
                .contentType(PROBLEM_JSON)
                .body("status", allOf(greaterThanOrEqualTo(400), lessThan(500)));
        given().when().get("/api/calendar/twenty").then()
                .statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500)))
                .contentType(PROBLEM_JSON);
    }

    @Test
    void concurrentPutsOfOneDayAllSucceedAndLeaveOneOfTheirOverrides() throws Exception {
        int threads = 4;
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(threads);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String note = "并发假日 " + i;
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                            .body(Map.of("working", false, "note", note))
                            .when().put("/api/calendar/days/" + WEEKDAY).statusCode();
                }));
            }
            ready.await();
            go.countDown();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1L, data.count("select count(d) from CalendarDay d where d.day = ?1",
                java.time.LocalDate.parse(WEEKDAY)));
        given().when().get("/api/calendar/" + YEAR).then().statusCode(200)
                .body("overrides.find { it.date == '" + WEEKDAY + "' }.note", startsWith("并发假日 "));
    }
}
