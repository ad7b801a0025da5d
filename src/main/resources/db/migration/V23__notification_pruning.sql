-- Pruning the outbox (README "Notifications"): each worker pass deletes a bounded batch of messages
-- delivered more than market.notification.retention ago, oldest delivery first, then the expanded
-- events no message names any more. These indexes keep both scans off the whole tables: the
-- delivered messages by delivery time, the messages of an event (the foreign key had none), and
-- the expanded events in order.
create index notification_message_delivered_idx on notification_message (delivered_at)
    where delivered_at is not null;
create index notification_message_event_idx on notification_message (event_id);
create index notification_event_expanded_idx on notification_event (id) where expanded_at is not null;
