package cn.landmarket.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.audit.AuditLog;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.FieldViolation;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.party.PartyService;

/**
 * Notifications (README, "Notifications"): turns outbox events into messages (the fan-out), writes
 * the time-based events, delivers messages in order per organisation and channel with retries and
 * dead letters, and keeps each organisation's choices.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+$");
    static final String SYSTEM = "system:notification";

    private final NotificationRepository repository;
    private final NotificationConfig config;
    private final EmailChannel email;
    private final WebhookChannel webhook;
    private final PartyService parties;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    NotificationService(NotificationRepository repository, NotificationConfig config, EmailChannel email,
            WebhookChannel webhook, PartyService parties, AuditLog audit, Clock clock, MarketConfig market) {
        this.repository = repository;
        this.config = config;
        this.email = email;
        this.webhook = webhook;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
        this.zone = market.zone();
    }

    /**
     * One fan-out pass, on one instance at a time: the oldest events not expanded yet become one
     * message per recipient organisation, event type and channel it chose, and are marked expanded,
     * all in one transaction. Returns how many events were expanded, or -1 when another instance
     * is expanding.
     */
    @Transactional
    public int expand() {
        if (!repository.tryLock(NotificationRepository.EXPAND_LOCK)) {
            return -1;
        }
        List<NotificationRepository.EventRow> events = repository.pendingEvents(config.expandBatch());
        Instant now = clock.instant();
        List<Prepared> prepared = events.stream().map(NotificationService::prepare).toList();
        Pass pass = Pass.read(prepared, repository);
        List<Long> ids = new ArrayList<>();
        for (Prepared event : prepared) {
            expand(event, now, pass);
            ids.add(event.row().id());
        }
        repository.markExpanded(ids, now);
        return events.size();
    }

    /** An event of a pass, read: its entry, the entry's facts and the notices its type gives. */
    private record Prepared(NotificationRepository.EventRow row, Map<String, Object> entry, Map<String, Object> facts,
            List<Notice> notices) {

        Long listingId() {
            return facts.get("listingId") instanceof Number id ? id.longValue() : null;
        }
    }

    private static Prepared prepare(NotificationRepository.EventRow event) {
        Map<String, Object> entry = read(event.entry());
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = entry.get("facts") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        List<Notice> notices;
        try {
            notices = NotificationRules.notices(event.kind(), facts);
        } catch (RuntimeException e) {
            // An entry without the facts its type promises gives no notice; it must not hold up the
            // events after it (they are expanded in the same batch, which would fail on every pass).
            LOG.errorf(e, "Notification event %d (%s) lacks the facts its type needs; it gives no notice",
                    event.id(), event.kind());
            notices = List.of();
        }
        return new Prepared(event, entry, facts, notices);
    }

    /**
     * What one pass reads of the listings' texts, the audiences' organisations and the
     * organisations' preferences, each once per pass: a pass holds up to {@code expand-batch}
     * events, mostly bids, which name the same listings and bidders again and again. The listings'
     * texts and the outbid bidders of all the pass's events are read up front, one query each;
     * other audiences and preferences as they are first met. All are read as they stand when the
     * pass runs, as before.
     */
    private record Pass(Map<Long, Optional<String[]>> lots, Map<Audience, List<NotificationRepository.Recipient>> recipients,
            Map<String, Optional<NotificationRepository.Preference>> preferences) {

        static Pass read(List<Prepared> events, NotificationRepository repository) {
            Set<Long> listingIds = new HashSet<>();
            Set<Audience.PreviousBidder> outbid = new HashSet<>();
            for (Prepared event : events) {
                if (event.listingId() != null) {
                    listingIds.add(event.listingId());
                }
                for (Notice notice : event.notices()) {
                    if (notice.audience() instanceof Audience.PreviousBidder a) {
                        outbid.add(a);
                    }
                }
            }
            Map<Long, String[]> texts = repository.lots(listingIds);
            Map<Long, Optional<String[]>> lots = new HashMap<>();
            listingIds.forEach(id -> lots.put(id, Optional.ofNullable(texts.get(id))));
            return new Pass(lots, new HashMap<>(repository.previousBidders(outbid)), new HashMap<>());
        }
    }

    private void expand(Prepared event, Instant now, Pass pass) {
        Map<String, Object> entry = event.entry();
        Map<String, Object> facts = event.facts();
        Map<String, Object> lot = new HashMap<>();
        if (event.listingId() != null) {
            pass.lots().get(event.listingId()).ifPresent(l -> {
                lot.put("listingNo", l[0]);
                lot.put("title", l[1]);
                lot.put("statusReason", l[2]);
            });
        }
        for (Notice notice : event.notices()) {
            for (NotificationRepository.Recipient recipient : pass.recipients()
                    .computeIfAbsent(notice.audience(), repository::recipients)) {
                Optional<NotificationRepository.Preference> preference = pass.preferences()
                        .computeIfAbsent(recipient.org(), repository::preference);
                if (preference.isEmpty() || !takes(preference.get(), notice.type())) {
                    continue;
                }
                Map<String, Object> vars = new HashMap<>(facts);
                vars.putAll(lot);
                vars.put("recipientBidderNo", recipient.bidderNo());
                if (notice.type() == EventType.REVIEW_QUEUE) {
                    vars.put("pendingReviews", repository.pendingReviews(recipient.org()));
                }
                NotificationTexts.Text text = NotificationTexts.render(notice.type(), event.row().kind(), vars, zone);
                for (Channel channel : channels(preference.get())) {
                    UUID id = messageId(event.row().id(), notice.type(), recipient.org(), channel);
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("id", id.toString());
                    payload.put("event", notice.type().name());
                    payload.put("occurredAt", entry.get("time"));
                    payload.put("recipient", recipient.org());
                    payload.put("listingId", facts.get("listingId"));
                    payload.put("listingNo", lot.get("listingNo"));
                    payload.put("subject", text.subject());
                    payload.put("text", text.body());
                    repository.insertMessage(id, event.row().id(), notice.type(), recipient.org(), channel, text.subject(),
                            text.body(), write(payload), now);
                }
            }
        }
    }

    /**
     * The stable id of the message of one event to one organisation on one channel: a name-based
     * UUID of those four, so expanding an event again gives the same ids.
     */
    static UUID messageId(long eventId, EventType type, String org, Channel channel) {
        return UUID.nameUUIDFromBytes(("land-market/notification/" + eventId + "/" + type.name() + "/" + org + "/"
                + channel.name()).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean takes(NotificationRepository.Preference p, EventType type) {
        return p.role() == type.role() && (p.events() == null || p.events().contains(type.name()));
    }

    private static List<Channel> channels(NotificationRepository.Preference p) {
        List<Channel> channels = new ArrayList<>();
        if (p.email() != null) {
            channels.add(Channel.EMAIL);
        }
        if (p.webhookUrl() != null) {
            channels.add(Channel.WEBHOOK);
        }
        return channels;
    }

    /**
     * Writes the time-based events that are due, each once (its key holds the deadline, so a
     * countdown restarted by a bid warns again): a countdown of timed bidding within
     * {@code countdown-warning} of its end, a buyer's confirmation or payment deadline within
     * {@code default-warning}. Returns how many were written now.
     */
    @Transactional
    public int writeReminders() {
        Instant now = clock.instant();
        List<NotificationRepository.OnceEvent> due = new ArrayList<>();
        for (Object[] row : repository.countdownsEnding(now, now.plus(config.countdownWarning()))) {
            long listingId = ((Number) row[0]).longValue();
            Instant deadline = NotificationRepository.instant(row[1]);
            Map<String, Object> facts = new HashMap<>();
            facts.put("listingId", listingId);
            facts.put("deadline", deadline.toString());
            facts.put("highestBidFen", row[2]);
            due.add(reminder(NotificationRules.COUNTDOWN_ENDING, facts, now, "countdown:" + listingId + ":" + deadline));
        }
        for (Object[] row : repository.deadlinesNear(now, now.plus(config.defaultWarning()))) {
            Instant deadline = NotificationRepository.instant(row[3]);
            Map<String, Object> facts = new HashMap<>();
            facts.put("tradeId", ((Number) row[0]).longValue());
            facts.put("listingId", ((Number) row[1]).longValue());
            facts.put("what", row[2]);
            facts.put("deadline", deadline.toString());
            facts.put("owedFen", row[4]);
            due.add(reminder(NotificationRules.DEFAULT_WARNING, facts, now,
                    "default:" + row[0] + ":" + row[2] + ":" + deadline));
        }
        return repository.insertEventsOnce(due);
    }

    private NotificationRepository.OnceEvent reminder(String kind, Map<String, Object> facts, Instant now, String key) {
        Map<String, Object> entry = Map.of("type", kind, "time", now.toString(), "actor", SYSTEM, "facts", facts);
        return new NotificationRepository.OnceEvent(kind, write(entry), key);
    }

    /** What one pruning pass deleted. */
    public record Pruned(int messages, int events) {
    }

    /**
     * Deletes one bounded batch ({@code prune-batch}) of messages delivered more than
     * {@code retention} ago, then one of the expanded events no message names any more, on any
     * instance (rows another one holds are skipped). Undelivered and dead messages, and their
     * events, are kept whatever their age. A reminder's event is kept at least as long as its
     * warning window, so its key still stops it from being written again while it would be due.
     */
    @Transactional
    public Pruned prune() {
        Instant now = clock.instant();
        int messages = repository.pruneDelivered(now.minus(config.retention()), config.pruneBatch());
        int events = repository.pruneEvents(now.minus(NotificationRules.eventRetention(config.retention(),
                config.countdownWarning(), config.defaultWarning())), config.pruneBatch());
        return new Pruned(messages, events);
    }

    /** Organisations and channels with a message due, oldest first: [org, channel]. */
    @Transactional
    public List<Object[]> dueGroups(int limit) {
        return repository.dueGroups(clock.instant(), limit);
    }

    /**
     * Delivers one organisation's messages on one channel in order, holding that channel's lock so
     * that no other worker delivers to it meanwhile; a message is tried only once every earlier one
     * is delivered or dead. A failure is retried after the back-off (the rest wait behind it), and
     * after {@code max-attempts} failures the message is dead and the next one goes. Returns how
     * many were delivered, or -1 when another worker holds the channel.
     */
    @Transactional
    public int deliver(String org, Channel channel) {
        if (!repository.tryLockGroup(org, channel)) {
            return -1;
        }
        Optional<NotificationRepository.Preference> preference = repository.preference(org);
        int delivered = 0;
        for (NotificationRepository.Pending m : repository.lockPending(org, channel, config.deliverBatch())) {
            Instant now = clock.instant();
            if (m.nextAttemptAt().isAfter(now)) {
                break;
            }
            String error = send(preference, channel, m);
            if (error == null) {
                repository.markDelivered(m.seq(), now);
                delivered++;
                continue;
            }
            int attempts = m.attempts() + 1;
            boolean dead = NotificationRules.dead(attempts, config.maxAttempts());
            Instant next = now.plus(NotificationRules.backoff(attempts, config.retryBase(), config.retryMax()));
            repository.markFailed(m.seq(), error, next, dead, now);
            LOG.infof("Notification %s to %s by %s failed (attempt %d%s): %s", m.id(), org, channel, attempts,
                    dead ? ", now a dead letter" : "", error);
            if (!dead) {
                break;
            }
        }
        return delivered;
    }

    private String send(Optional<NotificationRepository.Preference> preference, Channel channel,
            NotificationRepository.Pending m) {
        if (channel == Channel.EMAIL) {
            String address = preference.map(NotificationRepository.Preference::email).orElse(null);
            return address == null ? "no e-mail address" : email.deliver(address, m.id(), m.subject(), m.body());
        }
        String url = preference.map(NotificationRepository.Preference::webhookUrl).orElse(null);
        return url == null ? "no webhook URL"
                : webhook.deliver(url, preference.get().webhookSecret(), m.id(), m.payload());
    }

    /** The caller's choices (the defaults when it has made none); 403 for an unregistered or deactivated organisation. */
    @Transactional
    public PreferencesView preferences(Actor actor) {
        Role role = requireOrganisation(actor);
        return view(actor.org(), role, repository.preference(actor.org()).orElse(null));
    }

    /**
     * Replaces the caller's choices, logged as {@code notification.preferences_set} (which channels
     * and events, never the addresses or the secret). 400 naming every bad field: an e-mail address
     * that is not one, a webhook URL that is not absolute http(s), a secret shorter than 16
     * characters or one without a URL (or the reverse), an event not of the caller's kind.
     */
    @Transactional
    public PreferencesView setPreferences(Actor actor, PreferencesRequest request) {
        return setPreferences(actor, request, false);
    }

    /**
     * As {@link #setPreferences(Actor, PreferencesRequest)}; with {@code keepSecret} (the
     * notification page, which never shows the secret), a webhook URL given without a secret keeps
     * the secret already set, if any.
     */
    @Transactional
    public PreferencesView setPreferences(Actor actor, PreferencesRequest request, boolean keepSecret) {
        Role role = requireOrganisation(actor);
        if (keepSecret && (request.webhookSecret() == null || request.webhookSecret().isEmpty())
                && blankToNull(request.webhookUrl()) != null) {
            String kept = repository.preference(actor.org()).map(NotificationRepository.Preference::webhookSecret)
                    .orElse(null);
            request = new PreferencesRequest(request.email(), request.webhookUrl(), kept, request.events());
        }
        List<FieldViolation> violations = new ArrayList<>();
        String mail = blankToNull(request.email());
        if (mail != null && (mail.length() > 254 || !EMAIL.matcher(mail).matches())) {
            violations.add(FieldViolation.of("email", MessageKey.NOTIFICATION_EMAIL_INVALID));
        }
        String url = blankToNull(request.webhookUrl());
        if (url != null && !webhookUrl(url)) {
            violations.add(FieldViolation.of("webhookUrl", MessageKey.NOTIFICATION_WEBHOOK_URL_INVALID));
        }
        String secret = request.webhookSecret() == null || request.webhookSecret().isEmpty() ? null
                : request.webhookSecret();
        if ((url == null) != (secret == null) || secret != null && (secret.length() < 16 || secret.length() > 200)) {
            violations.add(FieldViolation.of("webhookSecret", MessageKey.NOTIFICATION_WEBHOOK_SECRET));
        }
        List<String> events = null;
        if (request.events() != null) {
            Set<EventType> allowed = NotificationRules.defaultEvents(role);
            Set<EventType> chosen = EnumSet.noneOf(EventType.class);
            for (int i = 0; i < request.events().size(); i++) {
                String name = request.events().get(i);
                Optional<EventType> type = allowed.stream().filter(t -> t.name().equals(name)).findFirst();
                if (type.isEmpty()) {
                    violations.add(FieldViolation.of("events[" + i + "]", MessageKey.NOTIFICATION_EVENT_UNKNOWN,
                            String.valueOf(name), allowed.stream().map(Enum::name).toList().toString()));
                } else {
                    chosen.add(type.get());
                }
            }
            events = chosen.stream().map(Enum::name).toList();
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        Instant now = clock.instant();
        NotificationRepository.Preference p = new NotificationRepository.Preference(actor.org(), role, mail, url,
                secret, events, now);
        repository.savePreference(p);
        Map<String, Object> facts = new HashMap<>();
        facts.put("org", actor.org());
        facts.put("role", role.name());
        facts.put("email", mail != null);
        facts.put("webhook", url != null);
        facts.put("events", events);
        audit.append(new AuditEntry("notification.preferences_set", now, actor.toString(), facts));
        return view(actor.org(), role, p);
    }

    /** The caller's own messages, newest first. */
    @Transactional
    public PageView<MessageView> messages(Actor actor, PageRequest page) {
        requireOrganisation(actor);
        return new PageView<>(repository.messagesOf(actor.org(), page.page(), page.size()).stream()
                .map(MessageView::of).toList(), page.page(), page.size(), repository.messageCount(actor.org()));
    }

    /** Messages that failed {@code max-attempts} times, oldest first (operators). */
    @Transactional
    public PageView<MessageView> deadLetters(PageRequest page) {
        return new PageView<>(repository.deadLetters(page.page(), page.size()).stream().map(MessageView::of).toList(),
                page.page(), page.size(), repository.deadLetterCount());
    }

    /**
     * Gives a dead letter a fresh set of attempts, due now, to the organisation's current address;
     * logged as {@code notification.replayed}. 400 for an id that is not a UUID, 404 for no such
     * message, 409 when it is not dead.
     */
    @Transactional
    public MessageView replay(Actor actor, String messageId) {
        UUID id;
        try {
            id = UUID.fromString(messageId);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("id", MessageKey.NOTIFICATION_MESSAGE_ID, messageId);
        }
        NotificationRepository.MessageRow row = repository.lockMessage(id)
                .orElseThrow(() -> ApiException.notFound("message", messageId));
        if (row.deadAt() == null) {
            throw new ApiException(ErrorCode.INVALID_STATE, MessageKey.NOTIFICATION_NOT_DEAD, messageId);
        }
        Instant now = clock.instant();
        repository.revive(row.seq(), now);
        Map<String, Object> facts = new HashMap<>();
        facts.put("messageId", id.toString());
        facts.put("eventType", row.eventType());
        facts.put("recipient", row.recipientOrg());
        facts.put("channel", row.channel());
        facts.put("attempts", row.attempts());
        audit.append(new AuditEntry("notification.replayed", now, actor.toString(), facts));
        return MessageView.of(repository.lockMessage(id).orElseThrow());
    }

    private Role requireOrganisation(Actor actor) {
        switch (actor.role()) {
            case TOWNSHIP -> parties.townshipOf(actor);
            case REGULATOR -> parties.regulatorOf(actor);
            case ENTERPRISE -> {
                if (!repository.enterpriseExists(actor.org())) {
                    throw ApiException.forbidden(MessageKey.FORBIDDEN_UNKNOWN_ORG, actor.org());
                }
            }
            default -> throw ApiException.forbidden(MessageKey.FORBIDDEN_ROLE);
        }
        return actor.role();
    }

    private static PreferencesView view(String org, Role role, NotificationRepository.Preference p) {
        List<String> available = NotificationRules.defaultEvents(role).stream().map(Enum::name).toList();
        if (p == null) {
            return new PreferencesView(org, null, null, false, available, true, available);
        }
        return new PreferencesView(org, p.email(), p.webhookUrl(), p.webhookSecret() != null,
                p.events() == null ? available : p.events(), p.events() == null, available);
    }

    private static boolean webhookUrl(String url) {
        if (url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox event", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
