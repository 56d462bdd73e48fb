"""The scheduler: plan what is due, write it to the outbox, dispatch it."""

from scheduler.tick import register, run_tick

__all__ = ["register", "run_tick"]
