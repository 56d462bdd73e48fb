"""Prometheus metrics (served on METRICS_PORT at /metrics, see bot/web.py).

One registry for the process: the dispatcher, the planner and the inbox report into it.
"""

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

SENDS = Counter(
    "marathon_sends", "Outbox sends by outcome.", ["outcome"], registry=REGISTRY
)  # outcome: sent | retrying | failed
AMBIGUOUS = Counter(
    "marathon_ambiguous_sends",
    "Messages handed to Telegram whose outcome was never recorded (the sender died).",
    registry=REGISTRY,
)
SEND_SECONDS = Histogram(
    "marathon_send_seconds",
    "From handing a message to Telegram to its answer.",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30),
    registry=REGISTRY,
)
OUTBOX_ROWS = Gauge("marathon_outbox_rows", "Outbox rows by status.", ["status"], registry=REGISTRY)
TICK_SECONDS = Histogram(
    "marathon_tick_seconds",
    "Duration of one planning pass.",
    buckets=(0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60),
    registry=REGISTRY,
)
LAST_TICK = Gauge(
    "marathon_last_tick_timestamp_seconds", "When the last planning pass ended.", registry=REGISTRY
)
UPDATES = Counter(
    "marathon_updates",
    "Updates handled from the inbox, by outcome.",
    ["outcome"],
    registry=REGISTRY,
)  # outcome: done | failed
INBOX_LAG = Gauge(
    "marathon_inbox_lag_seconds",
    "Age of the oldest update waiting in the inbox.",
    registry=REGISTRY,
)
