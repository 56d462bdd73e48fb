"""Use cases between the handlers (or the scheduler) and the data.

Each function takes a session and plain values, calls the pure rules in `domain` and the
queries in `db`, and returns plain results: no Telegram, no copy. A handler parses, calls a
service, renders and replies; the scheduler's planner reuses the same services.
"""
