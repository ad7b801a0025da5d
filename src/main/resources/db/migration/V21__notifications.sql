-- Notifications (README "Notifications"). Every notifiable change writes one row into
-- notification_event in its own transaction (the outbox): the audit entry it wrote, whole. The
-- reminder job writes time-based events, each once (dedupe_key). A fan-out, one instance at a
-- time, turns each event into one message per recipient organisation and channel, with an id
-- derived from the event, the event type, the organisation and the channel, and marks the event
-- expanded in the same transaction. Workers on any instance deliver messages in seq order per
-- organisation and channel, at least once; a message that fails too often is dead (a dead letter
-- operators can list and replay).

create table notification_event (
    id           bigserial    primary key,
    kind         varchar(60)  not null,
    entry        jsonb        not null,          -- {"type","time","actor","facts"} as in the audit log
    dedupe_key   varchar(200) unique,            -- reminders only: each is written once
    created_at   timestamptz  not null default now(),
    expanded_at  timestamptz
);
create index notification_event_pending_idx on notification_event (id) where expanded_at is null;

-- What an organisation wants: its addresses and the events it takes (null: every event of its kind).
create table notification_preference (
    org_code        varchar(18)   primary key,
    role            varchar(20)   not null check (role in ('ENTERPRISE', 'TOWNSHIP', 'REGULATOR')),
    email           varchar(254),
    webhook_url     varchar(2000),
    webhook_secret  varchar(200),
    events          varchar(40)[],
    updated_at      timestamptz   not null,
    constraint notification_preference_webhook check ((webhook_url is null) = (webhook_secret is null))
);

create table notification_message (
    seq              bigserial    primary key,   -- delivery order per organisation and channel
    id               uuid         not null unique,
    event_id         bigint       not null references notification_event (id),
    event_type       varchar(40)  not null,
    recipient_org    varchar(18)  not null,
    channel          varchar(10)  not null check (channel in ('EMAIL', 'WEBHOOK')),
    subject          varchar(300) not null,
    body             text         not null,
    payload          text         not null,      -- the webhook's JSON body
    created_at       timestamptz  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    last_error       varchar(500),
    delivered_at     timestamptz,
    dead_at          timestamptz
);
create index notification_message_pending_idx on notification_message (recipient_org, channel, seq)
    where delivered_at is null and dead_at is null;
create index notification_message_dead_idx on notification_message (seq) where dead_at is not null;
